package dev.studybot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlackSettingsTest {

    static final String BOT = SlackHttpModeTest.BOT_TOKEN;
    static final String APP = SlackSocketModeTest.APP_TOKEN;
    static final String SECRET = SlackHttpModeTest.SIGNING_SECRET;

    @Test
    void absentWithoutABotToken() {
        assertTrue(SlackSettings.fromEnvironment(Map.of()).isEmpty());
        assertTrue(SlackSettings.fromEnvironment(Map.of("SLACK_BOT_TOKEN", "  ", "SLACK_APP_TOKEN", APP)).isEmpty());
    }

    @Test
    void socketModeWithDefaults() {
        SlackSettings settings = SlackSettings.fromEnvironment(Map.of("SLACK_BOT_TOKEN", BOT, "SLACK_APP_TOKEN", APP))
                .orElseThrow();
        assertTrue(settings.socketMode());
        assertEquals(3000, settings.port());
        assertEquals("0.0.0.0", settings.bindAddress());
        assertEquals("https://slack.com/api/", settings.apiUrl());
        assertEquals(Set.of(), settings.adminUserIds());
        assertFalse(settings.toString().contains(BOT));
        assertFalse(settings.toString().contains(APP));
    }

    @Test
    void httpModeWithEverythingSet() {
        SlackSettings settings = SlackSettings.fromEnvironment(Map.of("SLACK_BOT_TOKEN", BOT, "SLACK_SIGNING_SECRET", SECRET,
                "STUDYBOT_SLACK_PORT", "8080", "STUDYBOT_SLACK_API_URL", "https://slack-gov.com/api",
                "STUDYBOT_SLACK_ADMINS", "U012ABCDEF, W0ADMIN02,", "STUDYBOT_SLACK_BIND_ADDRESS", "127.0.0.1")).orElseThrow();
        assertFalse(settings.socketMode());
        assertEquals(8080, settings.port());
        assertEquals("127.0.0.1", settings.bindAddress());
        assertEquals("https://slack-gov.com/api/", settings.apiUrl());
        assertEquals(Set.of("U012ABCDEF", "W0ADMIN02"), settings.adminUserIds());
        assertFalse(settings.toString().contains(SECRET));
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
                () -> SlackSettings.fromEnvironment(copy));
        assertTrue(error.getMessage().contains(named), error.getMessage());
        for (String value : copy.values()) {
            if (value.length() >= 8 && !value.startsWith("http") && !value.matches("\\d+")) {
                assertFalse(error.getMessage().contains(value), "leaks a value: " + error.getMessage());
            }
        }
        assertFalse(error.getMessage().contains(secret), error.getMessage());
    }
}
