package dev.studybot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP mode: {@code POST /slack/events} on the JDK's HTTP server, handed to Bolt, whose request
 * verification (the {@code v0=} signature with the signing secret, timestamps within 5 minutes) answers
 * 401 to anything Slack did not sign.
 */
final class SlackHttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SlackHttpServer.class);

    static final String PATH = "/slack/events";
    static final int MAX_BODY = 1 << 20;

    private final HttpServer server;
    private final ExecutorService executor;
    private final App app;
    private final SlackRequestParser parser;

    private SlackHttpServer(HttpServer server, ExecutorService executor, App app) {
        this.server = server;
        this.executor = executor;
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
    }

    static SlackHttpServer start(App app, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 64);
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(16, runnable -> {
            Thread thread = new Thread(runnable, "slack-http-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        SlackHttpServer slackServer = new SlackHttpServer(server, executor, app);
        server.createContext(PATH, slackServer::handle);
        server.setExecutor(executor);
        server.start();
        return slackServer;
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!PATH.equals(exchange.getRequestURI().getPath())) {
                send(exchange, 404, "text/plain; charset=utf-8", "not found");
                return;
            }
            if (!"POST".equalsIgnoreCase(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().add("Allow", "POST");
                send(exchange, 405, "text/plain; charset=utf-8", "POST only");
                return;
            }
            byte[] bytes = readBody(exchange.getRequestBody());
            if (bytes == null) {
                send(exchange, 413, "text/plain; charset=utf-8", "too large");
                return;
            }
            Map<String, List<String>> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(Locale.ROOT), new ArrayList<>(values)));
            Request<?> request = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(exchange.getRequestURI().getPath())
                    .queryString(query(exchange.getRequestURI().getRawQuery()))
                    .headers(new RequestHeaders(headers))
                    .requestBody(new String(bytes, StandardCharsets.UTF_8))
                    .remoteAddress(exchange.getRemoteAddress().getAddress().getHostAddress())
                    .build());
            Response response = request == null ? Response.error(400) : app.run(request);
            if (response.getHeaders() != null) {
                response.getHeaders().forEach((name, values) -> {
                    if (!"content-type".equalsIgnoreCase(name) && !"content-length".equalsIgnoreCase(name)) {
                        values.forEach(value -> exchange.getResponseHeaders().add(name, value));
                    }
                });
            }
            send(exchange, response.getStatusCode() == null ? 200 : response.getStatusCode(),
                    response.getContentType() == null ? "text/plain; charset=utf-8" : response.getContentType(),
                    response.getBody() == null ? "" : response.getBody());
        } catch (Exception e) {
            LOG.error("Handling a Slack request failed", e);
            try {
                send(exchange, 500, "text/plain; charset=utf-8", "error");
            } catch (IOException | RuntimeException ignored) {
                // the response was already under way
            }
        }
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY + 1);
        return bytes.length > MAX_BODY ? null : bytes;
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return query;
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
