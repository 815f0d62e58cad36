package dev.studybot.cli;

import dev.studybot.knowledge.questions.QuestionGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench-questions", description = {
        "Times question generation on the notes copied 1, 10 and 100 times (distinct files), in one run.",
        "One line per size: copies=N questions=Q ms=T cpu_ms=C heap_mb=H (cpu_ms: this thread's CPU time, steadier",
        "than ms on a busy machine); last line: peak_rss_mb=R (the whole run)."})
final class BenchQuestionsCommand implements Callable<Integer> {

    @Mixin
    NotesOptions notes;

    @Option(names = "--copies", paramLabel = "N,N,...", split = ",", defaultValue = "1,10,100",
            description = "How many copies of the notes to time. Default: ${DEFAULT-VALUE}")
    List<Integer> copies;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (copies.stream().anyMatch(n -> n < 1)) {
            throw new IllegalArgumentException("--copies must all be at least 1.");
        }
        PrintWriter out = spec.commandLine().getOut();
        for (int times : copies) {
            Path work = Files.createTempDirectory("studybot-bench-questions");
            try {
                Path folder = BenchSupport.replicate(notes.notes, work.resolve("notes"), times);
                QuestionGenerator generator = notes.questionGenerator(notes.config().questions().minScore());
                ThreadMXBean threads = ManagementFactory.getThreadMXBean();
                long start = System.nanoTime();
                long cpuStart = threads.getCurrentThreadCpuTime();
                int questions = generator.generate(folder, 1).questions().size();
                long cpuMillis = (threads.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
                long millis = (System.nanoTime() - start) / 1_000_000;
                out.printf(Locale.ROOT, "copies=%d questions=%d ms=%d cpu_ms=%d heap_mb=%d%n", times, questions, millis,
                        cpuMillis, BenchSupport.usedHeapMb());
                out.flush();
            } finally {
                BenchSupport.deleteTree(work);
            }
        }
        out.printf(Locale.ROOT, "peak_rss_mb=%d%n", BenchSupport.peakRssMb());
        out.flush();
        return 0;
    }
}
