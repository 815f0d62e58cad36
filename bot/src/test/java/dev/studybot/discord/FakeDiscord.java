package dev.studybot.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.studybot.config.StudybotConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A Discord on loopback: REST on a JDK HTTP server under {@code /api/v10/}, and a gateway on a WebSocket server
 * speaking the documented protocol (HELLO, IDENTIFY/RESUME, heartbeat ACKs, READY, GUILD_CREATE, dispatches).
 * Sharded as Discord is: an IDENTIFY names its shard {@code [id, total]} (none: {@code [0, 1]}), a guild lives on
 * shard {@code (guild_id >> 22) % total}, and each connection gets the READY, GUILD_CREATEs and dispatches of its
 * shard's guilds. Every REST request and gateway payload received is recorded.
 */
final class FakeDiscord implements AutoCloseable {

    static final String APP_ID = "1100000000000000001";
    static final String GUILD_ID = "1200000000000000002";
    static final String CHANNEL_ID = "1300000000000000003";
    /** A second server, on shard 0 of 2 (GUILD_ID is on shard 1 of 2), with one channel. */
    static final String OTHER_GUILD_ID = "1200000000004194306";
    static final String OTHER_CHANNEL_ID = "1300000000000000013";
    static final String USER_ID = "1400000000000000004";
    static final String ADMIN_ID = "1400000000000000005";
    static final String ADMIN_ROLE_ID = "1500000000000000006";
    static final String COMMAND_ID = "1600000000000000007";
    static final String TOKEN = "fake-bot-token-0123456789.abcdef";
    static final long MANAGE_SERVER = 1L << 5;

    /** A REST call, the files it carried (multipart, beside {@code payload_json}), and what the fake answered. */
    record Request(String method, String path, String query, JsonNode body, JsonNode response, List<FilePart> files) {
    }

    /** A file of a multipart request: its form field ({@code files[0]}), file name and bytes. */
    record FilePart(String field, String fileName, byte[] bytes) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer http;
    private final Gateway gateway;
    private final List<Request> requests = new ArrayList<>();
    private final List<JsonNode> received = new ArrayList<>();
    private final AtomicLong snowflakes = new AtomicLong(1234567890123456789L);
    /** The open connection of each shard, by shard id. */
    private final Map<Integer, WebSocket> connections = new ConcurrentHashMap<>();
    /** The shard total the bot identified with. */
    private volatile int shardsTotal = 1;
    /** What GET /gateway/bot recommends: {@code shards}, and {@code session_start_limit.max_concurrency}. */
    volatile int recommendedShards = 1;
    volatile int maxConcurrency = 1;
    /** What the bot may do in the server, as the invite link grants it (set before the bot logs in). */
    volatile long everyonePermissions = INVITED;
    /** View, send, embed links, history, create public threads, send in threads: the current invite link. */
    static final long INVITED = 0x400L | 0x800L | 0x4000L | 0x10000L | (1L << 35) | (1L << 38);
    /** What the invite link granted before the question of the day had threads. */
    static final long INVITED_WITHOUT_THREADS = 0x400L | 0x800L | 0x4000L | 0x10000L;

    FakeDiscord() throws Exception {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", this::rest);
        http.setExecutor(Executors.newFixedThreadPool(4));
        http.start();
        gateway = new Gateway();
        gateway.setReuseAddr(true);
        gateway.start();
        if (!gateway.listening.await(5, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the fake Discord gateway did not start listening");
        }
    }

    String apiUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/api/v10/";
    }

    String gatewayUrl() {
        return "ws://127.0.0.1:" + gateway.getPort() + "/";
    }

    /** Settings for all the bot's shards, as many as GET /gateway/bot recommends. */
    DiscordSettings settings(String guildId) {
        return settings(guildId, StudybotConfig.Shards.ALL);
    }

    DiscordSettings settings(String guildId, StudybotConfig.Shards shards) {
        return new DiscordSettings(TOKEN, guildId, apiUrl(), gatewayUrl(), shards);
    }

    /** A snowflake for now: interaction hooks expire 15 minutes after the time in the id. */
    static String snowflakeNow() {
        return String.valueOf(((System.currentTimeMillis() - 1420070400000L) << 22) | (COUNTER.incrementAndGet() & 0xFFF));
    }

    private static final AtomicInteger COUNTER = new AtomicInteger();

    String snowflake() {
        return String.valueOf(snowflakes.incrementAndGet());
    }

    // ---------------------------------------------------------------- waiting

    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    Request awaitRequest(String method, String pathPart, Duration timeout) throws InterruptedException {
        return await(requests, r -> r.method().equals(method) && r.path().contains(pathPart), timeout,
                method + " " + pathPart);
    }

    List<Request> requests(String method, String pathPart) {
        return requests().stream().filter(r -> r.method().equals(method) && r.path().contains(pathPart)).toList();
    }

    JsonNode awaitGateway(Predicate<JsonNode> test, Duration timeout, String what) throws InterruptedException {
        return await(received, test, timeout, what);
    }

    int gatewayCount(Predicate<JsonNode> test) {
        synchronized (received) {
            return (int) received.stream().filter(test).count();
        }
    }

    private <T> T await(List<T> list, Predicate<T> test, Duration timeout, String what) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        synchronized (list) {
            while (true) {
                for (T item : list) {
                    if (test.test(item)) {
                        return item;
                    }
                }
                long left = until - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("Timed out waiting for " + what + "; got " + list);
                }
                list.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    // ---------------------------------------------------------------- gateway

    /** The shard a guild lives on, as Discord places it. */
    static int shardOf(String guildId, int total) {
        return (int) ((Long.parseLong(guildId) >> 22) % total);
    }

    /**
     * Sends a dispatch (op 0) on the connection of the shard that holds its guild ({@code guild_id}; none: shard 0),
     * and records {@code {"sent": type, "shard": id}}.
     */
    void dispatch(String type, JsonNode data) {
        int shard = data.hasNonNull("guild_id") ? shardOf(data.get("guild_id").asText(), shardsTotal) : 0;
        WebSocket socket = connections.get(shard);
        if (socket == null || !socket.isOpen()) {
            throw new AssertionError("No gateway connection on shard " + shard + " to send " + type + " on");
        }
        send(socket, type, data);
        record(JSON.createObjectNode().put("sent", type).put("shard", shard));
    }

    private static void send(WebSocket socket, String type, JsonNode data) {
        AtomicInteger sequence = socket.getAttachment();
        ObjectNode payload = JSON.createObjectNode().put("op", 0).put("t", type).put("s", sequence.incrementAndGet());
        payload.set("d", data);
        socket.send(payload.toString());
    }

    /** Drops every gateway connection without a close frame, as a network failure would. */
    void dropConnection() {
        connections.values().forEach(socket -> socket.closeConnection(1006, "dropped by the test"));
    }

    /** The {@code [id, total]} of each IDENTIFY received, in order. */
    List<List<Integer>> identifiedShards() {
        synchronized (received) {
            return received.stream().filter(p -> p.path("op").asInt() == 2).map(p -> p.path("d").path("shard"))
                    .map(shard -> shard.isMissingNode() ? List.of(0, 1) : List.of(shard.get(0).asInt(), shard.get(1).asInt()))
                    .toList();
        }
    }

    private final class Gateway extends WebSocketServer {

        final CountDownLatch listening = new CountDownLatch(1);

        Gateway() {
            super(new InetSocketAddress("127.0.0.1", 0));
            setConnectionLostTimeout(0);
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            conn.setAttachment(new AtomicInteger());
            record(JSON.createObjectNode().put("open", handshake.getResourceDescriptor()));
            conn.send("{\"op\":10,\"d\":{\"heartbeat_interval\":41250},\"s\":null,\"t\":null}");
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            JsonNode payload;
            try {
                payload = JSON.readTree(message);
            } catch (IOException e) {
                return;
            }
            record(payload);
            int op = payload.path("op").asInt(-1);
            if (op == 1) {
                conn.send("{\"op\":11,\"d\":null,\"s\":null,\"t\":null}");
            } else if (op == 2) {
                JsonNode shard = payload.path("d").path("shard");
                int id = shard.isMissingNode() ? 0 : shard.get(0).asInt();
                shardsTotal = shard.isMissingNode() ? 1 : shard.get(1).asInt();
                connections.put(id, conn);
                List<String> guilds = GUILDS.stream().filter(guild -> shardOf(guild, shardsTotal) == id).toList();
                send(conn, "READY", ready(id, guilds));
                for (String guild : guilds) {
                    send(conn, "GUILD_CREATE", guild(guild));
                }
            } else if (op == 6) {
                // The session id names the shard: fake-session-1 is shard 0.
                String session = payload.path("d").path("session_id").asText();
                connections.put(Integer.parseInt(session.substring(session.lastIndexOf('-') + 1)) - 1, conn);
                send(conn, "RESUMED", JSON.createObjectNode());
                record(JSON.createObjectNode().put("sent", "RESUMED"));
            }
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
        }

        @Override
        public void onStart() {
            listening.countDown();
        }
    }

    private void record(JsonNode payload) {
        synchronized (received) {
            received.add(payload);
            received.notifyAll();
        }
    }

    private ObjectNode ready(int shard, List<String> guilds) {
        ObjectNode d = JSON.createObjectNode().put("v", 10);
        d.set("user", botUser());
        ArrayNode unavailable = d.putArray("guilds");
        guilds.forEach(guild -> unavailable.addObject().put("id", guild).put("unavailable", true));
        d.put("session_id", "fake-session-" + (shard + 1));
        d.put("resume_gateway_url", gatewayUrl());
        d.putObject("application").put("id", APP_ID).put("flags", 0);
        d.putArray("private_channels");
        d.putArray("relationships");
        d.putArray("presences");
        d.putArray("shard").add(shard).add(shardsTotal);
        return d;
    }

    static ObjectNode botUser() {
        return user(APP_ID, "studybot").put("bot", true);
    }

    static ObjectNode user(String id, String name) {
        return JSON.createObjectNode().put("id", id).put("username", name).put("discriminator", "0")
                .putNull("global_name").putNull("avatar").put("bot", false).put("public_flags", 0).put("flags", 0);
    }

    static ObjectNode member(String userId, String name, boolean admin) {
        ObjectNode member = JSON.createObjectNode();
        member.set("user", user(userId, name));
        ArrayNode roles = member.putArray("roles");
        if (admin) {
            roles.add(ADMIN_ROLE_ID);
        }
        member.putNull("nick").putNull("avatar").put("joined_at", "2026-01-01T00:00:00.000000+00:00")
                .put("deaf", false).put("mute", false).put("pending", false).put("flags", 0)
                .put("permissions", String.valueOf(admin ? 0x1FFFFFFFFFL : 0x400L | 0x800L));
        return member;
    }

    /** The servers the bot is in, each with one text channel. */
    private static final List<String> GUILDS = List.of(GUILD_ID, OTHER_GUILD_ID);

    static ObjectNode channel() {
        return channel(GUILD_ID);
    }

    private static String channelOf(String guildId) {
        return guildId.equals(GUILD_ID) ? CHANNEL_ID : OTHER_CHANNEL_ID;
    }

    private static String guildOf(String channelId) {
        return channelId.equals(OTHER_CHANNEL_ID) ? OTHER_GUILD_ID : GUILD_ID;
    }

    /** The text channel of a server: #general in GUILD_ID, #other in OTHER_GUILD_ID. */
    static ObjectNode channel(String guildId) {
        return JSON.createObjectNode().put("id", channelOf(guildId)).put("type", 0).put("guild_id", guildId)
                .put("name", guildId.equals(GUILD_ID) ? "general" : "other").put("position", 0).putNull("topic").put("nsfw", false)
                .putNull("last_message_id").putNull("parent_id").put("rate_limit_per_user", 0).put("flags", 0)
                .put("permissions", String.valueOf(0x1FFFFFFFFFL))
                .set("permission_overwrites", JSON.createArrayNode());
    }

    private static ObjectNode role(String id, String name, long permissions, int position) {
        ObjectNode role = JSON.createObjectNode().put("id", id).put("name", name).put("color", 0).put("hoist", false);
        role.putObject("colors").put("primary_color", 0).putNull("secondary_color").putNull("tertiary_color");
        return role
                .putNull("icon").putNull("unicode_emoji").put("position", position)
                .put("permissions", String.valueOf(permissions)).put("managed", false).put("mentionable", false)
                .put("flags", 0);
    }

    private ObjectNode guild(String id) {
        ObjectNode g = JSON.createObjectNode().put("id", id).put("name", id.equals(GUILD_ID) ? "Study Group" : "Other Group")
                .putNull("icon")
                .putNull("splash").putNull("discovery_splash").put("owner_id", "1400000000000000099")
                .putNull("afk_channel_id").put("afk_timeout", 300).put("verification_level", 0)
                .put("default_message_notifications", 0).put("explicit_content_filter", 0).put("mfa_level", 0)
                .putNull("application_id").putNull("system_channel_id").put("system_channel_flags", 0)
                .putNull("rules_channel_id").put("max_members", 500000).putNull("vanity_url_code")
                .putNull("description").putNull("banner").put("premium_tier", 0).put("premium_subscription_count", 0)
                .put("preferred_locale", "en-US").putNull("public_updates_channel_id").put("nsfw_level", 0)
                .put("premium_progress_bar_enabled", false).put("large", false).put("unavailable", false)
                .put("member_count", 3).put("joined_at", "2026-01-01T00:00:00.000000+00:00");
        g.putArray("features");
        ArrayNode roles = g.putArray("roles");
        roles.add(role(id, "@everyone", everyonePermissions, 0));
        roles.add(role(ADMIN_ROLE_ID, "moderators", MANAGE_SERVER | 0x400L | 0x800L, 1));
        g.putArray("emojis");
        g.putArray("stickers");
        g.putArray("soundboard_sounds");
        ArrayNode members = g.putArray("members");
        ObjectNode self = member(APP_ID, "studybot", false);
        self.set("user", botUser());
        members.add(self);
        ObjectNode channel = channel(id);
        channel.remove("guild_id");
        channel.remove("permissions");
        g.putArray("channels").add(channel);
        g.putArray("threads");
        g.putArray("voice_states");
        g.putArray("presences");
        g.putArray("stage_instances");
        g.putArray("guild_scheduled_events");
        return g;
    }

    /** An INTERACTION_CREATE payload for {@code /study sub} (or a group) with options. */
    ObjectNode slash(String interactionId, String token, String command, String group, String sub, ObjectNode options,
                     String userId, boolean admin) {
        ObjectNode i = base(interactionId, token, 2, userId, admin);
        ObjectNode data = i.putObject("data").put("id", COMMAND_ID).put("name", command).put("type", 1)
                .put("guild_id", GUILD_ID);
        ArrayNode top = data.putArray("options");
        ObjectNode subNode = JSON.createObjectNode().put("name", sub).put("type", 1);
        ArrayNode subOptions = subNode.putArray("options");
        options.fields().forEachRemaining(e -> {
            ObjectNode o = subOptions.addObject().put("name", e.getKey());
            if (e.getValue().isObject()) {
                o.put("type", 6).put("value", e.getValue().path("id").asText());
                data.putObject("resolved").putObject("users").set(e.getValue().path("id").asText(), e.getValue());
            } else {
                o.put("type", 3).set("value", e.getValue());
            }
        });
        if (group != null) {
            ObjectNode groupNode = top.addObject().put("name", group).put("type", 2);
            groupNode.putArray("options").add(subNode);
        } else {
            top.add(subNode);
        }
        return i;
    }

    /** The interaction moved to OTHER_GUILD_ID's channel, as if a member there had sent it. */
    static ObjectNode inOtherGuild(ObjectNode interaction) {
        interaction.put("guild_id", OTHER_GUILD_ID).put("channel_id", OTHER_CHANNEL_ID);
        interaction.set("channel", channel(OTHER_GUILD_ID));
        ((ObjectNode) interaction.get("guild")).put("id", OTHER_GUILD_ID);
        ((ObjectNode) interaction.get("authorizing_integration_owners")).put("0", OTHER_GUILD_ID);
        if (interaction.path("data").has("guild_id")) {
            ((ObjectNode) interaction.get("data")).put("guild_id", OTHER_GUILD_ID);
        }
        return interaction;
    }

    /** An INTERACTION_CREATE payload for the message command {@code name} on a member's message saying {@code content}. */
    ObjectNode messageCommand(String interactionId, String token, String name, String content, String userId) {
        ObjectNode i = base(interactionId, token, 2, userId, false);
        String targetId = snowflakeNow();
        ObjectNode data = i.putObject("data").put("id", COMMAND_ID).put("name", name).put("type", 3)
                .put("guild_id", GUILD_ID).put("target_id", targetId);
        ObjectNode target = message(targetId, JSON.createObjectNode().put("content", content));
        target.set("author", JSON.createObjectNode().put("id", ADMIN_ID).put("username", "alice").put("discriminator", "0")
                .putNull("avatar").putNull("global_name"));
        data.putObject("resolved").putObject("messages").set(targetId, target);
        return i;
    }

    /** A MESSAGE_CREATE payload: {@code userId} writes {@code content} in the channel, mentioning the bot. */
    ObjectNode mentioningTheBot(String messageId, String content, String userId) {
        ObjectNode m = message(messageId, JSON.createObjectNode().put("content", content));
        m.set("author", user(userId, "bob"));
        m.putArray("mentions").add(botUser());
        ObjectNode member = member(userId, "bob", false);
        member.remove("user");
        m.set("member", member);
        return m;
    }

    /** An INTERACTION_CREATE payload for a button press on {@code message}. */
    ObjectNode button(String interactionId, String token, String customId, JsonNode message, String userId) {
        ObjectNode i = base(interactionId, token, 3, userId, false);
        i.putObject("data").put("custom_id", customId).put("component_type", 2);
        i.set("message", message);
        return i;
    }

    /** An INTERACTION_CREATE payload for picking {@code value} in the string select menu {@code customId} on {@code message}. */
    ObjectNode select(String interactionId, String token, String customId, String value, JsonNode message, String userId) {
        ObjectNode i = base(interactionId, token, 3, userId, false);
        i.putObject("data").put("custom_id", customId).put("component_type", 3).putArray("values").add(value);
        i.set("message", message);
        return i;
    }

    /**
     * An INTERACTION_CREATE payload for a filled-in modal (MODAL_SUBMIT): each field a label around its text input
     * (a String value) or string select (a List of values), in order.
     */
    ObjectNode modalSubmit(String interactionId, String token, String modalId, Map<String, Object> fields, String userId,
                           boolean admin) {
        ObjectNode i = base(interactionId, token, 5, userId, admin);
        ArrayNode components = i.putObject("data").put("custom_id", modalId).putArray("components");
        int id = 1;
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            ObjectNode label = components.addObject().put("type", 18).put("id", id++);
            ObjectNode child = label.putObject("component").put("id", id++).put("custom_id", field.getKey());
            if (field.getValue() instanceof List<?> values) {
                ArrayNode chosen = child.put("type", 3).putArray("values");
                values.forEach(value -> chosen.add(value.toString()));
            } else {
                child.put("type", 4).put("value", field.getValue().toString());
            }
        }
        return i;
    }

    private ObjectNode base(String interactionId, String token, int type, String userId, boolean admin) {
        ObjectNode i = JSON.createObjectNode().put("id", interactionId).put("application_id", APP_ID)
                .put("type", type).put("guild_id", GUILD_ID).put("channel_id", CHANNEL_ID).put("token", token)
                .put("version", 1).put("app_permissions", String.valueOf(0x1FFFFFFFFFL)).put("locale", "en-US")
                .put("guild_locale", "en-US").put("context", 0).put("attachment_size_limit", 10485760);
        i.set("channel", channel());
        i.putObject("guild").put("id", GUILD_ID).put("locale", "en-US").putArray("features");
        i.set("member", member(userId, userId.equals(ADMIN_ID) ? "alice" : "bob", admin));
        i.putArray("entitlements");
        i.putObject("authorizing_integration_owners").put("0", GUILD_ID);
        return i;
    }

    // ---------------------------------------------------------------- REST

    private void rest(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getQuery();
            byte[] raw = exchange.getRequestBody().readAllBytes();
            JsonNode body = null;
            List<FilePart> files = new ArrayList<>();
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (raw.length > 0 && type != null && type.contains("json")) {
                body = JSON.readTree(raw);
            } else if (raw.length > 0 && type != null && type.contains("multipart")) {
                body = multipart(raw, type.substring(type.indexOf("boundary=") + "boundary=".length()), files);
            }
            boolean authorized = ("Bot " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"));
            String rest = path.startsWith("/api/v10/") ? path.substring("/api/v10/".length()) : path;
            JsonNode answer;
            int status = 200;
            if (rest.startsWith("interactions/") || rest.startsWith("webhooks/")) {
                authorized = true; // interaction tokens authorize these
            }
            if (!authorized) {
                status = 401;
                answer = JSON.createObjectNode().put("message", "401: Unauthorized").put("code", 0);
            } else if (method.equals("GET") && rest.equals("users/@me")) {
                answer = botUser();
            } else if (method.equals("GET") && rest.equals("gateway")) {
                answer = JSON.createObjectNode().put("url", gatewayUrl());
            } else if (method.equals("GET") && rest.equals("gateway/bot")) {
                ObjectNode g = JSON.createObjectNode().put("url", gatewayUrl()).put("shards", recommendedShards);
                g.putObject("session_start_limit").put("total", 1000).put("remaining", 999)
                        .put("reset_after", 14400000).put("max_concurrency", maxConcurrency);
                answer = g;
            } else if (method.equals("PUT") && rest.endsWith("/commands")) {
                ArrayNode out = JSON.createArrayNode();
                for (JsonNode command : body) {
                    ObjectNode copy = command.deepCopy();
                    copy.put("id", snowflake()).put("application_id", APP_ID).put("version", snowflake());
                    if (rest.contains("/guilds/")) {
                        copy.put("guild_id", GUILD_ID);
                    }
                    out.add(copy);
                }
                answer = out;
            } else if (method.equals("POST") && rest.startsWith("interactions/")) {
                int kind = body == null ? 0 : body.path("type").asInt();
                ObjectNode response = JSON.createObjectNode();
                String messageId = snowflake();
                boolean ephemeral = (body != null && (body.path("data").path("flags").asInt() & 64) != 0);
                response.putObject("interaction").put("id", rest.split("/")[1]).put("type", 2)
                        .put("response_message_id", messageId).put("response_message_loading", kind == 5)
                        .put("response_message_ephemeral", ephemeral);
                ObjectNode resource = response.putObject("resource").put("type", kind);
                if (kind == 4 || kind == 5 || kind == 7) {
                    resource.set("message", message(messageId, body == null ? null : body.path("data")));
                }
                answer = response;
            } else if (method.equals("PATCH") && rest.matches("channels/\\d+/messages/\\d+")) {
                answer = message(rest.substring(rest.lastIndexOf('/') + 1), body);
            } else if (method.equals("POST") && rest.matches("channels/\\d+/messages/\\d+/threads")) {
                // A thread started from a message has the message's id.
                answer = thread(rest.split("/")[3], rest.split("/")[1], body.path("name").asText());
            } else if (rest.startsWith("webhooks/") && method.equals("DELETE")) {
                answer = null;
                status = 204;
            } else if (method.equals("POST") && rest.matches("channels/\\d+/messages")) {
                answer = message(snowflake(), rest.split("/")[1], body);
            } else if (rest.startsWith("webhooks/")) {
                answer = message(snowflake(), body);
            } else {
                status = 404;
                answer = JSON.createObjectNode().put("message", "Unknown route " + method + " " + rest).put("code", 0);
            }
            Request request = new Request(method, path, query, body, answer, List.copyOf(files));
            synchronized (requests) {
                requests.add(request);
                requests.notifyAll();
            }
            byte[] out = answer == null ? new byte[0] : JSON.writeValueAsBytes(answer);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                exchange.getResponseBody().write(out);
            }
        }
    }

    /**
     * The {@code payload_json} of a multipart/form-data body (RFC 7578), its other parts added to {@code files}; read
     * as bytes, since a file part is binary.
     */
    private static JsonNode multipart(byte[] raw, String boundary, List<FilePart> files) throws IOException {
        byte[] delimiter = ("\r\n--" + boundary.replace("\"", "")).getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[raw.length + 2];
        body[0] = '\r';
        body[1] = '\n';
        System.arraycopy(raw, 0, body, 2, raw.length);
        JsonNode payload = null;
        int at = indexOf(body, delimiter, 0);
        while (at >= 0) {
            int headersStart = at + delimiter.length + 2;
            int next = indexOf(body, delimiter, headersStart);
            if (next < 0) {
                break;
            }
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), headersStart);
            String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
            byte[] content = java.util.Arrays.copyOfRange(body, headersEnd + 4, next);
            String field = attribute(headers, "name");
            if ("payload_json".equals(field)) {
                payload = JSON.readTree(content);
            } else {
                files.add(new FilePart(field, attribute(headers, "filename"), content));
            }
            at = next;
        }
        return payload;
    }

    private static String attribute(String headers, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[; ]" + name + "=\"([^\"]*)\"").matcher(headers);
        return m.find() ? m.group(1) : null;
    }

    private static int indexOf(byte[] data, byte[] part, int from) {
        outer:
        for (int i = Math.max(0, from); i <= data.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (data[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static ObjectNode thread(String id, String parentId, String name) {
        ObjectNode thread = JSON.createObjectNode().put("id", id).put("type", 11).put("guild_id", GUILD_ID)
                .put("parent_id", parentId).put("owner_id", APP_ID).put("name", name).put("rate_limit_per_user", 0)
                .put("message_count", 0).put("member_count", 1).put("total_message_sent", 0).put("flags", 0)
                .putNull("last_message_id");
        thread.putObject("thread_metadata").put("archived", false).put("auto_archive_duration", 1440)
                .put("archive_timestamp", "2026-11-24T10:00:00.000000+00:00").put("locked", false)
                .put("create_timestamp", "2026-11-24T10:00:00.000000+00:00");
        return thread;
    }

    private ObjectNode message(String id, JsonNode data) {
        return message(id, CHANNEL_ID, data);
    }

    private ObjectNode message(String id, String channelId, JsonNode data) {
        ObjectNode m = JSON.createObjectNode().put("id", id).put("channel_id", channelId)
                .put("guild_id", guildOf(channelId));
        m.set("author", botUser());
        m.put("content", data == null ? "" : data.path("content").asText(""))
                .put("timestamp", "2026-11-24T10:00:00.000000+00:00").putNull("edited_timestamp")
                .put("tts", false).put("mention_everyone", false).put("pinned", false).put("type", 0)
                .put("flags", data == null ? 0 : data.path("flags").asInt(0));
        m.putArray("mentions");
        m.putArray("mention_roles");
        m.putArray("attachments");
        ArrayNode embeds = m.putArray("embeds");
        if (data != null && data.has("embeds")) {
            for (JsonNode embed : data.get("embeds")) {
                ObjectNode copy = embed.deepCopy();
                if (!copy.has("type")) {
                    copy.put("type", "rich");
                }
                embeds.add(copy);
            }
        }
        ArrayNode components = JSON.createArrayNode();
        if (data != null && data.has("components")) {
            AtomicInteger next = new AtomicInteger(1);
            for (JsonNode row : data.get("components")) {
                ObjectNode r = row.deepCopy();
                if (!r.has("id")) {
                    r.put("id", next.getAndIncrement());
                }
                if (r.has("components")) {
                    for (JsonNode c : r.get("components")) {
                        if (!c.has("id")) {
                            ((ObjectNode) c).put("id", next.getAndIncrement());
                        }
                    }
                }
                components.add(r);
            }
        }
        m.set("components", components);
        return m;
    }

    @Override
    public void close() throws Exception {
        try {
            gateway.stop(1000);
        } finally {
            http.stop(0);
            ((java.util.concurrent.ExecutorService) http.getExecutor()).shutdownNow();
        }
    }
}
