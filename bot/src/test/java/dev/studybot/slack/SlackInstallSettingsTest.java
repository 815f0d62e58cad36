package dev.studybot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.studybot.config.ConfigException;
import dev.studybot.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The settings of the install flow into many workspaces: what it needs, and one clear line when something is off. */
class SlackInstallSettingsTest {

    static final String CLIENT_ID = "1111111111.2222222222222";
    static final String CLIENT_SECRET = "0123456789abcdef0123456789abcdef";
    static final String REDIRECT = "https://studybot.example.com/slack/oauth_redirect";
    static final String KEY = SlackInstallFlowTest.KEY;

    private static Optional<SlackSettings> settings(Map<String, String> env) {
        return SlackSettings.from(env, ConfigLoader.parse("studybot.yml", "", env));
    }

    private static Map<String, String> complete() {
        Map<String, String> env = new HashMap<>();
        env.put("SLACK_CLIENT_ID", CLIENT_ID);
        env.put("SLACK_CLIENT_SECRET", CLIENT_SECRET);
        env.put("SLACK_SIGNING_SECRET", SlackHttpModeTest.SIGNING_SECRET);
        env.put("STUDYBOT_SLACK_REDIRECT_URI", REDIRECT);
        env.put("STUDYBOT_TOKEN_KEY", KEY);
        return env;
    }

    private static String refusal(Map<String, String> env) {
        return assertThrows(IllegalArgumentException.class, () -> settings(env)).getMessage();
    }

    @Test
    void aClientIdTurnsTheInstallFlowOnWithoutABotToken() {
        SlackSettings settings = settings(complete()).orElseThrow();
        assertNull(settings.botToken());
        assertFalse(settings.socketMode());
        assertEquals(CLIENT_ID, settings.oauth().clientId());
        assertEquals("https://studybot.example.com/slack/install", settings.oauth().installUrl());
        for (String secret : List.of(CLIENT_SECRET, SlackHttpModeTest.SIGNING_SECRET, KEY)) {
            assertFalse(settings.toString().contains(secret), settings.toString());
        }
    }

    @Test
    void theClientIdAndRedirectMayComeFromTheFile(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Map<String, String> env = complete();
        env.remove("SLACK_CLIENT_ID");
        env.remove("STUDYBOT_SLACK_REDIRECT_URI");
        Path file = Files.writeString(dir.resolve("studybot.yml"), "slack:\n  client_id: \"" + CLIENT_ID
                + "\"\n  redirect_uri: " + REDIRECT + "\n");
        SlackSettings settings = SlackSettings.from(env, ConfigLoader.load(file, env)).orElseThrow();
        assertEquals(CLIENT_ID, settings.oauth().clientId());
        assertEquals(REDIRECT, settings.oauth().redirectUri());
    }

    @Test
    void withoutAClientIdOneWorkspaceKeepsWorkingOnItsBotToken() {
        Map<String, String> env = Map.of("SLACK_BOT_TOKEN", SlackHttpModeTest.BOT_TOKEN, "SLACK_SIGNING_SECRET",
                SlackHttpModeTest.SIGNING_SECRET, "STUDYBOT_TOKEN_KEY", "not even base64");
        SlackSettings settings = settings(env).orElseThrow();
        assertNull(settings.oauth());
        assertEquals(SlackHttpModeTest.BOT_TOKEN, settings.botToken());
    }

    @Test
    void aMissingOrBadKeyIsOneLineThatNamesTheVariableAndNeverShowsTheKey() {
        Map<String, String> missing = complete();
        missing.remove("STUDYBOT_TOKEN_KEY");
        assertTrue(refusal(missing).startsWith("STUDYBOT_TOKEN_KEY is not set"), refusal(missing));
        Map<String, String> shortKey = complete();
        shortKey.put("STUDYBOT_TOKEN_KEY", "c2hvcnQta2V5");
        String message = refusal(shortKey);
        assertTrue(message.startsWith("STUDYBOT_TOKEN_KEY must be 32 bytes"), message);
        assertFalse(message.contains("c2hvcnQta2V5") || message.contains("\n"), message);
    }

    @Test
    void whatTheFlowNeedsIsNamedWhenMissing() {
        Map<String, String> noSecret = complete();
        noSecret.remove("SLACK_CLIENT_SECRET");
        assertTrue(refusal(noSecret).contains("SLACK_CLIENT_SECRET"), refusal(noSecret));
        Map<String, String> noSigning = complete();
        noSigning.remove("SLACK_SIGNING_SECRET");
        assertTrue(refusal(noSigning).contains("SLACK_SIGNING_SECRET"), refusal(noSigning));
        Map<String, String> noRedirect = complete();
        noRedirect.remove("STUDYBOT_SLACK_REDIRECT_URI");
        assertTrue(refusal(noRedirect).contains("slack.redirect_uri"), refusal(noRedirect));
        Map<String, String> otherPath = complete();
        otherPath.put("STUDYBOT_SLACK_REDIRECT_URI", "https://studybot.example.com/callback");
        assertTrue(refusal(otherPath).contains("/slack/oauth_redirect"), refusal(otherPath));
        Map<String, String> both = complete();
        both.put("SLACK_BOT_TOKEN", SlackHttpModeTest.BOT_TOKEN);
        assertTrue(refusal(both).contains("set one of them"), refusal(both));
        assertFalse(refusal(both).contains(SlackHttpModeTest.BOT_TOKEN));
        Map<String, String> socket = complete();
        socket.put("SLACK_APP_TOKEN", SlackSocketModeTest.APP_TOKEN);
        assertTrue(refusal(socket).contains("HTTP mode"), refusal(socket));
    }

    @Test
    void theFlowAsksForTheManifestsBotScopes() throws Exception {
        JsonNode manifest = new YAMLMapper().readTree(Path.of("..", "config", "slack-app-manifest.yml").toFile());
        List<String> scopes = new ArrayList<>();
        manifest.path("oauth_config").path("scopes").path("bot").forEach(scope -> scopes.add(scope.asText()));
        assertEquals(String.join(",", scopes), SlackAdapter.SCOPES);
    }

    @Test
    void aClientIdThatIsNotOneIsRefusedByTheConfiguration() {
        Map<String, String> env = complete();
        env.put("SLACK_CLIENT_ID", "studybot");
        ConfigException e = assertThrows(ConfigException.class, () -> settings(env));
        assertTrue(e.getMessage().contains("SLACK_CLIENT_ID"), e.getMessage());
    }
}
