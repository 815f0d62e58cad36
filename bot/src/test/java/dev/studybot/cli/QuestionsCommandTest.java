package dev.studybot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuestionsCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path notes() throws Exception {
        Path notes = Files.createDirectories(dir.resolve("notes"));
        Files.writeString(notes.resolve("queues.md"), """
                # Messaging
                ## Queues
                - messages are kept for 4 days by default, up to 14 days
                - a consumer hides a message while it works on it
                - long polling waits for new messages instead of returning at once
                ## Topics
                - one message is pushed to every subscriber at the same moment
                - subscribers may be queues, functions, e-mail or phone numbers
                ## Streams
                - ordered records are read again and again by many consumers
                - records are kept for 24 hours unless retention is raised
                ## Buses
                - events from many sources are routed by matching rules to targets
                - a schedule can start targets every few minutes like cron
                """);
        Files.writeString(notes.resolve("team.quiz.md"), """
                # Messaging
                Q: Which option lets a consumer wait for messages instead of polling in a loop?
                - [ ] short polling
                - [x] long polling
                - [ ] fan-out
                """);
        return notes;
    }

    /** A heading that names no service: the service comes from the text, a doubt that lowers the score. */
    private static void withDoubts(Path notes) throws Exception {
        Files.writeString(notes.resolve("dev.txt"), """
                Shards
                - A Kinesis stream is split into shards that are read in order.
                - Each Kinesis shard takes in 1 MB per second of records.
                """);
    }

    @Test
    void jsonQuestionsHaveTheDocumentedShape() throws Exception {
        CliTestSupport.Run run = CliTestSupport.run("", "questions", "--notes", notes().toString(), "--json");

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.size() >= 3, run.out());
        JsonNode bank = JSON.readTree(lines.get(0));
        assertEquals("bank", bank.get("kind").asText(), "the team's own questions come first");
        assertEquals("team.quiz.md", bank.get("source").get("file").asText());
        for (String line : lines) {
            JsonNode question = JSON.readTree(line);
            for (String field : List.of("id", "kind", "topic", "prompt", "choices", "answer", "score", "source",
                    "explanation")) {
                assertTrue(question.has(field), field + " missing in " + line);
            }
            double score = question.get("score").asDouble();
            assertTrue(score >= 0.75 && score <= 1, "served questions reach the default threshold: " + line);
            int answer = question.get("answer").asInt();
            assertTrue(answer >= 0 && answer < question.get("choices").size(), line);
            assertTrue(question.get("topic").isArray() && question.get("source").get("line").asInt() > 0, line);
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"kind\":\"fact\"")), run.out());
        List<String> err = run.err().lines().toList();
        assertTrue(err.get(err.size() - 1).startsWith("questions=" + lines.size() + " topics="), run.err());
        assertTrue(err.get(err.size() - 2).matches("generated in \\d+ ms \\(\\d+ drafts dropped\\)"), run.err());
    }

    @Test
    void allAddsTheQuestionsBelowTheThresholdAndExplainSaysWhatWasDropped() throws Exception {
        Path notes = notes();
        withDoubts(notes);
        List<String> served = CliTestSupport.run("", "questions", "--notes", notes.toString(), "--json", "--min-score", "1")
                .out().lines().toList();
        CliTestSupport.Run all = CliTestSupport.run("", "questions", "--notes", notes.toString(), "--json", "--min-score",
                "1", "--all", "--explain");
        List<String> everything = all.out().lines().toList();
        assertTrue(everything.containsAll(served), all.out());
        assertTrue(everything.size() > served.size(), "some questions carry a doubt: " + all.out());
        for (String line : everything.subList(served.size(), everything.size())) {
            assertTrue(JSON.readTree(line).get("score").asDouble() < 1, line);
        }
        assertTrue(all.err().lines().anyMatch(l -> l.startsWith("dropped dev.txt:") && l.contains("score below 1")),
                all.err());
        assertEquals(2, CliTestSupport.run("", "questions", "--notes", notes.toString(), "--min-score", "2").exitCode());
    }

    @Test
    void theThresholdComesFromTheConfigurationUnlessTheOptionSaysOtherwise() throws Exception {
        Path notes = notes();
        withDoubts(notes);
        Path config = Files.writeString(dir.resolve("studybot.yml"), "questions:\n  min_score: 1\n");
        List<String> strict = CliTestSupport.run("", "questions", "--notes", notes.toString(), "--json", "--min-score", "1")
                .out().lines().toList();
        List<String> lenient = CliTestSupport.run("", "questions", "--notes", notes.toString(), "--json").out().lines().toList();
        assertTrue(lenient.size() > strict.size(), "the default 0.75 serves questions with one doubt: " + lenient);

        assertEquals(strict, CliTestSupport.run("", "questions", "--config", config.toString(), "--notes",
                notes.toString(), "--json").out().lines().toList());
        assertEquals(lenient, CliTestSupport.run("", "questions", "--config", config.toString(), "--notes",
                notes.toString(), "--json", "--min-score", "0.75").out().lines().toList());
    }

    @Test
    void sameSeedSameQuestionsAndCountAndTopicNarrowThem() throws Exception {
        Path notes = notes();
        String first = CliTestSupport.run("", "questions", "--notes", notes.toString(), "--json", "--seed", "5").out();
        String again = CliTestSupport.run("", "questions", "--notes", notes.toString(), "--json", "--seed", "5").out();
        assertEquals(first, again);

        List<String> two = CliTestSupport.run("", "questions", "--notes", notes.toString(), "--json", "--count", "2")
                .out().lines().toList();
        assertEquals(2, two.size());

        List<String> streams = CliTestSupport.run("", "questions", "--notes", notes.toString(), "--json", "--topic",
                "STREAMS").out().lines().toList();
        assertFalse(streams.isEmpty());
        for (String line : streams) {
            assertTrue(JSON.readTree(line).get("topic").toString().contains("Streams"), line);
        }
    }

    @Test
    void benchQuestionsTimesEachNumberOfCopiesInOneRun() throws Exception {
        CliTestSupport.Run run = CliTestSupport.run("", "bench-questions", "--notes", notes().toString(), "--copies", "1,3");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(3, lines.size(), run.out());
        assertTrue(lines.get(0).matches("copies=1 questions=\\d+ ms=\\d+ cpu_ms=\\d+ heap_mb=\\d+"), lines.get(0));
        assertTrue(lines.get(1).startsWith("copies=3 "), lines.get(1));
        // Copies repeat the same notes: generated questions are not asked again (the copied bank's are: 2 more).
        int once = Integer.parseInt(lines.get(0).split(" ")[1].substring("questions=".length()));
        assertEquals("questions=" + (once + 2), lines.get(1).split(" ")[1], run.out());
        assertTrue(lines.get(2).matches("peak_rss_mb=-?\\d+"), lines.get(2));
        assertEquals(2, CliTestSupport.run("", "bench-questions", "--notes", notes().toString(), "--copies", "0").exitCode());
    }

    @Test
    void malformedBankEntryIsReportedAndTheRestStillLoads() throws Exception {
        Path notes = notes();
        Files.writeString(notes.resolve("broken.quiz.md"), "Q: A question with no right choice?\n- [ ] a\n- [ ] b\n");
        CliTestSupport.Run run = CliTestSupport.run("", "questions", "--notes", notes.toString(), "--json");

        assertEquals(0, run.exitCode());
        assertTrue(run.err().contains("broken.quiz.md:1"), run.err());
        assertTrue(run.out().contains("team.quiz.md"), run.out());
    }
}
