package dev.studybot.slack;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.studybot.cli.AssembledBot;
import dev.studybot.store.Installations;
import dev.studybot.store.TokenCipher;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The install flow into many workspaces, end to end: the bot as the program assembles it (sample notes, SQLite)
 * behind the Slack adapter in HTTP mode, two workspaces installed through {@code /slack/install} and
 * {@code /slack/oauth_redirect} against the fake Slack's {@code oauth.v2.access}, then signed requests from each.
 */
@Timeout(60)
class SlackInstallFlowTest {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final String KEY = Base64.getEncoder().encodeToString("an-example-key-of-32-bytes-ok!!!".getBytes(StandardCharsets.US_ASCII));
    static final String REDIRECT = "https://studybot.example.com/slack/oauth_redirect";
    static final String ACME = "T0ACME001";
    static final String BETA = "T0BETA001";
    static final String ACME_TOKEN = "xoxb-1000000001-2000000001-acmeacmeacmeacmeacme01";
    static final String BETA_TOKEN = "xoxb-1000000002-2000000002-betabetabetabetabeta02";

    @TempDir
    Path dir;

    private FakeSlack slack;
    private SlackAdapter adapter;
    private AssembledBot bot;
    private Installations installations;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    @BeforeEach
    void start() throws Exception {
        slack = new FakeSlack();
        slack.installCodes.put("code-acme", new FakeSlack.Install(ACME, "Acme Study", ACME_TOKEN, "U0BOTACME", "U0ALICE01"));
        slack.installCodes.put("code-beta", new FakeSlack.Install(BETA, "Beta Labs", BETA_TOKEN, "U0BOTBETA", "U0BOB0001"));
        TokenCipher cipher = TokenCipher.fromBase64(KEY);
        SlackSettings settings = new SlackSettings(null, null, SlackHttpModeTest.SIGNING_SECRET, 0, "127.0.0.1",
                slack.apiUrl(), new SlackSettings.OAuth(slack.clientId, slack.clientSecret, REDIRECT, cipher));
        bot = AssembledBot.on(store -> {
            installations = store.installations(cipher);
            adapter = new SlackAdapter(settings, installations);
            return adapter;
        }, Path.of("..", "notes"), dir);
    }

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.close();
        }
        if (slack != null) {
            slack.close();
        }
    }

    @Test
    void twoWorkspacesInstalledThroughTheFlowEachServedWithItsOwnTokenAndItsOwnData() throws Exception {
        HttpResponse<String> acmeInstalled = install("code-acme");
        assertEquals(200, acmeInstalled.statusCode(), acmeInstalled.body());
        assertTrue(acmeInstalled.body().contains("Thank you!"), acmeInstalled.body());
        assertEquals(200, install("code-beta").statusCode());
        assertEquals(ACME_TOKEN, installations.find("slack", ACME).orElseThrow().botToken());
        assertEquals(BETA_TOKEN, installations.find("slack", BETA).orElseThrow().botToken());
        assertFalse(acmeInstalled.body().contains("xoxb"), "no token on the page");

        // Alice answers a practice question in Acme; the same channel id in Beta must not see her.
        assertEquals(200, post(command(ACME, "U0ALICE01", "alice", "quiz", "q1")));
        JsonNode quiz = slack.await("response_url", c -> c.path().endsWith("/q1"), WAIT).json();
        String answer = FakeSlack.buttons(quiz.path("blocks")).get(0).path("value").asText();
        assertEquals(200, post(press(ACME, "U0ALICE01", "alice", answer, "p1")));
        slack.await("response_url", c -> c.path().endsWith("/p1"), WAIT);

        assertEquals(200, post(command(ACME, "U0ALICE01", "alice", "leaderboard all", "l1")));
        String acmeBoard = slack.await("response_url", c -> c.path().endsWith("/l1"), WAIT).body();
        assertTrue(acmeBoard.contains("alice"), acmeBoard);
        assertEquals(200, post(command(BETA, "U0BOB0001", "bob", "leaderboard all", "l2")));
        String betaBoard = slack.await("response_url", c -> c.path().endsWith("/l2"), WAIT).body();
        assertFalse(betaBoard.contains("alice"), "Beta's board knows nothing of Acme: " + betaBoard);
        assertEquals(200, post(command(BETA, "U0BOB0001", "bob", "stats", "s2")));
        String betaStats = slack.await("response_url", c -> c.path().endsWith("/s2"), WAIT).body();
        assertFalse(betaStats.contains("alice"), betaStats);

        // Acme's admin schedules its #general; Beta's #general (the same channel id) stays unscheduled.
        slack.workspaceAdmins.add("U0ADA0001");
        assertEquals(200, post(command(ACME, "U0ADA0001", "ada", "schedule set 07:45 UTC", "d1")));
        String scheduled = slack.await("response_url", c -> c.path().endsWith("/d1"), WAIT).body();
        assertTrue(scheduled.contains("07:45"), scheduled);
        assertEquals(200, post(command(ACME, "U0ADA0001", "ada", "schedule", "d2")));
        assertTrue(slack.await("response_url", c -> c.path().endsWith("/d2"), WAIT).body().contains("07:45"));
        assertEquals(200, post(command(BETA, "U0BOB0001", "bob", "schedule", "d3")));
        String betaSchedule = slack.await("response_url", c -> c.path().endsWith("/d3"), WAIT).body();
        assertTrue(betaSchedule.contains("No question of the day here yet") && !betaSchedule.contains("07:45"),
                "Beta's channel has no schedule of Acme's: " + betaSchedule);

        // Each workspace's calls to the Web API carry its own token.
        assertEquals("Bearer " + ACME_TOKEN, slack.await("users.info", c -> "U0ALICE01".equals(c.params().get("user")), WAIT)
                .authorization());
        assertEquals("Bearer " + BETA_TOKEN, slack.await("users.info", c -> "U0BOB0001".equals(c.params().get("user")), WAIT)
                .authorization());
        assertEquals(200, postEvent(mention(BETA, "U0BOB0001", "U0BOTBETA")));
        FakeSlack.Call answered = slack.await("chat.postMessage", c -> "1764000000.000300".equals(c.params().get("thread_ts")), WAIT);
        assertEquals("Bearer " + BETA_TOKEN, answered.authorization(), "the mention in Beta is answered as Beta's bot");
        for (FakeSlack.Call call : slack.calls) {
            if (call.authorization() != null && call.authorization().startsWith("Bearer xoxb")) {
                assertTrue(call.authorization().equals("Bearer " + ACME_TOKEN) || call.authorization().equals("Bearer " + BETA_TOKEN),
                        call.method() + " with " + call.authorization());
            }
        }

        // The database holds neither token in the clear.
        List<String> stored = storedTokens();
        assertEquals(2, stored.size());
        stored.forEach(sealed -> assertFalse(sealed.contains("xoxb") || sealed.contains("acmeacme")
                || sealed.contains("betabeta"), sealed));
    }

    @Test
    void uninstallingOrRevokingRemovesTheWorkspacesTokenAndItsNextRequestIsToldToInstall() throws Exception {
        install("code-acme");
        install("code-beta");

        assertEquals(200, postEvent(event(ACME, "{\"type\":\"app_uninstalled\",\"event_ts\":\"1764000100.000100\"}")));
        await("Acme's installation removed").atMost(WAIT).until(() -> installations.find("slack", ACME).isEmpty());
        assertEquals(200, post(command(ACME, "U0ALICE01", "alice", "leaderboard", "u1")));
        String told = slack.await("response_url", c -> c.path().endsWith("/u1"), WAIT).body();
        assertTrue(told.contains("studybot is not installed in this workspace"), told);
        assertTrue(told.contains("https://studybot.example.com/slack/install"), told);

        assertEquals(200, post(command(BETA, "U0BOB0001", "bob", "leaderboard", "u2")));
        String served = slack.await("response_url", c -> c.path().endsWith("/u2"), WAIT).body();
        assertFalse(served.contains("not installed"), "Beta still served: " + served);

        assertEquals(200, postEvent(event(BETA, "{\"type\":\"tokens_revoked\",\"tokens\":{\"bot\":[\"U0BOTBETA\"]},"
                + "\"event_ts\":\"1764000200.000100\"}")));
        await("Beta's installation removed").atMost(WAIT).until(() -> installations.find("slack", BETA).isEmpty());
        assertEquals(200, post(command(BETA, "U0BOB0001", "bob", "leaderboard", "u3")));
        assertTrue(slack.await("response_url", c -> c.path().endsWith("/u3"), WAIT).body()
                .contains("studybot is not installed in this workspace"));
        assertTrue(storedTokens().isEmpty());
    }

    @Test
    void aWorkspaceThatNeverInstalledIsToldSoAndTheBotNeverSeesIt() throws Exception {
        assertEquals(200, post(command("T0GAMMA01", "U0GIL0001", "gil", "leaderboard", "g1")));
        String told = slack.await("response_url", c -> c.path().endsWith("/g1"), WAIT).body();
        assertTrue(told.contains("studybot is not installed in this workspace"), told);
        assertTrue(slack.calls("users.info").isEmpty(), "no token to call anything with");
    }

    @Test
    void aTamperedReusedOrExpiredStateIsRefusedWithAPageAndNoCodeIsExchanged() throws Exception {
        Started tampered = startInstall();
        HttpResponse<String> refused = redirect("code-acme", tampered.state() + "x", tampered.cookie());
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("This install link has expired or was already used"), refused.body());
        assertTrue(refused.body().contains("/slack/install"), refused.body());
        assertEquals(400, redirect("code-acme", "forged-state", "slack-app-oauth-state=forged-state").statusCode(),
                "a state never issued, even with a matching cookie");

        Started expired = startInstall();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("studybot.db"));
             PreparedStatement s = c.prepareStatement("UPDATE install_states SET expires_at = 0 WHERE state = ?")) {
            s.setString(1, expired.state());
            assertEquals(1, s.executeUpdate());
        }
        assertEquals(400, redirect("code-acme", expired.state(), expired.cookie()).statusCode(), "expired");
        assertTrue(slack.calls("oauth.v2.access").isEmpty(), "no code exchanged for a refused state");

        Started used = startInstall();
        assertEquals(200, redirect("code-acme", used.state(), used.cookie()).statusCode());
        slack.installCodes.put("code-acme-2", new FakeSlack.Install(ACME, "Acme Study", "xoxb-9-9-replayreplayreplay",
                "U0BOTACME", "U0EVE0001"));
        assertEquals(400, redirect("code-acme-2", used.state(), used.cookie()).statusCode(), "a state serves once");
        assertEquals(1, slack.calls("oauth.v2.access").size());
        assertEquals(ACME_TOKEN, installations.find("slack", ACME).orElseThrow().botToken());
    }

    @Test
    void aCodeSlackRefusesGetsAPageAndInstallsNothing() throws Exception {
        Started started = startInstall();
        HttpResponse<String> refused = redirect("code-nobody-issued", started.state(), started.cookie());
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("Slack did not confirm this install"), refused.body());
        assertTrue(storedTokens().isEmpty());
    }

    /** What {@code /slack/install} handed the browser: the state in Slack's authorize URL, and its cookie. */
    private record Started(String state, String cookie) {
    }

    private Started startInstall() throws Exception {
        HttpResponse<String> start = http.send(HttpRequest.newBuilder(local("/slack/install")).GET().timeout(WAIT).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, start.statusCode(), start.body());
        String location = start.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith("https://slack.com/oauth/v2/authorize?client_id=" + slack.clientId + "&"), location);
        assertTrue(location.contains("&scope=" + URLEncoder.encode(SlackAdapter.SCOPES, StandardCharsets.UTF_8) + "&"), location);
        assertTrue(location.contains("&redirect_uri=" + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8)), location);
        Matcher state = Pattern.compile("[?&]state=([^&]+)").matcher(location);
        assertTrue(state.find(), location);
        String cookie = start.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        assertEquals("slack-app-oauth-state=" + URLDecoder.decode(state.group(1), StandardCharsets.UTF_8), cookie);
        return new Started(URLDecoder.decode(state.group(1), StandardCharsets.UTF_8), cookie);
    }

    /** Installs through the flow, as a browser and Slack's authorize page would: install, authorize, redirect. */
    private HttpResponse<String> install(String code) throws Exception {
        Started started = startInstall();
        return redirect(code, started.state(), started.cookie());
    }

    private HttpResponse<String> redirect(String code, String state, String cookie) throws Exception {
        return http.send(HttpRequest.newBuilder(local("/slack/oauth_redirect?code=" + code + "&state="
                        + URLEncoder.encode(state, StandardCharsets.UTF_8))).header("Cookie", cookie).GET().timeout(WAIT).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI local(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + adapter.port() + pathAndQuery);
    }

    private List<String> storedTokens() throws Exception {
        List<String> tokens = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("studybot.db"));
             Statement s = c.createStatement(); ResultSet rows = s.executeQuery("SELECT bot_token FROM installations")) {
            while (rows.next()) {
                tokens.add(rows.getString(1));
            }
        }
        return tokens;
    }

    private String command(String team, String userId, String userName, String text, String responseId) {
        return "token=x&team_id=" + team + "&team_domain=" + team.toLowerCase() + "&channel_id=C0GENERAL&channel_name=general"
                + "&user_id=" + userId + "&user_name=" + userName + "&command=%2Fstudy&text="
                + URLEncoder.encode(text, StandardCharsets.UTF_8) + "&api_app_id=A0APP0001&response_url="
                + URLEncoder.encode(slack.responseUrl(responseId), StandardCharsets.UTF_8) + "&trigger_id=1.2.3";
    }

    private String press(String team, String userId, String userName, String action, String responseId) {
        return "payload=" + URLEncoder.encode("""
                {"type":"block_actions","user":{"id":"%s","username":"%s","name":"%s","team_id":"%s"},
                 "api_app_id":"A0APP0001","container":{"type":"message","channel_id":"C0GENERAL","is_ephemeral":true},
                 "team":{"id":"%s","domain":"%s"},"channel":{"id":"C0GENERAL","name":"general"},
                 "response_url":"%s","trigger_id":"1.2.3",
                 "actions":[{"action_id":"%s","block_id":"b","value":"%s","type":"button","action_ts":"1764000001.0003"}]}
                """.formatted(userId, userName, userName, team, team, team.toLowerCase(), slack.responseUrl(responseId),
                action, action), StandardCharsets.UTF_8);
    }

    private static String mention(String team, String userId, String botUserId) {
        return event(team, "{\"type\":\"app_mention\",\"user\":\"" + userId + "\",\"text\":\"<@" + botUserId
                + "> spot interruption notice\",\"ts\":\"1764000000.000300\",\"channel\":\"C0GENERAL\","
                + "\"event_ts\":\"1764000000.000300\"}");
    }

    /** An Events API callback from {@code team}, as Slack sends it. */
    private static String event(String team, String event) {
        return "{\"token\":\"x\",\"team_id\":\"" + team + "\",\"api_app_id\":\"A0APP0001\",\"event\":" + event
                + ",\"type\":\"event_callback\",\"event_id\":\"Ev" + Math.abs(event.hashCode()) + "\","
                + "\"event_time\":1764000000}";
    }

    private int post(String body) throws Exception {
        long now = SlackHttpModeTest.now();
        return SlackHttpModeTest.send(http, adapter.port(), body, now, SlackHttpModeTest.sign(now, body)).statusCode();
    }

    private int postEvent(String body) throws Exception {
        long now = SlackHttpModeTest.now();
        return SlackHttpModeTest.send(http, adapter.port(), body, now, SlackHttpModeTest.sign(now, body),
                "application/json").statusCode();
    }
}
