package dev.studybot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybot.config.ConfigLoader;
import dev.studybot.config.StudybotConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlackSettingsTest {

    static final String BOT = SlackHttpModeTest.BOT_TOKEN;
    static final String APP = SlackSocketModeTest.APP_TOKEN;
    static final String SECRET = SlackHttpModeTest.SIGNING_SECRET;

    /** What {@code studybot run} does: the configuration from the environment, then the tokens. */
    private static Optional<SlackSettings> settings(Map<String, String> env) {
        return SlackSettings.from(env, ConfigLoader.parse("studybot.yml", "", env));
    }

    @Test
    void absentWithoutABotToken() {
        assertTrue(settings(Map.of()).isEmpty());
        assertTrue(settings(Map.of("SLACK_BOT_TOKEN", "  ", "SLACK_APP_TOKEN", APP)).isEmpty());
    }

    @Test
    void socketModeWithDefaults() {
        SlackSettings settings = settings(Map.of("SLACK_BOT_TOKEN", BOT, "SLACK_APP_TOKEN", APP))
                .orElseThrow();
        assertTrue(settings.socketMode());
        assertEquals(3000, settings.port());
        assertEquals("0.0.0.0", settings.bindAddress());
        assertEquals("https://slack.com/api/", settings.apiUrl());
        assertFalse(settings.toString().contains(BOT));
        assertFalse(settings.toString().contains(APP));
    }

    @Test
    void httpModeWithEverythingSet() {
        SlackSettings settings = settings(Map.of("SLACK_BOT_TOKEN", BOT, "SLACK_SIGNING_SECRET", SECRET,
                "STUDYBOT_SLACK_PORT", "8080", "STUDYBOT_SLACK_API_URL", "https://slack-gov.com/api",
                "STUDYBOT_SLACK_ADMINS", "U012ABCDEF, W0ADMIN02,", "STUDYBOT_SLACK_BIND_ADDRESS", "127.0.0.1")).orElseThrow();
        assertFalse(settings.socketMode());
        assertEquals(8080, settings.port());
        assertEquals("127.0.0.1", settings.bindAddress());
        assertEquals("https://slack-gov.com/api/", settings.apiUrl());
        assertFalse(settings.toString().contains(SECRET));
    }

    @Test
    void theFileSetsWhatTheEnvironmentDoesNotAndTokensComeOnlyFromTheEnvironment() {
        Map<String, String> env = Map.of("SLACK_BOT_TOKEN", BOT, "SLACK_SIGNING_SECRET", SECRET,
                "STUDYBOT_SLACK_PORT", "8080");
        StudybotConfig config = ConfigLoader.parse("studybot.yml", """
                slack:
                  port: 9000
                  bind_address: 127.0.0.1
                admins:
                  slack: [U012ABCDEF]
                """, env);
        SlackSettings settings = SlackSettings.from(env, config).orElseThrow();
        assertEquals(8080, settings.port(), "the variable overrides slack.port");
        assertEquals("127.0.0.1", settings.bindAddress());
        assertEquals("https://slack.com/api/", settings.apiUrl());
        assertEquals(List.of("U012ABCDEF"), config.admins().slack());
        assertFalse(config.toString().contains(BOT) || config.toString().contains(SECRET), config.toString());
    }

    @Test
    void eachVariableIsReadOnceAndTheAdminsReachTheConfigurationFromThatRead() {
        Map<String, Integer> reads = new HashMap<>();
        Map<String, String> env = new HashMap<>(Map.of("SLACK_BOT_TOKEN", BOT, "SLACK_APP_TOKEN", APP,
                "STUDYBOT_SLACK_ADMINS", "U012ABCDEF,W0ADMIN02")) {
            @Override
            public String get(Object name) {
                reads.merge((String) name, 1, Integer::sum);
                return super.get(name);
            }
        };
        StudybotConfig config = ConfigLoader.parse("studybot.yml", "", env);
        assertTrue(SlackSettings.from(env, config).isPresent());
        assertEquals(List.of("U012ABCDEF", "W0ADMIN02"), config.admins().slack());
        assertEquals(1, reads.get("STUDYBOT_SLACK_ADMINS"));
        reads.forEach((name, count) -> assertEquals(1, count, name + " read more than once"));
    }

    @Test
    void unusableSettingsNameTheVariableButNeverTheValue() {
        assertRefused(Map.of("SLACK_BOT_TOKEN", BOT), "SLACK_APP_TOKEN", BOT);
        assertRefused(Map.of("SLACK_BOT_TOKEN", "xoxp-1234567890-1234567890123-abcdefghijkl", "SLACK_APP_TOKEN", APP),
                "SLACK_BOT_TOKEN", "xoxp-1234567890-1234567890123-abcdefghijkl");
        assertRefused(Map.of("SLACK_BOT_TOKEN", "xoxb-short", "SLACK_APP_TOKEN", APP), "SLACK_BOT_TOKEN", "xoxb-short");
        assertRefused(Map.of("SLACK_BOT_TOKEN", BOT, "SLACK_APP_TOKEN", "xoxa-2-0123456789abcdefghij"),
                "SLACK_APP_TOKEN", "xoxa-2-0123456789abcdefghij");
        assertRefused(Map.of("SLACK_BOT_TOKEN", BOT, "SLACK_SIGNING_SECRET", "abc def 0123456789"),
                "SLACK_SIGNING_SECRET", "abc def 0123456789");
        assertRefused(Map.of("SLACK_BOT_TOKEN", BOT, "SLACK_APP_TOKEN", APP, "STUDYBOT_SLACK_PORT", "http"),
                "STUDYBOT_SLACK_PORT", BOT);
        assertRefused(Map.of("SLACK_BOT_TOKEN", BOT, "SLACK_APP_TOKEN", APP, "STUDYBOT_SLACK_PORT", "70000"),
                "STUDYBOT_SLACK_PORT", APP);
        assertRefused(Map.of("SLACK_BOT_TOKEN", BOT, "SLACK_APP_TOKEN", APP,
                "STUDYBOT_SLACK_API_URL", "https://user:pa55word@proxy.example/api/"), "STUDYBOT_SLACK_API_URL", "pa55word");
        assertRefused(Map.of("SLACK_BOT_TOKEN", BOT, "SLACK_APP_TOKEN", APP, "STUDYBOT_SLACK_API_URL", "ftp://proxy.internal/api"),
                "STUDYBOT_SLACK_API_URL", APP);
        assertRefused(Map.of("SLACK_BOT_TOKEN", BOT, "SLACK_SIGNING_SECRET", SECRET,
                "STUDYBOT_SLACK_BIND_ADDRESS", "http://0.0.0.0/"), "STUDYBOT_SLACK_BIND_ADDRESS", SECRET);
        assertRefused(Map.of("SLACK_BOT_TOKEN", BOT, "SLACK_APP_TOKEN", APP, "STUDYBOT_SLACK_ADMINS", "@alice"),
                "STUDYBOT_SLACK_ADMINS", APP);
    }

    private static void assertRefused(Map<String, String> env, String named, String secret) {
        Map<String, String> copy = new HashMap<>(env);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> settings(copy));
        assertTrue(error.getMessage().contains(named), error.getMessage());
        for (String value : copy.values()) {
            if (value.length() >= 8 && !value.startsWith("http") && !value.matches("\\d+")) {
                assertFalse(error.getMessage().contains(value), "leaks a value: " + error.getMessage());
            }
        }
        assertFalse(error.getMessage().contains(secret), error.getMessage());
    }
}
