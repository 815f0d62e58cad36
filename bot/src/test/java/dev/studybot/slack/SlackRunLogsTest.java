package dev.studybot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code studybot run} on Slack, as its own process at log level debug (so the Slack SDK logs its requests
 * too): every line on stderr is one JSON object, the interactions and the shutdown are there, and neither
 * the bot token nor the signing secret appears anywhere in what the process printed.
 */
class SlackRunLogsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void logsAreJsonLinesWithTheInteractionsAndNoSecrets() throws Exception {
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");
        try (FakeSlack slack = new FakeSlack()) {
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "dev.studybot.cli.StudybotCommand", "run",
                    "--notes", Path.of("..", "notes").toString(), "--data", dir.resolve("data").toString())
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile());
            Map<String, String> env = builder.environment();
            SlackReplicas.onFakeSlack(env, slack);
            env.put("STUDYBOT_LOG_LEVEL", "debug");
            Process bot = builder.start();
            try {
                int port = awaitEvent(stderr, "studybot is on Slack").path("port").asInt();
                HttpClient http = HttpClient.newHttpClient();
                String search = SlackHttpModeTest.command(slack, "search spot instance interruption", "U0ALICE01", "alice", "s1");
                long now = SlackHttpModeTest.now();
                assertEquals(200, SlackHttpModeTest.send(http, port, search, now, SlackHttpModeTest.sign(now, search))
                        .statusCode());
                slack.await("response_url", call -> call.path().endsWith("/s1"), WAIT);
                String forged = SlackHttpModeTest.command(slack, "leaderboard", "U0EVE0001", "eve", "f1");
                assertEquals(401, SlackHttpModeTest.send(http, port, forged, now, "v0=" + "0".repeat(64)).statusCode());
                awaitEvent(stderr, "Interaction handled");
            } finally {
                bot.destroy(); // SIGTERM: the shutdown hook closes everything and logs it
                assertTrue(bot.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS), "the bot stops on SIGTERM");
            }
        }

        List<JsonNode> events = new ArrayList<>();
        for (String line : Files.readAllLines(stderr, StandardCharsets.UTF_8)) {
            JsonNode event = JSON.readTree(line); // throws on a line that is not JSON
            assertTrue(event.hasNonNull("@timestamp") && event.hasNonNull("level") && event.hasNonNull("logger_name")
                    && event.has("message"), line);
            events.add(event);
        }
        JsonNode handled = events.stream().filter(e -> e.path("message").asText().equals("Interaction handled"))
                .findFirst().orElseThrow();
        assertEquals("search", handled.path("command").asText());
        assertEquals("slack", handled.path("platform").asText());
        assertEquals("U0ALICE01", handled.path("user").asText());
        assertTrue(handled.path("private").asBoolean());
        assertEquals("search spot instance interruption", handled.path("text").asText(), "the text is logged at debug");
        assertTrue(events.stream().anyMatch(e -> e.path("message").asText().equals("Notes ready")));
        assertEquals("Stopped", events.get(events.size() - 1).path("message").asText());
        assertTrue(events.stream().anyMatch(e -> e.path("logger_name").asText().startsWith("com.slack.api")),
                "the Slack SDK's own debug lines go through the same JSON log");

        String printed = Files.readString(stdout) + Files.readString(stderr);
        assertFalse(printed.contains(SlackHttpModeTest.BOT_TOKEN), "the bot token is never printed");
        assertFalse(printed.contains(SlackHttpModeTest.SIGNING_SECRET), "the signing secret is never printed");
    }

    /** Waits for the first log event with {@code message} in the process's stderr file. */
    private static JsonNode awaitEvent(Path stderr, String message) throws IOException {
        try {
            return Awaitility.await("\"" + message + "\" in the log").atMost(WAIT).pollInterval(Duration.ofMillis(100))
                    .until(() -> Files.readAllLines(stderr, StandardCharsets.UTF_8).stream()
                            .filter(line -> line.contains(message))
                            .map(SlackRunLogsTest::parse)
                            .filter(e -> e.path("message").asText().equals(message))
                            .findFirst(), Optional::isPresent)
                    .orElseThrow();
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no \"" + message + "\" within " + WAIT + ": " + Files.readString(stderr), e);
        }
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
