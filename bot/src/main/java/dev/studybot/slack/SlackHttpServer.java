package dev.studybot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import dev.studybot.ops.RateLimitedLog;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP mode: {@code POST /slack/events} on Jetty, handed to Bolt. Jetty reads requests without blocking, so a
 * client that connects and stalls holds a socket (closed after {@link #IDLE_TIMEOUT} of silence), never a
 * thread; bodies and headers are bounded. The signature is checked on the raw body first ({@link SlackSignature}):
 * unsigned, forged, out-of-time and malformed requests get 401 or 400 at once and one rate-limited log line per kind.
 */
final class SlackHttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SlackHttpServer.class);

    static final String PATH = "/slack/events";
    /** The install flow's two pages, served (GET, unsigned: a browser asks for them) when it is configured. */
    static final String INSTALL_PATH = "/slack/install";
    static final String REDIRECT_PATH = "/slack/oauth_redirect";
    static final int MAX_BODY = 1 << 20;
    static final int MAX_HEADER_BYTES = 16 * 1024;
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(10);
    /** Open connections at most: each costs a file descriptor, and the bot needs some for its index and database. */
    static final int MAX_CONNECTIONS = 512;
    private static final int MAX_THREADS = 32;
    private static final String TEXT = "text/plain; charset=utf-8";

    private final Server server;
    private final ServerConnector connector;
    private final App app;
    private final SlackRequestParser parser;
    private final SlackSignature signature;
    private final RateLimitedLog refusals = new RateLimitedLog(LOG, Duration.ofMinutes(1));

    private SlackHttpServer(App app, String host, int port, Duration idleTimeout) {
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
        this.signature = new SlackSignature(app.config().getSigningSecret());
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 2);
        threads.setName("slack-http");
        threads.setDaemon(true);
        server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setRequestHeaderSize(MAX_HEADER_BYTES);
        connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(idleTimeout.toMillis());
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(MAX_CONNECTIONS, connector));
        server.setHandler(new SlackHandler());
    }

    /** @param host the address to listen on; null or {@code 0.0.0.0}: every interface */
    static SlackHttpServer start(App app, String host, int port, Duration idleTimeout) throws Exception {
        SlackHttpServer slackServer = new SlackHttpServer(app, host, port, idleTimeout);
        slackServer.server.start();
        return slackServer;
    }

    int port() {
        return connector.getLocalPort();
    }

    private final class SlackHandler extends Handler.Abstract {

        @Override
        public boolean handle(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                              Callback callback) {
            String path = org.eclipse.jetty.server.Request.getPathInContext(request);
            if (app.config().isDistributedApp() && (INSTALL_PATH.equals(path) || REDIRECT_PATH.equals(path))) {
                if (HttpMethod.GET.is(request.getMethod())) {
                    // The browser of a member installing: Bolt checks the state, not a signature.
                    run(request, response, callback, path, new byte[0]);
                } else {
                    response.getHeaders().put(HttpHeader.ALLOW, "GET");
                    send(response, callback, 405, "GET only");
                }
            } else if (!PATH.equals(path)) {
                send(response, callback, 404, "not found");
            } else if (!HttpMethod.POST.is(request.getMethod())) {
                response.getHeaders().put(HttpHeader.ALLOW, "POST");
                send(response, callback, 405, "POST only");
            } else if (request.getLength() > MAX_BODY) {
                refused(response, callback, 413, "too_large", "Refused a Slack request over " + MAX_BODY + " bytes");
            } else {
                // Read without holding a thread; answer on Jetty's pool, not on the thread that read the last bytes.
                Content.Source.asByteArrayAsync(request, MAX_BODY).whenCompleteAsync((body, failure) -> {
                    if (failure != null) {
                        refused(response, callback, 400, "unreadable", "Refused a Slack request whose body could not be"
                                + " read (" + failure.getClass().getSimpleName() + ")");
                    } else {
                        answer(request, response, callback, body);
                    }
                }, server.getThreadPool());
            }
            return true;
        }
    }

    private void answer(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                        Callback callback, byte[] body) {
        SlackSignature.Verdict verdict = signature.check(request.getHeaders().get(SlackSignature.TIMESTAMP_HEADER),
                request.getHeaders().get(SlackSignature.SIGNATURE_HEADER), body, System.currentTimeMillis() / 1000);
        if (verdict != SlackSignature.Verdict.VALID) {
            String kind = verdict.name().toLowerCase(Locale.ROOT);
            refused(response, callback, 401, kind, "Refused a Slack request: " + kind.replace('_', ' '));
            return;
        }
        run(request, response, callback, PATH, body);
    }

    /** Hands a request Bolt may take to Bolt and sends Bolt's answer. */
    private void run(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                     Callback callback, String path, byte[] body) {
        Request<?> slackRequest;
        try {
            slackRequest = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(path)
                    .queryString(query(request))
                    .headers(new RequestHeaders(headers(request)))
                    .requestBody(new String(body, StandardCharsets.UTF_8))
                    .remoteAddress(org.eclipse.jetty.server.Request.getRemoteAddr(request))
                    .build());
        } catch (RuntimeException e) {
            refused(response, callback, 400, "malformed", "Refused a Slack request that could not be parsed ("
                    + e.getClass().getSimpleName() + ")");
            return;
        }
        if (slackRequest == null) {
            refused(response, callback, 400, "unknown", "Refused a Slack request of an unknown kind");
            return;
        }
        Response answer;
        try {
            answer = app.run(slackRequest);
        } catch (Exception e) {
            LOG.error("Handling a Slack request failed", e);
            send(response, callback, 500, "error");
            return;
        }
        if (answer.getHeaders() != null) {
            answer.getHeaders().forEach((name, values) -> {
                if (!"content-type".equalsIgnoreCase(name) && !"content-length".equalsIgnoreCase(name)) {
                    values.forEach(value -> response.getHeaders().add(name, value));
                }
            });
        }
        response.setStatus(answer.getStatusCode() == null ? 200 : answer.getStatusCode());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.getContentType() == null ? TEXT : answer.getContentType());
        Content.Sink.write(response, true, answer.getBody() == null ? "" : answer.getBody(), callback);
    }

    private void refused(org.eclipse.jetty.server.Response response, Callback callback, int status, String kind,
                         String message) {
        refusals.warn(kind, message);
        send(response, callback, status, status == 401 ? "unauthorized" : status == 413 ? "too large" : "bad request");
    }

    private static void send(org.eclipse.jetty.server.Response response, Callback callback, int status, String body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, TEXT);
        Content.Sink.write(response, true, body, callback);
    }

    private static Map<String, List<String>> headers(org.eclipse.jetty.server.Request request) {
        Map<String, List<String>> headers = new HashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.computeIfAbsent(field.getLowerCaseName(), ignored -> new ArrayList<>()).add(field.getValue());
        }
        return headers;
    }

    private static Map<String, List<String>> query(org.eclipse.jetty.server.Request request) {
        Fields fields = org.eclipse.jetty.server.Request.extractQueryParameters(request);
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (String name : fields.getNames()) {
            query.put(name, fields.getValues(name));
        }
        return query;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("Stopping the Slack HTTP server failed", e);
        }
    }
}
