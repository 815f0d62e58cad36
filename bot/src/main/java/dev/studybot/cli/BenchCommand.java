package dev.studybot.cli;

import dev.studybot.knowledge.KnowledgeBase;
import dev.studybot.knowledge.analysis.Synonyms;
import dev.studybot.knowledge.embed.TextEmbedder;
import dev.studybot.knowledge.index.IndexProgress;
import dev.studybot.knowledge.index.SyncReport;
import dev.studybot.knowledge.search.SearchMode;
import dev.studybot.knowledge.eval.EvalQuery;
import dev.studybot.knowledge.eval.EvalSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench", description = {
        "Build the index from scratch (with vectors) in a temporary folder, time every query by words alone and",
        "hybrid, restart on the existing index, re-index one changed file, and measure a studybot search process.",
        "Last line: passages=P index_ms=I embed_ms=E embedded_per_s=R lexical_p50_us=.. lexical_p99_us=..",
        "hybrid_p50_us=.. hybrid_p99_us=.. restart_ms=.. restart_process_ms=.. reload_ms=.. reload_embedded=.. heap_mb=H",
        "search_peak_rss_mb=M"})
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
    public Integer call() throws IOException, InterruptedException {
        if (scale < 1 || rounds < 1) {
            throw new IllegalArgumentException("--scale and --rounds must be at least 1.");
        }
        List<EvalQuery> set = EvalSet.read(queries);
        Path work = Files.createTempDirectory("studybot-bench");
        try {
            // Always a copy: the reload step edits a file, and the team's own notes are never touched.
            Path notesFolder = BenchSupport.replicate(notes.notes, work.resolve("notes"), scale);
            Path data = work.resolve("data");
            TextEmbedder embedder = notes.embedder();
            Synonyms synonyms = notes.loadSynonyms();
            long start = System.nanoTime();
            KnowledgeBase base = KnowledgeBase.open(notesFolder, data, synonyms, embedder,
                    NotesOptions.TerminalProgress.forTerminal(System.err));
            long indexMs = millisSince(start);
            SyncReport built = base.lastSync();
            NotesOptions.report(built, NotesOptions.warningsTo(System.err));
            long[] lexical = timeQueries(base, set, SearchMode.LEXICAL);
            long[] hybrid = timeQueries(base, set, SearchMode.HYBRID);
            base.close();

            start = System.nanoTime();
            base = KnowledgeBase.open(notesFolder, data, synonyms, embedder, IndexProgress.SILENT);
            long restartMs = millisSince(start);
            int restartEmbedded = base.lastSync().embedded();
            SyncReport reload;
            try (Stream<Path> files = Files.walk(notesFolder)) {
                Path changed = files.filter(Files::isRegularFile).sorted().findFirst().orElseThrow();
                Files.writeString(changed, "\n- studybot bench: one line added to re-index this file\n",
                        StandardOpenOption.APPEND);
            }
            start = System.nanoTime();
            reload = base.sync(IndexProgress.SILENT);
            long reloadMs = millisSince(start);
            long heapMb = BenchSupport.usedHeapMb();
            base.close();
            long searchRssMb = searchProcess(notesFolder, data, null).peakRssMb();
            long restartProcessMs = searchProcess(notesFolder, data, set.get(0).query()).millis();

            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "model=%s restart_embedded=%d reload_files=%d%n", embedder.id(),
                    restartEmbedded, reload.filesIndexed());
            out.printf(Locale.ROOT, "passages=%d index_ms=%d embed_ms=%d embedded_per_s=%.0f lexical_p50_us=%d"
                            + " lexical_p99_us=%d hybrid_p50_us=%d hybrid_p99_us=%d restart_ms=%d restart_process_ms=%d reload_ms=%d"
                            + " reload_embedded=%d heap_mb=%d search_peak_rss_mb=%d%n",
                    built.passages(), indexMs, built.embedMillis(),
                    built.embedded() * 1000.0 / Math.max(1, built.embedMillis()),
                    BenchSupport.percentile(lexical, 50), BenchSupport.percentile(lexical, 99),
                    BenchSupport.percentile(hybrid, 50), BenchSupport.percentile(hybrid, 99),
                    restartMs, restartProcessMs, reloadMs, reload.embedded(), heapMb, searchRssMb);
            out.flush();
        } finally {
            BenchSupport.deleteTree(work);
        }
        return 0;
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** Each query's time, in microseconds, over {@link #rounds} rounds after a warm-up. */
    private long[] timeQueries(KnowledgeBase base, List<EvalQuery> set, SearchMode mode) {
        // Warm-up: let the JIT compile the search path before anything is timed.
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            for (EvalQuery query : set) {
                base.search(query.query(), 5, mode);
            }
        }
        long[] micros = new long[set.size() * rounds];
        int i = 0;
        for (int round = 0; round < rounds; round++) {
            for (EvalQuery query : set) {
                long start = System.nanoTime();
                base.search(query.query(), 5, mode);
                micros[i++] = (System.nanoTime() - start) / 1000;
            }
        }
        Arrays.sort(micros);
        return micros;
    }

    /** How long a separate process ran, and its peak resident memory as the kernel counts it ({@code VmHWM}). */
    private record ProcessFigures(long millis, long peakRssMb) {
    }

    /**
     * Runs {@code studybot search} in a new process on the index just built, answering the queries on its
     * stdin (or {@code query} alone), so that the JVM's start, the model's loading and its native memory count.
     */
    private ProcessFigures searchProcess(Path notesFolder, Path data, String query)
            throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                StudybotCommand.class.getName(), "search", "--notes", notesFolder.toString(), "--data", data.toString()));
        if (notes.synonyms != null) {
            command.addAll(List.of("--synonyms", notes.synonyms.toString()));
        }
        if (notes.model != null) {
            command.addAll(List.of("--model", notes.model));
        }
        if (query != null) {
            command.add(query);
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        if (query == null) {
            builder.redirectInput(queries.toFile());
        }
        long start = System.nanoTime();
        Process search = builder.start();
        Path status = Path.of("/proc", Long.toString(search.pid()), "status");
        long peakKb = 0;
        while (search.isAlive()) {
            peakKb = Math.max(peakKb, highWaterMarkKb(status));
            search.waitFor(20, TimeUnit.MILLISECONDS);
        }
        return new ProcessFigures(millisSince(start), peakKb / 1024);
    }

    /** {@code VmHWM} of a running process, 0 once it is gone (or where there is no /proc). */
    private static long highWaterMarkKb(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // The process ended between two looks: the last reading stands.
        }
        return 0;
    }

}
