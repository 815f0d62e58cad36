package dev.studybot.cli;

import dev.studybot.knowledge.KnowledgeBase;
import dev.studybot.knowledge.eval.EvalHalf;
import dev.studybot.knowledge.eval.EvalQuery;
import dev.studybot.knowledge.eval.EvalReport;
import dev.studybot.knowledge.eval.EvalSet;
import dev.studybot.knowledge.eval.Evaluator;
import dev.studybot.knowledge.eval.OffTopicReport;
import dev.studybot.config.DatabaseLocation;
import dev.studybot.config.StudybotConfig;
import dev.studybot.store.SqlStudyStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "eval", description = {
        "Measure search quality on your notes with a TSV of queries (columns: id, query, answers separated by ' | ').",
        "A hit is a shown result whose text contains one of the answers.",
        "With --from-feedback, write such a TSV from the members' 👍/👎 votes on lookups instead."})
final class EvalCommand implements Callable<Integer> {

    @Mixin
    NotesOptions notes;

    @Option(names = "--queries", paramLabel = "FILE.tsv", description = "The queries and their answers.")
    Path queries;

    @Option(names = "--half", paramLabel = "tune|holdout", description = {
            "Only one fixed half of the queries: tune (the 1st, 3rd, 5th ...) or holdout (the 2nd, 4th ...).",
            "Choose on the tune half; a change that lifts it but not the holdout half is fitted to the queries."})
    EvalHalf half;

    @Option(names = "--from-feedback", description = {
            "Write the lookups members voted on, from the database, as a query set to stdout: voted helpful, with the",
            "line their first result answered with as the answer; the others as # comments to complete by hand."})
    boolean fromFeedback;

    @Option(names = "--db", paramLabel = "FILE|URL", converter = DatabaseConverter.class,
            description = "With --from-feedback: the database, " + DatabaseConverter.FORMS_AND_DEFAULT)
    DatabaseLocation db;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "5", description = "Results shown per query. Default: ${DEFAULT-VALUE}")
    int limit;

    @Option(names = "--min-hit1", paramLabel = "X", description = "Exit with status 1 when hit@1 is below X (a quality floor for CI).")
    Double minHitAt1;

    @Option(names = "--min-hitk", paramLabel = "X", description = "Exit with status 1 when hit@N is below X.")
    Double minHitAtK;

    @Option(names = "--off-topic", description = {
            "The queries are about things the notes never mention (the answers column is ignored): each should",
            "get \"nothing in the notes\". Prints those that got results, then nothing=N/M (share)."})
    boolean offTopic;

    @Option(names = "--min-nothing", paramLabel = "X",
            description = "With --off-topic: exit with status 1 when fewer than this share get \"nothing\".")
    Double minNothing;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (fromFeedback) {
            return fromFeedback(out);
        }
        if (queries == null) {
            throw new ParameterException(spec.commandLine(), "Missing option: --queries FILE.tsv (or --from-feedback)");
        }
        List<EvalQuery> whole = EvalSet.read(queries);
        List<EvalQuery> set = half == null ? whole : half.of(whole);
        if (offTopic) {
            return offTopic(set, out);
        }
        EvalReport report;
        try (KnowledgeBase base = notes.open(System.err)) {
            report = Evaluator.run(set, limit, base::search);
        }
        for (EvalReport.Miss miss : report.misses()) {
            out.printf(Locale.ROOT, "%s %s  %s%n    expected: %s%n", miss.rank() == 0 ? "MISS" : "rank " + miss.rank(),
                    miss.query().id(), miss.query().query(), String.join(" | ", miss.query().answers()));
            miss.shown().stream().limit(3).forEach(shown -> out.println("    shown: " + shown));
        }
        out.println(report.summary(limit));
        out.flush();
        return belowFloor(report) ? 1 : 0;
    }

    private int fromFeedback(PrintWriter out) {
        StudybotConfig config = notes.configFile.load(System.getenv());
        DatabaseLocation database = db != null ? db : config.databaseLocation();
        if (database instanceof DatabaseLocation.SqliteFile file && !Files.isRegularFile(file.file())) {
            throw new IllegalArgumentException("There is no database at " + file.file() + " to read votes from.");
        }
        try (SqlStudyStore store = SqlStudyStore.open(database, config.timeZone(),
                System.getenv(DatabaseLocation.PASSWORD_VARIABLE))) {
            int written = FeedbackQuerySet.write(store.searches().voted(), out);
            spec.commandLine().getErr().println((written == 1 ? "1 query" : written + " queries")
                    + " from members' votes in " + database + ".");
            spec.commandLine().getErr().flush();
        }
        return 0;
    }

    private int offTopic(List<EvalQuery> set, PrintWriter out) {
        OffTopicReport report;
        try (KnowledgeBase base = notes.open(System.err)) {
            report = Evaluator.runOffTopic(set, base::search);
        }
        for (OffTopicReport.Found found : report.found()) {
            out.printf(Locale.ROOT, "FOUND %s  %s%n    shown: %s%n", found.query().id(), found.query().query(), found.shown());
        }
        out.println(report.summary());
        out.flush();
        if (minNothing != null && report.nothingShare() < minNothing) {
            spec.commandLine().getErr().printf(Locale.ROOT, "nothing %.3f is below the floor %.3f%n",
                    report.nothingShare(), minNothing);
            spec.commandLine().getErr().flush();
            return 1;
        }
        return 0;
    }

    private boolean belowFloor(EvalReport report) {
        boolean below = false;
        PrintWriter err = spec.commandLine().getErr();
        if (minHitAt1 != null && report.hitAt1() < minHitAt1) {
            err.printf(Locale.ROOT, "hit@1 %.3f is below the floor %.3f%n", report.hitAt1(), minHitAt1);
            below = true;
        }
        if (minHitAtK != null && report.hitAtK() < minHitAtK) {
            err.printf(Locale.ROOT, "hit@%d %.3f is below the floor %.3f%n", limit, report.hitAtK(), minHitAtK);
            below = true;
        }
        err.flush();
        return below;
    }
}
