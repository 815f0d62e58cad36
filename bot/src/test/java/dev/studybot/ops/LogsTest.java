package dev.studybot.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.FileAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.studybot.config.LogLevel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

class LogsTest {

    private static final String BOT_TOKEN = "xoxb-2222222222-3333333333333-ZYXWVUTSRQPONMLKJIHGFEDC";
    private static final String SIGNING_SECRET = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    private static final String DISCORD_TOKEN = "MTQwMDAwMDAwMDAwMDAwMDAx.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB";
    private static final Map<String, String> ENVIRONMENT = Map.of("SLACK_BOT_TOKEN", BOT_TOKEN,
            "SLACK_SIGNING_SECRET", SIGNING_SECRET, "DISCORD_TOKEN", DISCORD_TOKEN, "HOME", "/home/studybot",
            "STUDYBOT_LOG_LEVEL", "info", "SHORT_SECRET", "abc");

    @TempDir
    Path dir;

    @Test
    void secretsFromTheEnvironmentAndTokenShapedTextAreMasked() {
        SecretMasker masker = new SecretMasker(ENVIRONMENT);
        assertEquals("signing with **** failed", masker.redact("signing with " + SIGNING_SECRET + " failed"));
        assertEquals("Authorization: Bot ****", masker.redact("Authorization: Bot " + DISCORD_TOKEN));
        assertEquals("token=**** ok", masker.redact("token=" + BOT_TOKEN + " ok"));
        // Not in the environment, but shaped like Slack tokens.
        assertEquals("app **** and ****", masker.redact("app xapp-1-A0123-4567-abcdef and xoxp-99999999-abc"));
        // Ordinary values stay: non-secret variables, short "secrets", words that merely start like tokens.
        assertEquals("/home/studybot at info, abc, xoxb-", masker.redact("/home/studybot at info, abc, xoxb-"));
        assertEquals(null, masker.mask(null, "nothing to hide"));
        assertEquals(null, masker.mask(null, 42));
    }

    @Test
    void eachEventIsOneJsonLineWithItsKeyValuesAndNoSecretAnywhere() throws Exception {
        Path file = dir.resolve("logs/studybot.log");
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setFile(file.toString());
        Logs.install(context, appender, LogLevel.INFO, ENVIRONMENT);
        Logger log = context.getLogger("dev.studybot.test");

        log.atInfo().setMessage("Interaction handled").addKeyValue("command", "search").addKeyValue("latency_ms", 12)
                .log();
        log.debug("not at info");
        log.error("Slack call failed for {}", "U1", new IllegalStateException("bad token " + BOT_TOKEN,
                new RuntimeException("secret " + SIGNING_SECRET)));
        context.getLogger("org.quartz.core").info("library chatter at info is left out");
        context.getLogger("org.quartz.core").warn("library warnings stay");
        context.stop();

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(3, lines.size(), String.join("\n", lines));
        ObjectMapper json = new ObjectMapper();
        JsonNode handled = json.readTree(lines.get(0));
        assertEquals("Interaction handled", handled.path("message").asText());
        assertEquals("INFO", handled.path("level").asText());
        assertEquals("dev.studybot.test", handled.path("logger_name").asText());
        assertEquals("search", handled.path("command").asText());
        assertEquals(12, handled.path("latency_ms").asInt());
        assertTrue(handled.hasNonNull("@timestamp"));
        JsonNode failed = json.readTree(lines.get(1));
        assertEquals("Slack call failed for U1", failed.path("message").asText());
        assertTrue(failed.path("stack_trace").asText().contains("IllegalStateException: bad token ****"),
                failed.toString());
        assertEquals("library warnings stay", json.readTree(lines.get(2)).path("message").asText());
        String all = String.join("\n", lines);
        assertFalse(all.contains(BOT_TOKEN) || all.contains(SIGNING_SECRET), all);
    }
}
