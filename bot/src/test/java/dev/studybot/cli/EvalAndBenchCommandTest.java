package dev.studybot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalAndBenchCommandTest {

    @TempDir
    Path dir;

    private Path queries() throws Exception {
        return Files.writeString(dir.resolve("queries.tsv"), """
                id\tquery\tanswers
                q1\thow long is the spot interruption warning\ttwo-minute interruption notice
                q2\tsqs visibility timeout maximum\tcan be raised to 12 hours
                q3\tkinesis shard limits\tthis text is nowhere
                """);
    }

    @Test
    void evalPrintsMissesThenTheSummaryLine() throws Exception {
        Path notes = CliTestSupport.writeNotes(dir);
        CliTestSupport.Run run = CliTestSupport.run("", "eval", "--notes", notes.toString(),
                "--data", dir.resolve("data").toString(), "--queries", queries().toString());

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).startsWith("MISS q3"), run.out());
        assertEquals("hit@1=0.667 hit@3=0.667 hit@5=0.667 mrr=0.667 queries=3", lines.get(lines.size() - 1));
    }

    @Test
    void evalScoresOneFixedHalfOfTheQueries() throws Exception {
        Path notes = CliTestSupport.writeNotes(dir);
        String data = dir.resolve("data").toString();
        CliTestSupport.Run tune = CliTestSupport.run("", "eval", "--notes", notes.toString(), "--data", data,
                "--queries", queries().toString(), "--half", "tune");
        CliTestSupport.Run holdout = CliTestSupport.run("", "eval", "--notes", notes.toString(), "--data", data,
                "--queries", queries().toString(), "--half", "holdout");
        CliTestSupport.Run unknown = CliTestSupport.run("", "eval", "--notes", notes.toString(), "--data", data,
                "--queries", queries().toString(), "--half", "third");

        assertEquals(0, tune.exitCode(), tune.err());
        assertTrue(tune.out().startsWith("MISS q3"), tune.out());
        List<String> tuneLines = tune.out().lines().toList();
        assertEquals("hit@1=0.500 hit@3=0.500 hit@5=0.500 mrr=0.500 queries=2", tuneLines.get(tuneLines.size() - 1));
        assertEquals(0, holdout.exitCode(), holdout.err());
        assertEquals("hit@1=1.000 hit@3=1.000 hit@5=1.000 mrr=1.000 queries=1", holdout.out().strip());
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("--half") && unknown.err().contains("TUNE, HOLDOUT"), unknown.err());
    }

    @Test
    void evalFailsBelowTheFloor() throws Exception {
        Path notes = CliTestSupport.writeNotes(dir);
        CliTestSupport.Run below = CliTestSupport.run("", "eval", "--notes", notes.toString(),
                "--data", dir.resolve("data").toString(), "--queries", queries().toString(), "--min-hit1", "0.9");
        CliTestSupport.Run above = CliTestSupport.run("", "eval", "--notes", notes.toString(),
                "--data", dir.resolve("data").toString(), "--queries", queries().toString(), "--min-hitk", "0.6");

        assertEquals(1, below.exitCode());
        assertTrue(below.err().contains("below the floor"), below.err());
        assertEquals(0, above.exitCode(), above.err());
    }

    @Test
    void votesInChatBecomeAQuerySetThatEvalReads() throws Exception {
        Path notes = CliTestSupport.writeNotes(dir);
        Path db = dir.resolve("studybot.db");
        CliTestSupport.Run console = CliTestSupport.run("""
                /study search how long is the spot interruption warning
                helpful
                /study search sqs visibility timeout maximum
                unhelpful
                quit
                """, "console", "--notes", notes.toString(), "--data", dir.resolve("data").toString(), "--db", db.toString());
        assertEquals(0, console.exitCode(), console.err());

        CliTestSupport.Run export = CliTestSupport.run("", "eval", "--from-feedback", "--db", db.toString());
        assertEquals(0, export.exitCode(), export.err());
        List<String> lines = export.out().lines().toList();
        assertEquals(3, lines.size(), export.out());
        assertTrue(lines.get(1).startsWith("f001\thow long is the spot interruption warning\t"), export.out());
        assertEquals("# 0 helpful, 1 not: add the right answer and keep it: sqs visibility timeout maximum", lines.get(2));
        assertTrue(export.err().contains("1 query from members' votes"), export.err());

        Path set = Files.writeString(dir.resolve("feedback.tsv"), export.out());
        CliTestSupport.Run eval = CliTestSupport.run("", "eval", "--notes", notes.toString(),
                "--data", dir.resolve("data").toString(), "--queries", set.toString());
        assertEquals(0, eval.exitCode(), eval.err());
        assertTrue(eval.out().strip().endsWith("hit@1=1.000 hit@3=1.000 hit@5=1.000 mrr=1.000 queries=1"), eval.out());
    }

    @Test
    void evalWithoutQueriesOrFeedbackSaysWhatItNeeds() {
        CliTestSupport.Run run = CliTestSupport.run("", "eval", "--notes", dir.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--queries FILE.tsv (or --from-feedback)"), run.err());
    }

    @Test
    void benchPrintsItsFiguresOnTheLastLine() throws Exception {
        Path notes = CliTestSupport.writeNotes(dir);
        CliTestSupport.Run run = CliTestSupport.run("", "bench", "--notes", notes.toString(),
                "--queries", queries().toString(), "--scale", "3", "--rounds", "2");

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        String last = lines.get(lines.size() - 1);
        assertTrue(last.matches("passages=\\d+ index_ms=\\d+ embed_ms=\\d+ embedded_per_s=\\d+ lexical_p50_us=\\d+"
                + " lexical_p99_us=\\d+ hybrid_p50_us=\\d+ hybrid_p99_us=\\d+ restart_ms=\\d+ restart_process_ms=\\d+ reload_ms=\\d+"
                + " reload_embedded=\\d+ heap_mb=\\d+ search_peak_rss_mb=\\d+"), last);
        int passages = figure(last, "passages");
        String before = lines.get(lines.size() - 2);
        assertTrue(before.contains("restart_embedded=0 reload_files=1"), "a restart embeds nothing, a reload one file: " + before);
        assertTrue(figure(last, "reload_embedded") > 0 && figure(last, "reload_embedded") < passages,
                "only the changed file's passages are embedded again: " + last);
        assertTrue(figure(last, "search_peak_rss_mb") > 0, "a search process was measured: " + last);
        assertTrue(figure(last, "restart_process_ms") > figure(last, "restart_ms"), "a whole process restart: " + last);
        CliTestSupport.Run single = CliTestSupport.run("", "bench", "--notes", notes.toString(),
                "--queries", queries().toString(), "--rounds", "1");
        int scaled = passages;
        String singleLast = single.out().strip();
        int once = Integer.parseInt(singleLast.replaceAll("(?s).*passages=(\\d+).*", "$1"));
        assertEquals(3 * once, scaled, "--scale 3 indexes three distinct copies");
    }

    private static int figure(String line, String name) {
        return Integer.parseInt(line.replaceAll(".*\\b" + name + "=(\\d+).*", "$1"));
    }
}
