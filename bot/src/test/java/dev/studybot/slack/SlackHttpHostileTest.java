package dev.studybot.slack;

import static dev.studybot.slack.SlackHttpModeTest.SIGNING_SECRET;
import static dev.studybot.slack.SlackHttpModeTest.command;
import static dev.studybot.slack.SlackHttpModeTest.now;
import static dev.studybot.slack.SlackHttpModeTest.sign;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import dev.studybot.chat.ChatHandler;
import dev.studybot.chat.Interaction;
import dev.studybot.chat.Reply;
import dev.studybot.ops.CapturedLogs;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** HTTP mode under attack on loopback: stalled clients, unsigned, malformed and out-of-time requests. */
@Timeout(60)
class SlackHttpHostileTest {

    private FakeSlack slack;
    private SlackAdapter adapter;
    private final List<Socket> stalled = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final CapturedLogs logs = CapturedLogs.studybot();

    @BeforeEach
    void start() throws Exception {
        slack = new FakeSlack();
        adapter = new SlackAdapter(new SlackSettings(SlackHttpModeTest.BOT_TOKEN, null, SIGNING_SECRET, 0, "127.0.0.1",
                slack.apiUrl()));
        adapter.start(interaction -> Reply.privately(new Reply.Text("pong")));
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket socket : stalled) {
            socket.close();
        }
        adapter.close();
        slack.close();
        logs.close();
    }

    private HttpResponse<String> post(String body, long timestamp, String signature) throws Exception {
        return SlackHttpModeTest.send(http, adapter.port(), body, timestamp, signature);
    }

    /** A client that opens a connection, sends the start of a request and then nothing. */
    private static Socket stall(int port, String start) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        OutputStream out = socket.getOutputStream();
        out.write(start.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    @Test
    void fiftyStalledConnectionsDoNotStopASignedCommand() throws Exception {
        for (int i = 0; i < 25; i++) {
            stalled.add(stall(adapter.port(), "P"));
            stalled.add(stall(adapter.port(), "POST /slack/events HTTP/1.1\r\nHost: studybot\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\ntoken=x"));
        }
        String body = command(slack, "help", "U0ALICE01", "alice", "s1");
        long started = System.nanoTime();
        HttpResponse<String> ack = post(body, now(), sign(now(), body));

        assertEquals(200, ack.statusCode(), ack.body());
        slack.await("response_url", call -> call.path().endsWith("/s1"), Duration.ofSeconds(5));
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 3,
                "answered within Slack's 3 seconds while 50 connections stall");
    }

    @Test
    void aStalledConnectionIsClosedOnceItHasBeenSilentForTheIdleTimeout() throws Exception {
        App app = new App(AppConfig.builder().signingSecret(SIGNING_SECRET).singleTeamBotToken(SlackHttpModeTest.BOT_TOKEN)
                .build());
        try (SlackHttpServer server = SlackHttpServer.start(app, "127.0.0.1", 0, Duration.ofMillis(300))) {
            Socket headerOnly = stall(server.port(), "P");
            Socket halfBody = stall(server.port(), "POST /slack/events HTTP/1.1\r\nHost: studybot\r\n"
                    + "Content-Length: 1000\r\n\r\ntoken=x");
            stalled.add(headerOnly);
            stalled.add(halfBody);
            await("both stalled connections are closed").atMost(Duration.ofSeconds(5))
                    .until(() -> closedByServer(headerOnly) && closedByServer(halfBody));
        }
    }

    /** Whether the server has closed the connection (whatever it said first). */
    private static boolean closedByServer(Socket socket) throws IOException {
        socket.setSoTimeout(50);
        InputStream in = socket.getInputStream();
        try {
            while (true) {
                if (in.read() == -1) {
                    return true;
                }
            }
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true; // reset by the server
        }
    }

    @Test
    void unsignedForgedAndMalformedRequestsGetA4xxAtOnceAndOneLogLinePerKind() throws Exception {
        String malformed = "text=%ZZ&user_id=U0EVE0001";
        for (int i = 0; i < 200; i++) {
            HttpResponse<String> unsigned = http.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://127.0.0.1:" + adapter.port() + "/slack/events"))
                    .timeout(Duration.ofSeconds(5)).POST(java.net.http.HttpRequest.BodyPublishers.ofString(malformed))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, unsigned.statusCode());
        }
        for (int i = 0; i < 50; i++) {
            assertEquals(401, post(malformed, now(), "v0=" + "0".repeat(64)).statusCode());
            assertEquals(400, post(malformed, now(), sign(now(), malformed)).statusCode(),
                    "signed but not a form Slack would send");
        }

        List<ILoggingEvent> refusals = logs.events().stream()
                .filter(event -> event.getLoggerName().equals(SlackHttpServer.class.getName())).toList();
        assertEquals(3, refusals.size(), logs.text());
        assertTrue(refusals.stream().allMatch(event -> event.getLevel() == Level.WARN && event.getThrowableProxy() == null),
                logs.text());
        assertTrue(logs.events().stream().noneMatch(event -> event.getLevel() == Level.ERROR), logs.text());
        await("the bot never answers any of them").during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                .until(() -> slack.calls("response_url").isEmpty());
    }

    @Test
    void aSignedRequestStampedMoreThanFiveMinutesAwayEitherWayIsRefused() throws Exception {
        String body = command(slack, "help", "U0MALLORY", "mallory", "f1");
        for (long stamp : new long[] {now() + 24 * 3600, now() + 100L * 365 * 24 * 3600, now() - 6 * 60, now() + 6 * 60}) {
            assertEquals(401, post(body, stamp, sign(stamp, body)).statusCode(), "stamped " + (stamp - now()) + " s away");
        }
        long skewed = now() + 4 * 60; // a clock a few minutes fast is still Slack
        assertEquals(200, post(body, skewed, sign(skewed, body)).statusCode());
        slack.await("response_url", call -> call.path().endsWith("/f1"), Duration.ofSeconds(5));
        assertEquals(1, slack.calls("response_url").size());
    }

    @Test
    void aSignedCommandThatSaysNotWhoSentItIsRefusedWithoutAnError() throws Exception {
        AtomicInteger called = new AtomicInteger();
        adapter.close();
        adapter = new SlackAdapter(new SlackSettings(SlackHttpModeTest.BOT_TOKEN, null, SIGNING_SECRET, 0, "127.0.0.1",
                slack.apiUrl()));
        adapter.start(interaction -> {
            called.incrementAndGet();
            return Reply.privately(new Reply.Text("pong"));
        });
        String withUser = command(slack, "help", "U0ALICE01", "alice", "n1");
        String body = withUser.replace("user_id=U0ALICE01&", "");

        assertEquals(400, post(body, now(), sign(now(), body)).statusCode());
        assertEquals(200, post(withUser, now(), sign(now(), withUser)).statusCode());
        slack.await("response_url", call -> call.path().endsWith("/n1"), Duration.ofSeconds(5));
        assertEquals(1, called.get(), "only the command that says who sent it reached the bot");
        assertTrue(logs.events().stream().noneMatch(event -> event.getLevel() == Level.ERROR), logs.text());
        assertTrue(logs.text().contains("WARN Refused a signed Slack command that does not say"), logs.text());
    }

    /** An adapter with these workers, queue and wait limit (on the clock {@code nanos}) in front of {@code bot}. */
    private void startAdapter(int workers, int queue, Duration maxWait, LongSupplier nanos,
                              ChatHandler bot) {
        startAdapter(new SlackWorkers.Limits(workers, queue, maxWait, SlackWorkers.REPLIES_UNDER_WAY), nanos, bot);
    }

    private void startAdapter(SlackWorkers.Limits limits, LongSupplier nanos, ChatHandler bot) {
        adapter.close();
        adapter = new SlackAdapter(new SlackSettings(SlackHttpModeTest.BOT_TOKEN, null, SIGNING_SECRET, 0, "127.0.0.1",
                slack.apiUrl()), limits, nanos);
        adapter.start(bot);
    }

    /** The command told to try again is not answered later either. */
    private void neverAnswered(String responseId) {
        await("no reply to " + responseId).during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                .until(() -> slack.calls("response_url").stream().noneMatch(call -> call.path().endsWith("/" + responseId)));
    }

    /** A bot that answers "pong" once {@code release} opens. */
    private static ChatHandler pongAfter(CountDownLatch release) {
        return interaction -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Reply.privately(new Reply.Text("pong"));
        };
    }

    @Test
    void beyondTheQueueACommandIsToldPolitelyToTryAgainAndTheRestAreAnswered() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        startAdapter(1, 1, SlackWorkers.MAX_WAIT, System::nanoTime, pongAfter(release));
        List<HttpResponse<String>> acks = new ArrayList<>();
        for (String id : List.of("q1", "q2", "q3")) {
            String body = command(slack, "help", "U0ALICE01", "alice", id);
            acks.add(post(body, now(), sign(now(), body)));
        }

        assertEquals(List.of(200, 200, 200), acks.stream().map(HttpResponse::statusCode).toList());
        assertFalse(acks.get(0).body().contains("busy") || acks.get(1).body().contains("busy"));
        assertTrue(acks.get(2).body().contains(SlackAdapter.BUSY), "one working, one waiting, the third is told: "
                + acks.get(2).body());
        release.countDown();
        slack.await("response_url", call -> call.path().endsWith("/q1"), Duration.ofSeconds(5));
        slack.await("response_url", call -> call.path().endsWith("/q2"), Duration.ofSeconds(5));
        neverAnswered("q3");
    }

    @Test
    void onceTheOldestWaitingCommandHasWaitedTooLongTheNextIsToldToTryAgainAndNoneIsLost() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicLong nanos = new AtomicLong();
        ChatHandler blocked = pongAfter(release);
        startAdapter(2, 100, Duration.ofMillis(500), nanos::get,
                interaction -> ((Interaction.Text) interaction).text().equals("help") ? blocked.handle(interaction)
                        : Reply.privately(new Reply.Text("at once")));
        String first = command(slack, "first", "U0ALICE01", "alice", "w0");
        post(first, now(), sign(now(), first));
        slack.await("response_url", call -> call.path().endsWith("/w0"), Duration.ofSeconds(5));
        List<HttpResponse<String>> acks = new ArrayList<>();
        for (String id : List.of("w1", "w2", "w3", "w3b")) {
            String body = command(slack, "help", "U0ALICE01", "alice", id);
            acks.add(post(body, now(), sign(now(), body)));
        }
        nanos.addAndGet(Duration.ofMillis(600).toNanos());
        String late = command(slack, "help", "U0ALICE01", "alice", "w4");
        acks.add(post(late, now(), sign(now(), late)));

        assertEquals(List.of(false, false, false, false, true), acks.stream().map(ack -> ack.body().contains(SlackAdapter.BUSY))
                .toList(), "two working and two waiting are kept; once they have waited 600 ms the next is told");
        release.countDown();
        for (String id : List.of("w1", "w2", "w3", "w3b")) {
            slack.await("response_url", call -> call.path().endsWith("/" + id), Duration.ofSeconds(5));
        }
        neverAnswered("w4");
    }

    @Test
    void beforeAnyRequestHasBeenTimedAsManyMayWaitAsThereAreWorkers() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        startAdapter(2, 100, SlackWorkers.MAX_WAIT, System::nanoTime, pongAfter(release));
        List<HttpResponse<String>> acks = new ArrayList<>();
        for (String id : List.of("b1", "b2", "b3", "b4", "b5")) {
            String body = command(slack, "help", "U0ALICE01", "alice", id);
            acks.add(post(body, now(), sign(now(), body)));
        }

        assertEquals(List.of(false, false, false, false, true), acks.stream().map(ack -> ack.body().contains(SlackAdapter.BUSY))
                .toList(), "a burst at start-up does not fill the queue behind the first, slow, requests");
        release.countDown();
        for (String id : List.of("b1", "b2", "b3", "b4")) {
            slack.await("response_url", call -> call.path().endsWith("/" + id), Duration.ofSeconds(5));
        }
    }

    @Test
    void aQueueThatWouldTakeTooLongToDrainTurnsTheNextCommandAwayAtOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicLong nanos = new AtomicLong();
        ChatHandler blocked = pongAfter(release);
        startAdapter(1, 100, Duration.ofMillis(500), nanos::get, interaction -> {
            String text = ((Interaction.Text) interaction).text();
            if (text.equals("block")) {
                return blocked.handle(interaction);
            }
            if (text.equals("slow")) {
                nanos.addAndGet(Duration.ofSeconds(1).toNanos()); // this request takes a second of the adapter's clock
            }
            return Reply.privately(new Reply.Text("pong"));
        });
        String slow = command(slack, "slow", "U0ALICE01", "alice", "s1");
        post(slow, now(), sign(now(), slow));
        slack.await("response_url", call -> call.path().endsWith("/s1"), Duration.ofSeconds(5));

        List<HttpResponse<String>> acks = new ArrayList<>();
        for (String[] each : List.of(new String[] {"block", "s2"}, new String[] {"help", "s3"}, new String[] {"help", "s4"})) {
            String body = command(slack, each[0], "U0ALICE01", "alice", each[1]);
            acks.add(post(body, now(), sign(now(), body)));
        }

        assertEquals(List.of(false, false, true), acks.stream().map(ack -> ack.body().contains(SlackAdapter.BUSY)).toList(),
                "with requests taking a second, one waiting already means a wait over 500 ms for the next");
        release.countDown();
        slack.await("response_url", call -> call.path().endsWith("/s2"), Duration.ofSeconds(5));
        slack.await("response_url", call -> call.path().endsWith("/s3"), Duration.ofSeconds(5));
        neverAnswered("s4");
    }

    @Test
    void whileTooManyRepliesAreStillOnTheirWayToSlackTheNextCommandIsToldToTryAgain() throws Exception {
        startAdapter(new SlackWorkers.Limits(4, 100, SlackWorkers.MAX_WAIT, 2), System::nanoTime,
                interaction -> Reply.privately(new Reply.Text("pong")));
        slack.holdResponses();
        List<HttpResponse<String>> acks = new ArrayList<>();
        for (String id : List.of("u1", "u2")) {
            String body = command(slack, "help", "U0ALICE01", "alice", id);
            acks.add(post(body, now(), sign(now(), body)));
            slack.await("response_url", call -> call.path().endsWith("/" + id), Duration.ofSeconds(5));
        }
        String third = command(slack, "help", "U0ALICE01", "alice", "u3");
        acks.add(post(third, now(), sign(now(), third)));

        assertEquals(List.of(false, false, true), acks.stream().map(ack -> ack.body().contains(SlackAdapter.BUSY)).toList(),
                "two replies Slack has not taken yet are the limit: the third command is turned away, not queued");
        neverAnswered("u3");
        slack.answerResponses();
        String fourth = command(slack, "help", "U0ALICE01", "alice", "u4");
        await("the replies under way to be taken").atMost(Duration.ofSeconds(5)).until(() -> {
            HttpResponse<String> ack = post(fourth, now(), sign(now(), fourth));
            return !ack.body().contains(SlackAdapter.BUSY);
        });
        slack.await("response_url", call -> call.path().endsWith("/u4"), Duration.ofSeconds(5));
    }

    @Test
    void aBodyOverTheLimitIsRefusedWithoutReadingIt() throws Exception {
        String huge = "text=" + "a".repeat(SlackHttpServer.MAX_BODY);
        HttpResponse<String> response = post(huge, now(), sign(now(), huge));
        assertEquals(413, response.statusCode());
        assertFalse(logs.text().contains("ERROR"), logs.text());
    }
}
