package dev.studybot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void jsonResultCarriesPassageHeadingPathFileAndLine() throws Exception {
        Path notes = CliTestSupport.writeNotes(dir);
        CliTestSupport.Run run = CliTestSupport.run("", "search", "--notes", notes.toString(),
                "--data", dir.resolve("data").toString(), "--json", "spot", "interruption", "notice");

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(1, lines.size(), "one JSON object per query");
        JsonNode response = JSON.readTree(lines.get(0));
        assertEquals("spot interruption notice", response.get("query").asText());
        assertTrue(response.has("suggestion"));
        JsonNode first = response.get("results").get(0);
        assertEquals("compute.md", first.get("file").asText());
        assertEquals(3, first.get("line").asInt());
        assertEquals(List.of("EC2", "Spot Instances"), List.of(first.get("path").get(0).asText(), first.get("path").get(1).asText()));
        assertTrue(first.get("text").asText().contains("two-minute interruption notice"));
        assertTrue(first.get("snippet").asText().contains("**"), first.get("snippet").asText());
        assertTrue(first.get("score").isNumber());
    }

    @Test
    void withoutQueryReadsOneQueryPerLineFromStdin() throws Exception {
        Path notes = CliTestSupport.writeNotes(dir);
        CliTestSupport.Run run = CliTestSupport.run("visibility timeout max\n\nplacement spread limit\n", "search",
                "--notes", notes.toString(), "--data", dir.resolve("data").toString(), "--json", "--limit", "1");

        List<String> lines = run.out().lines().toList();
        assertEquals(3, lines.size(), run.out());
        assertEquals("queues.txt", JSON.readTree(lines.get(0)).get("results").get(0).get("file").asText());
        assertEquals("empty_query", JSON.readTree(lines.get(1)).get("status").asText());
        assertTrue(JSON.readTree(lines.get(2)).get("results").get(0).get("text").asText().contains("7 instances"));
        assertEquals(1, JSON.readTree(lines.get(2)).get("results").size(), "--limit 1");
    }

    @Test
    void plainTextShowsHeadingPathAndFileLine() throws Exception {
        Path notes = CliTestSupport.writeNotes(dir);
        CliTestSupport.Run run = CliTestSupport.run("", "search", "--notes", notes.toString(),
                "--data", dir.resolve("data").toString(), "long polling");

        assertTrue(run.out().contains("1. SQS  (queues.txt:"), run.out());
        assertTrue(run.out().contains("Long polling waits up to 20 seconds"), run.out());
    }

    @Test
    void missingNotesFolderIsAFriendlyErrorNotAStackTrace() {
        CliTestSupport.Run run = CliTestSupport.run("", "search", "--notes", dir.resolve("nope").toString(),
                "--data", dir.resolve("data").toString(), "anything");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("studybot: The notes folder"), run.err());
        assertTrue(!run.err().contains("Exception"), run.err());
    }
}
