package dev.studybot.cli;

import dev.studybot.knowledge.KnowledgeBase;
import dev.studybot.knowledge.eval.EvalQuery;
import dev.studybot.knowledge.eval.EvalSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench", description = {
        "Build the index from scratch in a temporary folder, then time every query many times.",
        "Last line: passages=P index_ms=I p50_us=A p99_us=B heap_mb=H"})
final class BenchCommand implements Callable<Integer> {

    private static final int WARM_UP_ROUNDS = 20;

    @Mixin
    NotesOptions notes;

    @Option(names = "--queries", paramLabel = "FILE.tsv", required = true, description = "Queries to time (eval format).")
    Path queries;

    @Option(names = "--scale", paramLabel = "N", defaultValue = "1",
            description = "Index the notes N times over, as distinct files. Default: ${DEFAULT-VALUE}")
    int scale;

    @Option(names = "--rounds", paramLabel = "R", defaultValue = "20",
            description = "Times each query is timed, after " + WARM_UP_ROUNDS + " warm-up rounds. Default: ${DEFAULT-VALUE}")
    int rounds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (scale < 1 || rounds < 1) {
            throw new IllegalArgumentException("--scale and --rounds must be at least 1.");
        }
        List<EvalQuery> set = EvalSet.read(queries);
        Path work = Files.createTempDirectory("studybot-bench");
        try {
            Path notesFolder = scale == 1 ? notes.notes : BenchSupport.replicate(notes.notes, work.resolve("notes"), scale);
            long start = System.nanoTime();
            try (KnowledgeBase base = KnowledgeBase.open(notesFolder, work.resolve("data"), notes.loadSynonyms(),
                    NotesOptions.TerminalProgress.forTerminal(System.err))) {
                long indexMs = (System.nanoTime() - start) / 1_000_000;
                NotesOptions.report(base.lastSync(), NotesOptions.warningsTo(System.err));
                long[] micros = timeQueries(base, set);
                Arrays.sort(micros);
                PrintWriter out = spec.commandLine().getOut();
                out.printf(Locale.ROOT, "passages=%d index_ms=%d p50_us=%d p99_us=%d heap_mb=%d%n",
                        base.lastSync().passages(), indexMs, BenchSupport.percentile(micros, 50), BenchSupport.percentile(micros, 99), BenchSupport.usedHeapMb());
                out.flush();
            }
        } finally {
            BenchSupport.deleteTree(work);
        }
        return 0;
    }

    private long[] timeQueries(KnowledgeBase base, List<EvalQuery> set) {
        // Warm-up: let the JIT compile the search path before anything is timed.
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            for (EvalQuery query : set) {
                base.search(query.query(), 5);
            }
        }
        long[] micros = new long[set.size() * rounds];
        int i = 0;
        for (int round = 0; round < rounds; round++) {
            for (EvalQuery query : set) {
                long start = System.nanoTime();
                base.search(query.query(), 5);
                micros[i++] = (System.nanoTime() - start) / 1000;
            }
        }
        return micros;
    }

}
