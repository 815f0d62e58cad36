package dev.studybot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.studybot.chat.Interaction;
import dev.studybot.chat.Reply;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Socket Mode end to end: apps.connections.open on the fake Web API leads to a local WebSocket server. */
@Timeout(20)
class SlackSocketModeTest {

    static final String APP_TOKEN = "xapp-1-A0APP0001-1234567890123-abcdef0123456789abcdef0123456789";

    private FakeSlack slack;
    private FakeSocketMode socket;
    private SlackAdapter adapter;
    private final List<Interaction> received = new CopyOnWriteArrayList<>();

    /** Plays Slack's side of Socket Mode: hello, then whatever the test sends; records what the client says. */
    static final class FakeSocketMode extends WebSocketServer {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch opened = new CountDownLatch(1);
        final BlockingQueue<String> fromClient = new LinkedBlockingQueue<>();
        final List<String> handshakeAuthorizations = new CopyOnWriteArrayList<>();
        volatile WebSocket connection;

        FakeSocketMode() {
            super(new InetSocketAddress("127.0.0.1", 0));
            setReuseAddr(true);
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            connection = conn;
            handshakeAuthorizations.add(String.valueOf(handshake.getFieldValue("Authorization")));
            conn.send("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"applink-7\","
                    + "\"build_number\":118,\"approximate_connection_time\":18060},"
                    + "\"connection_info\":{\"app_id\":\"A0APP0001\"}}");
            opened.countDown();
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            fromClient.add(message);
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
        }

        @Override
        public void onStart() {
            started.countDown();
        }
    }

    @BeforeEach
    void start() throws Exception {
        slack = new FakeSlack();
        socket = new FakeSocketMode();
        socket.start();
        assertTrue(socket.started.await(5, TimeUnit.SECONDS), "WebSocket server started");
        slack.webSocketUrl = "ws://127.0.0.1:" + socket.getPort() + "/";
        adapter = new SlackAdapter(new SlackSettings(SlackHttpModeTest.BOT_TOKEN, APP_TOKEN, null, 0, "127.0.0.1", slack.apiUrl()));
    }

    @AfterEach
    void stop() throws Exception {
        if (adapter != null) {
            adapter.close();
        }
        if (socket != null) {
            socket.stop(1000);
        }
        if (slack != null) {
            slack.close();
        }
    }

    @Test
    void slashCommandOverSocketModeIsAckedAndReachesTheBot() throws Exception {
        adapter.start(interaction -> {
            received.add(interaction);
            return Reply.privately(new Reply.Text("**pong**"));
        });
        assertTrue(socket.opened.await(10, TimeUnit.SECONDS), "the client connected to the URL from apps.connections.open");
        FakeSlack.Call open = slack.await("apps.connections.open", Duration.ofSeconds(5));
        assertEquals("Bearer " + APP_TOKEN, open.authorization(), "apps.connections.open uses the app token");

        String envelope = """
                {"envelope_id":"1d3c79ab-0ffb-41f3-a080-d19e85f53649","type":"slash_commands",
                 "accepts_response_payload":true,"payload":{"token":"legacy-verification-token",
                 "team_id":"T0ACME001","team_domain":"acme-study","channel_id":"C0RANDOM1","channel_name":"random",
                 "user_id":"U0DAVE001","user_name":"dave","command":"/study","text":"leaderboard month",
                 "api_app_id":"A0APP0001","is_enterprise_install":"false",
                 "response_url":"%s","trigger_id":"1234.5678.abcd"}}
                """.formatted(slack.responseUrl("s1"));
        socket.connection.send(envelope);

        String ack = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            String message = socket.fromClient.poll(100, TimeUnit.MILLISECONDS);
            if (message != null && message.contains("envelope_id")) {
                ack = message;
                break;
            }
        }
        assertNotNull(ack, "the client acked the envelope");
        JsonNode ackJson = FakeSlack.JSON.readTree(ack);
        assertEquals("1d3c79ab-0ffb-41f3-a080-d19e85f53649", ackJson.path("envelope_id").asText());

        JsonNode reply = slack.await("response_url", call -> call.path().endsWith("/s1"), Duration.ofSeconds(5)).json();
        assertEquals("ephemeral", reply.path("response_type").asText());
        assertTrue(reply.path("blocks").toString().contains("*pong*"), reply.toString());
        Interaction.Text command = assertInstanceOf(Interaction.Text.class, received.get(0));
        assertEquals("leaderboard month", command.text());
        assertEquals("dave", command.caller().member().displayName());
        assertEquals("random", command.caller().place().channelName());
        assertEquals("acme-study", command.caller().place().groupName());
        assertFalse(command.caller().admin());
    }
}
