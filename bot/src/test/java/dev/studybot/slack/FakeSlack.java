package dev.studybot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A loopback stand-in for the Slack Web API ({@code /api/<method>}), for response URLs ({@code /respond/<id>}) and
 * for the upload URLs {@code files.getUploadURLExternal} hands out ({@code /upload/<file id>}, method "upload");
 * records every call with its parameters and raw bytes.
 */
final class FakeSlack implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One call: the Web API method (or "response_url", "upload"), its form or JSON parameters, the body as text and
     * as bytes, and when it arrived ({@link System#nanoTime()}).
     */
    record Call(String method, String path, Map<String, String> params, String body, String authorization, long nanos,
                byte[] raw) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        JsonNode blocks() {
            try {
                String blocks = params.get("blocks");
                return blocks != null ? JSON.readTree(blocks) : json().get("blocks");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The id files.getUploadURLExternal gives the file to upload. */
    static final String UPLOADED_FILE = "F0CHART001";

    final List<Call> calls = new CopyOnWriteArrayList<>();
    final Set<String> workspaceAdmins = ConcurrentHashMap.newKeySet();
    /** The profile's display name users.info gives per user id; users without one have an empty display name. */
    final Map<String, String> displayNames = new ConcurrentHashMap<>();
    /** The workspace's user groups usergroups.list gives, handle to id. */
    final Map<String, String> userGroups = new ConcurrentHashMap<>();
    volatile String webSocketUrl = "ws://127.0.0.1:1/";
    volatile boolean tokenValid = true;
    /** Web API methods answered with {@code ratelimited}, as Slack answers when a method is called too often. */
    final Set<String> refused = ConcurrentHashMap.newKeySet();
    /**
     * The install flow's side of Slack: the app's client id and secret, which {@code oauth.v2.access} checks (HTTP
     * Basic, as Slack prefers them), and the codes its authorize page would hand out, each good for one exchange.
     */
    volatile String clientId = "1111111111.2222222222222";
    volatile String clientSecret = "fake-client-secret-0123456789abcd";
    final Map<String, Install> installCodes = new ConcurrentHashMap<>();
    /** The workspace each bot token handed out by {@code oauth.v2.access} belongs to, for {@code auth.test}. */
    final Map<String, Install> installedTokens = new ConcurrentHashMap<>();

    /** What exchanging an install code gives: a workspace, its bot token, who installed it. */
    record Install(String teamId, String teamName, String botToken, String botUserId, String installerId) {
    }

    private final Queue<HttpExchange> heldResponses = new ConcurrentLinkedQueue<>();
    private volatile boolean holdingResponses;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "fake-slack");
        thread.setDaemon(true);
        return thread;
    });

    FakeSlack() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        // Several at once, as Slack answers: one thread would make three replicas' calls queue behind each other.
        server.setExecutor(threads);
        server.start();
    }

    /** The Web API base URL, ending with '/'. */
    String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    String responseUrl(String id) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/respond/" + id;
    }

    List<Call> calls(String method) {
        return calls.stream().filter(call -> call.method().equals(method)).toList();
    }

    /** Waits (bounded) for a call matching {@code test}. */
    Call await(String method, Predicate<Call> test, Duration timeout) {
        try {
            return Awaitility.await("a " + method + " call").atMost(timeout).pollInterval(Duration.ofMillis(10))
                    .until(() -> calls.stream().filter(call -> call.method().equals(method) && test.test(call)).findFirst(),
                            Optional::isPresent)
                    .orElseThrow();
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no " + method + " call within " + timeout + "; calls: " + calls, e);
        }
    }

    Call await(String method, Duration timeout) {
        return await(method, call -> true, timeout);
    }

    /**
     * Stops answering response URLs (the posts are recorded, their answers wait) until {@link #answerResponses}, as
     * a slow Slack would.
     */
    void holdResponses() {
        holdingResponses = true;
    }

    /** Answers the response URL posts held since {@link #holdResponses} and answers the next ones at once. */
    void answerResponses() throws IOException {
        holdingResponses = false;
        HttpExchange held;
        while ((held = heldResponses.poll()) != null) {
            answer(held, "ok");
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            String body = new String(raw, StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
            Map<String, String> params = contentType.startsWith("application/x-www-form-urlencoded") ? form(body) : Map.of();
            String method = path.startsWith("/api/") ? path.substring("/api/".length())
                    : path.startsWith("/respond/") ? "response_url" : path.startsWith("/upload/") ? "upload" : path;
            calls.add(new Call(method, path, params, body, exchange.getRequestHeaders().getFirst("Authorization"),
                    System.nanoTime(), raw));
            String bearer = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
            Install installed = installedTokens.get(params.getOrDefault("token", bearer.replaceFirst("^Bearer ", "")));
            String answer = refused.contains(method) ? "{\"ok\":false,\"error\":\"ratelimited\"}" : switch (method) {
                case "oauth.v2.access" -> exchange(bearer, params);
                case "auth.test" -> installed != null ? "{\"ok\":true,\"url\":\"https://" + installed.teamId().toLowerCase()
                        + ".slack.com/\",\"team\":" + JSON.writeValueAsString(installed.teamName()) + ",\"user\":\"studybot\","
                        + "\"team_id\":\"" + installed.teamId() + "\",\"user_id\":\"" + installed.botUserId()
                        + "\",\"bot_id\":\"B0" + installed.teamId() + "\",\"is_enterprise_install\":false}"
                        : !tokenValid ? "{\"ok\":false,\"error\":\"invalid_auth\"}" : "{\"ok\":true,\"url\":\"https://acme-study.slack.com/\",\"team\":\"Acme Study\","
                        + "\"user\":\"studybot\",\"team_id\":\"T0ACME001\",\"user_id\":\"U0BOT0001\",\"bot_id\":\"B0BOT0001\","
                        + "\"is_enterprise_install\":false}";
                case "chat.postMessage" -> "{\"ok\":true,\"channel\":\"" + params.getOrDefault("channel", "C0")
                        + "\",\"ts\":\"1764000000.000100\",\"message\":{\"type\":\"message\",\"text\":\"ok\","
                        + "\"user\":\"U0BOT0001\",\"ts\":\"1764000000.000100\"}}";
                case "chat.update" -> "{\"ok\":true,\"channel\":\"" + params.getOrDefault("channel", "C0") + "\",\"ts\":\""
                        + params.getOrDefault("ts", "0") + "\",\"text\":\"ok\"}";
                case "chat.postEphemeral" -> "{\"ok\":true,\"message_ts\":\"1764000000.000200\"}";
                case "users.info" -> {
                    String user = params.getOrDefault("user", "U0");
                    boolean admin = workspaceAdmins.contains(user);
                    yield "{\"ok\":true,\"user\":{\"id\":\"" + user + "\",\"team_id\":\"T0ACME001\",\"name\":\"" + user
                            + "\",\"deleted\":false,\"is_admin\":" + admin + ",\"is_owner\":false,"
                            + "\"is_primary_owner\":false,\"is_bot\":false,\"tz\":\"Europe/Berlin\","
                            + "\"profile\":{\"display_name\":" + JSON.writeValueAsString(displayNames.getOrDefault(user, ""))
                            + ",\"real_name\":\"\"}}}";
                }
                case "views.publish" -> "{\"ok\":true,\"view\":{\"id\":\"V0HOME001\",\"type\":\"home\"}}";
                case "usergroups.list" -> "{\"ok\":true,\"usergroups\":[" + userGroups.entrySet().stream()
                        .map(group -> "{\"id\":\"" + group.getValue() + "\",\"handle\":\"" + group.getKey()
                                + "\",\"name\":\"" + group.getKey() + "\",\"date_delete\":0}")
                        .collect(java.util.stream.Collectors.joining(",")) + "]}";
                case "views.open" -> "{\"ok\":true,\"view\":{\"id\":\"V0MODAL01\",\"type\":\"modal\"}}";
                case "apps.connections.open" -> "{\"ok\":true,\"url\":\"" + webSocketUrl + "\"}";
                case "files.getUploadURLExternal" -> "{\"ok\":true,\"upload_url\":\"http://127.0.0.1:"
                        + server.getAddress().getPort() + "/upload/" + UPLOADED_FILE + "\",\"file_id\":\"" + UPLOADED_FILE + "\"}";
                case "files.completeUploadExternal" -> "{\"ok\":true,\"files\":[{\"id\":\"" + UPLOADED_FILE
                        + "\",\"title\":\"uploaded\"}]}";
                // Slack's upload service answers a plain "OK - <bytes>".
                case "upload" -> "OK - " + raw.length;
                case "response_url" -> "ok";
                default -> "{\"ok\":false,\"error\":\"unknown_method\"}";
            };
            if (method.equals("response_url") && holdingResponses) {
                heldResponses.add(exchange); // left open: answered by answerResponses()
                return;
            }
            answer(exchange, answer);
        } catch (IOException | RuntimeException e) {
            exchange.close();
            throw e;
        }
    }

    /** oauth.v2.access as Slack documents it: the app's credentials, then the code, once. */
    private String exchange(String authorization, Map<String, String> params) throws IOException {
        String credentials = "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + clientSecret)
                .getBytes(StandardCharsets.UTF_8));
        if (!credentials.equals(authorization)) {
            return "{\"ok\":false,\"error\":\"invalid_client\"}";
        }
        Install install = installCodes.remove(params.getOrDefault("code", ""));
        if (install == null) {
            return "{\"ok\":false,\"error\":\"invalid_code\"}";
        }
        installedTokens.put(install.botToken(), install);
        return "{\"ok\":true,\"access_token\":\"" + install.botToken() + "\",\"token_type\":\"bot\","
                + "\"scope\":\"commands,chat:write,chat:write.public,users:read,app_mentions:read,files:write\","
                + "\"bot_user_id\":\"" + install.botUserId() + "\",\"app_id\":\"A0APP0001\","
                + "\"team\":{\"name\":" + JSON.writeValueAsString(install.teamName()) + ",\"id\":\"" + install.teamId() + "\"},"
                + "\"enterprise\":null,\"is_enterprise_install\":false,"
                + "\"authed_user\":{\"id\":\"" + install.installerId() + "\"}}";
    }

    private static void answer(HttpExchange exchange, String answer) throws IOException {
        try (exchange) {
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type",
                    answer.startsWith("{") ? "application/json; charset=utf-8" : "text/html");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    static Map<String, String> form(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return params;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    /** All button elements of some blocks. */
    static List<JsonNode> buttons(JsonNode blocks) {
        List<JsonNode> buttons = new ArrayList<>();
        for (JsonNode block : blocks) {
            if ("actions".equals(block.path("type").asText())) {
                block.path("elements").forEach(element -> {
                    if ("button".equals(element.path("type").asText())) {
                        buttons.add(element);
                    }
                });
            }
        }
        return buttons;
    }

    @Override
    public void close() {
        heldResponses.forEach(HttpExchange::close);
        server.stop(0);
        threads.shutdownNow();
    }
}
