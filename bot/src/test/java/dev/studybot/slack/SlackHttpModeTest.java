package dev.studybot.slack;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.studybot.chat.Button;
import dev.studybot.chat.ChatHandler;
import dev.studybot.chat.Interaction;
import dev.studybot.chat.Reply;
import dev.studybot.pipeline.MiddlewareChain;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** HTTP mode end to end: signed requests to the real adapter, replies to a fake Slack on loopback. */
@Timeout(20)
class SlackHttpModeTest {

    static final String BOT_TOKEN = "xoxb-1234567890-1234567890123-abcdefghijklmnopqrstuvwx";
    static final String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    static final Duration WAIT = Duration.ofSeconds(5);

    private FakeSlack slack;
    private SlackAdapter adapter;
    private final List<Interaction> received = new CopyOnWriteArrayList<>();
    /** When set, a press waits for it to open before the bot answers, as one stuck on a slow database would. */
    private volatile CountDownLatch pressGate;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    @BeforeEach
    void start() throws Exception {
        slack = new FakeSlack();
        slack.workspaceAdmins.add("U0ADMIN01");
        adapter = startHttpMode(slack, MiddlewareChain.standard(Map.of("slack", List.of("U0CONF001")), this::stubBot));
    }

    /** The adapter in HTTP mode on a free loopback port, talking to {@code slack}, handing requests to {@code chat}. */
    static SlackAdapter startHttpMode(FakeSlack slack, ChatHandler chat) {
        SlackAdapter adapter = new SlackAdapter(new SlackSettings(BOT_TOKEN, null, SIGNING_SECRET, 0, "127.0.0.1",
                slack.apiUrl()));
        adapter.start(chat);
        return adapter;
    }

    @AfterEach
    void stop() {
        if (adapter != null) {
            adapter.close();
        }
        if (slack != null) {
            slack.close();
        }
    }

    private Reply stubBot(Interaction interaction) {
        received.add(interaction);
        if (interaction instanceof Interaction.Press press) {
            CountDownLatch gate = pressGate;
            try {
                if (gate != null && !gate.await(20, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never opened the gate");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Reply.privately(new Reply.Text("**Right!** you pressed " + press.action()));
        }
        String text = ((Interaction.Text) interaction).text();
        if (text.equals("crash")) {
            throw new IllegalStateException("the database at /srv/secret/studybot.db is gone");
        }
        if (text.startsWith("search")) {
            return new Reply(true, List.of(new Reply.Heading("Results for **s3 encryption**"),
                    new Reply.Excerpt("S3 › Encryption", "aws/s3.md:42", "Use **SSE-KMS** for audit <trails> & keys",
                            List.of("https://docs.aws.amazon.com/s3/sse.html", "images/kms.png"))),
                    List.of(new Button("more:s3 encryption:2", "more", "More results")));
        }
        if (text.startsWith("quiz")) {
            return new Reply(true, List.of(new Reply.Text("Which S3 encryption uses KMS keys?")),
                    List.of(Button.answer(12, 0, "SSE-S3"), Button.answer(12, 1, "SSE-KMS"),
                            Button.answer(12, 2, "SSE-C"), Button.answer(12, 3, "CSE")));
        }
        return Reply.publicly(new Reply.Heading("Leaderboard · this week"), new Reply.Lines(List.of("1. alice 30", "2. bob 20")));
    }

    @Test
    void slashCommandSearchAcksAtOnceAndRespondsPrivatelyWithBlocks() throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> ack = post(command(slack, "search s3 encryption", "U0ALICE01", "alice", "r1"), now(), null);
        assertEquals(200, ack.statusCode(), ack.body());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 3000, "acked within 3 s");

        FakeSlack.Call reply = slack.await("response_url", call -> call.path().endsWith("/r1"), WAIT);
        JsonNode json = reply.json();
        assertEquals("ephemeral", json.path("response_type").asText());
        JsonNode blocks = json.path("blocks");
        String all = blocks.toString();
        assertEquals("section", blocks.get(0).path("type").asText());
        assertEquals("*Results for s3 encryption*", blocks.get(0).path("text").path("text").asText());
        assertEquals("context", blocks.get(1).path("type").asText());
        assertTrue(blocks.get(1).toString().contains("aws/s3.md:42"), all);
        assertTrue(blocks.get(1).toString().contains("S3 › Encryption"), all);
        assertEquals("mrkdwn", blocks.get(2).path("text").path("type").asText());
        assertEquals("> Use *SSE-KMS* for audit &lt;trails&gt; &amp; keys", blocks.get(2).path("text").path("text").asText());
        assertTrue(all.contains("<https://docs.aws.amazon.com/s3/sse.html|sse.html>"), all);
        assertTrue(all.contains("image: `images/kms.png`"), all);
        List<JsonNode> buttons = FakeSlack.buttons(blocks);
        assertEquals(1, buttons.size());
        assertEquals("more:s3 encryption:2", buttons.get(0).path("value").asText());
        assertEquals("More results", buttons.get(0).path("text").path("text").asText());

        Interaction.Text command = assertInstanceOf(Interaction.Text.class, received.get(0));
        assertEquals("search s3 encryption", command.text());
        assertEquals("slack", command.caller().member().platform());
        assertEquals("U0ALICE01", command.caller().member().userId());
        assertEquals("alice", command.caller().member().displayName());
        assertEquals("T0ACME001", command.caller().place().groupId());
        assertEquals("acme-study", command.caller().place().groupName());
        assertEquals("C0GENERAL", command.caller().place().channelId());
        assertEquals("general", command.caller().place().channelName());
        assertFalse(command.caller().admin());
    }

    @Test
    void quizThenButtonPressRepliesOnlyToThePresser() throws Exception {
        assertEquals(200, post(command(slack, "quiz", "U0BOB0001", "bob", "r2"), now(), null).statusCode());
        JsonNode blocks = slack.await("response_url", call -> call.path().endsWith("/r2"), WAIT).json().path("blocks");
        List<JsonNode> buttons = FakeSlack.buttons(blocks);
        assertEquals(4, buttons.size(), blocks.toString());
        assertEquals("answer:12:1", buttons.get(1).path("action_id").asText());
        assertEquals("answer:12:1", buttons.get(1).path("value").asText());

        String payload = """
                {"type":"block_actions","user":{"id":"U0BOB0001","username":"bob","name":"bob","team_id":"T0ACME001"},
                 "api_app_id":"A0APP0001","token":"legacy-verification-token","container":{"type":"message",
                 "message_ts":"1764000000.000100","channel_id":"C0GENERAL","is_ephemeral":true},
                 "trigger_id":"123.456.abc","team":{"id":"T0ACME001","domain":"acme-study"},
                 "channel":{"id":"C0GENERAL","name":"general"},"response_url":"%s",
                 "actions":[{"action_id":"answer:12:1","block_id":"b1","text":{"type":"plain_text","text":"SSE-KMS"},
                 "value":"answer:12:1","type":"button","action_ts":"1764000001.000300"}]}
                """.formatted(slack.responseUrl("p1"));
        String body = "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
        HttpResponse<String> ack = post(body, now(), null);
        assertEquals(200, ack.statusCode(), ack.body());

        JsonNode reply = slack.await("response_url", call -> call.path().endsWith("/p1"), WAIT).json();
        assertEquals("ephemeral", reply.path("response_type").asText());
        assertFalse(reply.path("replace_original").asBoolean(true), "the public message is never edited");
        assertTrue(reply.path("blocks").toString().contains("*Right!* you pressed answer:12:1"), reply.toString());
        Interaction.Press press = assertInstanceOf(Interaction.Press.class, received.get(1));
        assertEquals("answer:12:1", press.action());
        assertEquals("bob", press.caller().member().displayName());
        assertEquals("general", press.caller().place().channelName());
        await("the message everyone sees is never updated").during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                .until(() -> slack.calls("chat.update").isEmpty());
    }

    @Test
    void aPressIsAcknowledgedOnlyOnceTheBotHandledItAndOneTooSlowIsNotAcknowledged() throws Exception {
        pressGate = new CountDownLatch(1);
        long sentAt = now();
        String body = pressOn("answer:12:1", "g1");
        CompletableFuture<HttpResponse<String>> ack = http.sendAsync(request(adapter.port(), body, sentAt,
                sign(sentAt, body), "application/x-www-form-urlencoded"), HttpResponse.BodyHandlers.ofString());
        await("the press reaches the bot").atMost(WAIT).until(() -> received.size() == 1);
        await("no ack while the bot has not answered").during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(2))
                .until(() -> !ack.isDone());
        pressGate.countDown();
        assertEquals(200, ack.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).statusCode());

        // Slack shows an error after 3 s: a press still not handled after 2.5 s is answered 503, its reply still sent.
        pressGate = new CountDownLatch(1);
        long slowAt = now();
        String slow = pressOn("answer:12:2", "g2");
        long started = System.nanoTime();
        HttpResponse<String> refused = send(http, adapter.port(), slow, slowAt, sign(slowAt, slow));
        long waitedMs = (System.nanoTime() - started) / 1_000_000;
        assertEquals(503, refused.statusCode(), refused.body());
        assertTrue(waitedMs >= SlackAdapter.SUBMISSION_WAIT.toMillis(), "answered after " + waitedMs + " ms");
        assertTrue(slack.calls("response_url").stream().noneMatch(call -> call.path().endsWith("/g2")));
        pressGate.countDown();
        slack.await("response_url", call -> call.path().endsWith("/g2"), WAIT);
    }

    private String pressOn(String action, String responseId) {
        return "payload=" + URLEncoder.encode("""
                {"type":"block_actions","user":{"id":"U0BOB0001","username":"bob","name":"bob","team_id":"T0ACME001"},
                 "api_app_id":"A0APP0001","container":{"type":"message","channel_id":"C0GENERAL"},
                 "team":{"id":"T0ACME001","domain":"acme-study"},"channel":{"id":"C0GENERAL","name":"general"},
                 "response_url":"%s","trigger_id":"1.2.3",
                 "actions":[{"action_id":"%s","block_id":"b","value":"%s","type":"button","action_ts":"1764000001.0003"}]}
                """.formatted(slack.responseUrl(responseId), action, action), StandardCharsets.UTF_8);
    }

    @Test
    void leaderboardIsPublicAndAdminsAreRecognised() throws Exception {
        assertEquals(200, post(command(slack, "leaderboard week", "U0ADMIN01", "ada", "r3"), now(), null).statusCode());
        JsonNode reply = slack.await("response_url", call -> call.path().endsWith("/r3"), WAIT).json();
        assertEquals("in_channel", reply.path("response_type").asText());
        assertTrue(reply.path("blocks").toString().contains("1. alice 30\\n2. bob 20"), reply.toString());
        assertTrue(received.get(0).caller().admin(), "workspace admin per users.info");
        assertEquals("U0ADMIN01", slack.await("users.info", WAIT).params().get("user"));

        assertEquals(200, post(command(slack, "leaderboard", "U0CONF001", "carol", "r4"), now(), null).statusCode());
        slack.await("response_url", call -> call.path().endsWith("/r4"), WAIT);
        assertTrue(received.get(1).caller().admin(), "admin from admins.slack, added by the middleware chain");
    }

    @Test
    void membersAreNamedAsTheirSlackProfileShowsThemNotByTheLegacyUsername() throws Exception {
        slack.displayNames.put("U0ALICE01", "Alice Liddell");
        assertEquals(200, post(command(slack, "leaderboard", "U0ALICE01", "alice", "r5"), now(), null).statusCode());
        assertEquals(200, post(command(slack, "leaderboard", "U0DAVE001", "dave", "r6"), now(), null).statusCode());
        slack.await("response_url", call -> call.path().endsWith("/r5"), WAIT);
        slack.await("response_url", call -> call.path().endsWith("/r6"), WAIT);

        assertEquals("Alice Liddell", nameOf("U0ALICE01"));
        assertEquals("dave", nameOf("U0DAVE001"), "no display name: the username");
    }

    private String nameOf(String userId) {
        return received.stream().map(interaction -> interaction.caller().member())
                .filter(member -> member.userId().equals(userId)).findFirst().orElseThrow().displayName();
    }

    @Test
    void aFailureInTheBotIsAnApologyFromTheChainThatSaysNothingOfIt() throws Exception {
        assertEquals(200, post(command(slack, "crash", "U0ALICE01", "alice", "r6"), now(), null).statusCode());
        JsonNode reply = slack.await("response_url", call -> call.path().endsWith("/r6"), WAIT).json();
        assertEquals("ephemeral", reply.path("response_type").asText());
        assertTrue(reply.toString().contains("Sorry, something went wrong on studybot's side"), reply.toString());
        assertFalse(reply.toString().contains("secret"), reply.toString());
    }

    @Test
    void wrongSignatureAndReplayedTimestampAreRefused() throws Exception {
        String body = command(slack, "search secrets", "U0EVE0001", "eve", "r5");
        HttpResponse<String> forged = post(body, now(), "v0=" + "0".repeat(64));
        assertEquals(401, forged.statusCode());
        long old = now() - 6 * 60;
        HttpResponse<String> replayed = post(body, old, sign(old, body));
        assertEquals(401, replayed.statusCode());
        HttpResponse<String> otherSecret = post(body, now(), null, "another-secret-0123456789abcdef");
        assertEquals(401, otherSecret.statusCode());
        await("the bot is never called").during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                .until(() -> received.isEmpty() && slack.calls("response_url").isEmpty());
    }

    @Test
    void otherPathsAndMethodsAreNotServed() throws Exception {
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adapter.port()
                + "/slack/events")).GET().timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, get.statusCode());
        HttpResponse<String> other = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adapter.port()
                + "/other")).POST(HttpRequest.BodyPublishers.ofString("x")).timeout(WAIT).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, other.statusCode());
    }

    /** A signed-request body of {@code /study text} from the Acme workspace, answering to {@code responseId}. */
    static String command(FakeSlack slack, String text, String userId, String userName, String responseId) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "legacy-verification-token");
        form.put("team_id", "T0ACME001");
        form.put("team_domain", "acme-study");
        form.put("channel_id", "C0GENERAL");
        form.put("channel_name", "general");
        form.put("user_id", userId);
        form.put("user_name", userName);
        form.put("command", "/study");
        form.put("text", text);
        form.put("api_app_id", "A0APP0001");
        form.put("is_enterprise_install", "false");
        form.put("response_url", slack.responseUrl(responseId));
        form.put("trigger_id", "13345224609.738474920.8088930838d88f008e0");
        return form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static long now() {
        return System.currentTimeMillis() / 1000;
    }

    static String sign(long timestamp, String body) {
        return sign(timestamp, body, SIGNING_SECRET);
    }

    static String sign(long timestamp, String body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + timestamp + ":" + body)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> post(String body, long timestamp, String signature) throws Exception {
        return post(body, timestamp, signature, SIGNING_SECRET);
    }

    private HttpResponse<String> post(String body, long timestamp, String signature, String secret) throws Exception {
        return send(http, adapter.port(), body, timestamp, signature != null ? signature : sign(timestamp, body, secret));
    }

    static HttpResponse<String> send(HttpClient http, int port, String body, long timestamp, String signature)
            throws Exception {
        return send(http, port, body, timestamp, signature, "application/x-www-form-urlencoded");
    }

    /** A request as Slack sends it: form-encoded for commands and interactions, JSON for the Events API. */
    static HttpResponse<String> send(HttpClient http, int port, String body, long timestamp, String signature,
                                     String contentType) throws Exception {
        return http.send(request(port, body, timestamp, signature, contentType), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest request(int port, String body, long timestamp, String signature, String contentType) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", contentType)
                .header("X-Slack-Request-Timestamp", String.valueOf(timestamp))
                .header("X-Slack-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
    }
}
