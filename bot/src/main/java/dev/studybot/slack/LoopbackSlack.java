package dev.studybot.slack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for Slack on loopback, for load measurements: the Web API methods the adapter calls
 * ({@code auth.test}, {@code users.info}) and response URLs ({@code /respond/<id>}), each answered after a set
 * delay, as Slack answers after its round trip. Remembers when each response URL was first posted to.
 */
public final class LoopbackSlack implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "loopback-slack");
        thread.setDaemon(true);
        return thread;
    });
    /** Sends the delayed answers, so that a request waiting out its delay holds no thread (as on Slack's side). */
    private final ScheduledExecutorService answers = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "loopback-slack-answers");
        thread.setDaemon(true);
        return thread;
    });
    /** When each response URL was first posted to ({@link System#nanoTime()}), completed on arrival. */
    private final Map<String, CompletableFuture<Long>> replies = new ConcurrentHashMap<>();
    private volatile long delayMillis;

    public LoopbackSlack() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** How long each answer waits, as Slack's round trip would. */
    public void delay(Duration delay) {
        delayMillis = delay.toMillis();
    }

    public String apiUrl() {
        return base() + "/api/";
    }

    public String responseUrl(String id) {
        return base() + "/respond/" + id;
    }

    /** When {@link System#nanoTime()} said the reply for {@code id} arrived: completes when it does. */
    public CompletableFuture<Long> reply(String id) {
        return replies.computeIfAbsent(id, ignored -> new CompletableFuture<>());
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        if (path.startsWith("/respond/")) {
            reply(path.substring("/respond/".length())).complete(arrived);
        }
        long delay = delayMillis;
        if (delay > 0) {
            // The exchange stays open after this handler returns, until answer() closes it.
            answers.schedule(() -> answer(exchange, path), delay, TimeUnit.MILLISECONDS);
        } else {
            answer(exchange, path);
        }
    }

    private static void answer(HttpExchange exchange, String path) {
        String answer = switch (path) {
            case "/api/auth.test" -> "{\"ok\":true,\"team_id\":\"T0LOAD001\",\"user_id\":\"U0BOT0001\",\"bot_id\":\"B0BOT0001\"}";
            case "/api/users.info" -> "{\"ok\":true,\"user\":{\"id\":\"U0LOAD001\",\"is_admin\":false}}";
            default -> path.startsWith("/respond/") ? "ok" : "{\"ok\":false,\"error\":\"unknown_method\"}";
        };
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", answer.startsWith("{") ? "application/json" : "text/plain");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            // the adapter gave up on this one (closed, timed out): nothing to answer
        }
    }

    @Override
    public void close() {
        server.stop(0);
        answers.shutdownNow();
        threads.shutdownNow();
    }
}
