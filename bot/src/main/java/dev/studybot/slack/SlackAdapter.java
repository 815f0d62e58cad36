package dev.studybot.slack;

import com.google.gson.Gson;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostEphemeralResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.socket_mode.SocketModeClient;
import com.slack.api.util.json.GsonFactory;
import dev.studybot.chat.Caller;
import dev.studybot.chat.Interaction;
import dev.studybot.chat.Poster;
import dev.studybot.chat.Reply;
import dev.studybot.ops.RateLimitedLog;
import dev.studybot.ops.StartupFailure;
import dev.studybot.domain.Place;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Slack adapter: one slash command {@code /study} and the buttons of the bot's replies, over Socket
 * Mode (when an app token is set) or HTTP ({@code POST /slack/events} on the configured port). Slack
 * events become {@link Interaction}s; {@link Reply}s become Block Kit. Every request is acknowledged at
 * once and answered afterwards through its {@code response_url}, so slow work never breaks Slack's
 * three-second rule.
 */
public final class SlackAdapter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SlackAdapter.class);

    public static final String PLATFORM = "slack";
    public static final String COMMAND = "/study";

    private final SlackSettings settings;
    private final Slack slack;
    private final App app;
    private final MethodsClient client;
    private final SlackCallers callers;
    /** Threads that run the bot for Slack's requests; replies then go out without holding one (see respond). */
    static final int WORKERS = 8;
    /** Requests waiting for a worker at most; beyond it a command is told to try again, never queued without end. */
    static final int QUEUE = 256;
    /**
     * The longest a command may expect to wait for a worker: when the queue would take longer to drain (its length
     * times the recent time a request takes, over the workers), or its oldest request has already waited this long,
     * a command is told to try again instead, so an accepted one is answered within about a second even when 256 fit
     * (the ack, the bot's own work and Slack's round trip take the rest of that second on a busy 2-core machine).
     * Until a first request has been timed, as many may wait as there are workers (a burst at start-up would otherwise
     * fill the queue with requests that all wait on the first, slow, ones).
     */
    static final Duration MAX_WAIT = Duration.ofMillis(250);
    static final String BUSY = "studybot is busy right now; try again in a moment.";
    private static final Gson JSON = GsonFactory.createSnakeCase();

    private final ThreadPoolExecutor workers;
    private final long maxWaitNanos;
    private final LongSupplier nanoTime;
    /** The time a worker took for a request, averaged over about the last eight; -1 until the first one. */
    private final AtomicLong averageServiceNanos = new AtomicLong(-1);
    /**
     * HTTP/1.1: over plain http (a proxy, the loopback stand-in) the client's default HTTP/2 upgrade headers make some
     * servers close the connection after answering while the client keeps it for the next reply, which then fails.
     */
    private final HttpClient responses = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Set<CompletableFuture<?>> repliesUnderWay = ConcurrentHashMap.newKeySet();
    private final RateLimitedLog rareWarnings = new RateLimitedLog(LOG, Duration.ofMinutes(1));
    private volatile Function<Interaction, Reply> bot;
    private SlackHttpServer httpServer;
    private SocketModeApp socketModeApp;

    /** Builds the Bolt app and the Web API client; nothing goes over the network yet. */
    public SlackAdapter(SlackSettings settings) {
        this(settings, WORKERS, QUEUE);
    }

    SlackAdapter(SlackSettings settings, int workerCount, int queueSize) {
        this(settings, workerCount, queueSize, MAX_WAIT, System::nanoTime);
    }

    /** @param nanoTime the clock queue waits are measured on (a test's own) */
    SlackAdapter(SlackSettings settings, int workerCount, int queueSize, Duration maxWait, LongSupplier nanoTime) {
        this.settings = settings;
        this.maxWaitNanos = maxWait.toNanos();
        this.nanoTime = nanoTime;
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.apiUrl());
        config.setStatsEnabled(false);
        config.setPrettyResponseLoggingEnabled(false);
        config.setFailOnUnknownProperties(false);
        config.setHttpClientCallTimeoutMillis(30_000);
        this.slack = Slack.getInstance(config);
        AppConfig.AppConfigBuilder appConfig = AppConfig.builder()
                .slack(slack)
                .singleTeamBotToken(settings.botToken());
        if (settings.signingSecret() != null) {
            appConfig.signingSecret(settings.signingSecret());
        }
        this.app = new App(appConfig.build());
        this.client = slack.methods(settings.botToken());
        this.callers = new SlackCallers(client, settings.adminUserIds());
        AtomicInteger threads = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(workerCount, workerCount, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queueSize), runnable -> {
                    Thread thread = new Thread(runnable, "slack-worker-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        app.command(COMMAND, (req, ctx) -> {
            SlashCommandPayload payload = req.getPayload();
            if (blank(payload.getUserId()) || blank(payload.getTeamId()) || blank(payload.getChannelId())) {
                return withoutIds("command");
            }
            return accepted(() -> command(payload)) ? ctx.ack() : ctx.ack(BUSY);
        });
        app.blockAction(Pattern.compile(".+"), (req, ctx) -> {
            BlockActionPayload payload = req.getPayload();
            if (payload.getUser() == null || blank(payload.getUser().getId())) {
                return withoutIds("button press");
            }
            if (!accepted(() -> press(payload))) {
                respond(payload.getResponseUrl(), ActionResponse.builder().responseType("ephemeral").replaceOriginal(false)
                        .text(BUSY).build(), "busy reply");
            }
            return ctx.ack();
        });
    }

    /**
     * Whether a worker will run {@code work}; false when the queue is full or its oldest request has waited too long
     * (back-pressure, logged once a minute).
     */
    private boolean accepted(Runnable work) {
        long now = nanoTime.getAsLong();
        if (workers.getQueue().peek() instanceof Queued oldest && now - oldest.since() > maxWaitNanos) {
            return busy();
        }
        long average = averageServiceNanos.get();
        int waiting = workers.getQueue().size();
        if (average < 0 ? waiting >= workers.getMaximumPoolSize()
                : (double) waiting * average / workers.getMaximumPoolSize() > maxWaitNanos) {
            return busy();
        }
        try {
            workers.execute(new Queued(() -> timed(work), now));
            return true;
        } catch (RejectedExecutionException e) {
            return busy();
        }
    }

    private void timed(Runnable work) {
        long started = nanoTime.getAsLong();
        try {
            work.run();
        } finally {
            long took = nanoTime.getAsLong() - started;
            averageServiceNanos.accumulateAndGet(took, (average, sample) -> average < 0 ? sample
                    : average + (sample - average) / 8);
        }
    }

    private boolean busy() {
        rareWarnings.warn("busy", "Slack requests are coming faster than they are answered; told one to try again"
                + " (" + workers.getQueue().size() + " waiting)");
        return false;
    }

    /** Work for a worker, with when it was queued. */
    private record Queued(Runnable work, long since) implements Runnable {
        @Override
        public void run() {
            work.run();
        }
    }

    /** Posts to Slack channels (the question of the day, its reveal) with {@code chat.postMessage}. */
    public Poster poster() {
        return (channel, message) -> {
            try {
                ChatPostMessageResponse response = client.chatPostMessage(r -> r.channel(channel.channelId())
                        .text(SlackBlocks.fallbackText(message)).blocks(SlackBlocks.render(message)));
                if (!response.isOk()) {
                    throw new IllegalStateException("Slack refused to post to #" + channel.channelName() + ": "
                            + response.getError() + hint(response.getError()));
                }
            } catch (IOException | SlackApiException e) {
                throw new IllegalStateException("Could not post to Slack #" + channel.channelName() + ": "
                        + e.getClass().getSimpleName(), e);
            }
        };
    }

    /** Starts listening: Socket Mode when an app token is set, otherwise HTTP on the configured port. */
    public void start(Function<Interaction, Reply> bot) {
        if (this.bot != null) {
            throw new IllegalStateException("The Slack adapter is already started.");
        }
        checkToken();
        this.bot = bot;
        try {
            if (settings.socketMode()) {
                socketModeApp = new SocketModeApp(settings.appToken(), app, SocketModeClient.Backend.JavaWebSocket);
                socketModeApp.startAsync();
            } else {
                app.start();
                httpServer = SlackHttpServer.start(app, settings.bindAddress(), settings.port(), SlackHttpServer.IDLE_TIMEOUT);
            }
        } catch (IOException e) {
            throw new StartupFailure("Could not start Slack " + (settings.socketMode() ? "Socket Mode" : "HTTP mode on "
                    + settings.bindAddress() + ":" + settings.port() + " (is the port taken? set STUDYBOT_SLACK_PORT)")
                    + ": " + e.getMessage(), e);
        } catch (Exception e) {
            throw new StartupFailure("Could not start Slack " + (settings.socketMode() ? "Socket Mode" : "HTTP mode")
                    + ": " + e.getClass().getSimpleName(), e);
        }
    }

    /** Fails early with a clear message when Slack refuses the bot token (auth.test). */
    private void checkToken() {
        com.slack.api.methods.response.auth.AuthTestResponse auth;
        try {
            auth = client.authTest(r -> r);
        } catch (IOException | SlackApiException e) {
            throw new StartupFailure("Could not reach the Slack Web API at " + settings.apiUrl() + " ("
                    + e.getClass().getSimpleName() + "); check the network or STUDYBOT_SLACK_API_URL.", e);
        }
        if (!auth.isOk()) {
            throw new StartupFailure("Slack refused SLACK_BOT_TOKEN: " + auth.getError() + hint(auth.getError()));
        }
    }

    /** The HTTP port actually listened on (useful with port 0), or -1 in Socket Mode or before start. */
    public int port() {
        return httpServer == null ? -1 : httpServer.port();
    }

    @Override
    public void close() {
        if (socketModeApp != null) {
            try {
                socketModeApp.close();
            } catch (Exception e) {
                LOG.warn("Closing Slack Socket Mode failed", e);
            }
        }
        if (httpServer != null) {
            httpServer.close();
        }
        app.stop();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
            CompletableFuture.allOf(repliesUnderWay.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Slack replies still unsent at close; stopping without them");
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        try {
            slack.close();
        } catch (Exception e) {
            LOG.warn("Closing the Slack Web API client failed", e);
        }
    }

    private void command(SlashCommandPayload payload) {
        try {
            Place place = new Place(PLATFORM, payload.getTeamId(), firstNonBlank(payload.getTeamDomain(), payload.getTeamId()),
                    payload.getChannelId(), firstNonBlank(payload.getChannelName(), payload.getChannelId()));
            Caller caller = callers.caller(place, payload.getUserId(), payload.getUserName());
            Reply reply = bot.apply(new Interaction.Text(caller, payload.getText() == null ? "" : payload.getText()));
            List<LayoutBlock> blocks = SlackBlocks.render(reply);
            String text = SlackBlocks.fallbackText(reply);
            if (payload.getResponseUrl() != null && !payload.getResponseUrl().isBlank()) {
                respond(payload.getResponseUrl(), SlashCommandResponse.builder()
                        .responseType(reply.privateTo() ? "ephemeral" : "in_channel").text(text).blocks(blocks).build(),
                        "/study reply");
            } else if (reply.privateTo()) {
                ephemeral(place.channelId(), payload.getUserId(), text, blocks);
            } else {
                client.chatPostMessage(r -> r.channel(place.channelId()).text(text).blocks(blocks));
            }
        } catch (Exception e) {
            LOG.error("Slack /study failed", e);
            apologise(payload.getResponseUrl());
        }
    }

    private void press(BlockActionPayload payload) {
        String responseUrl = payload.getResponseUrl();
        try {
            if (payload.getActions() == null || payload.getActions().isEmpty()) {
                return;
            }
            BlockActionPayload.Action action = payload.getActions().get(0);
            String pressed = action.getValue() != null ? action.getValue() : action.getActionId();
            String teamId = payload.getTeam() != null ? payload.getTeam().getId() : payload.getUser().getTeamId();
            String teamName = payload.getTeam() != null ? firstNonBlank(payload.getTeam().getDomain(), teamId) : teamId;
            String channelId = payload.getChannel() != null ? payload.getChannel().getId() : null;
            String channelName = payload.getChannel() != null ? firstNonBlank(payload.getChannel().getName(), channelId) : null;
            Place place = new Place(PLATFORM, teamId, teamName, channelId, channelName);
            String userName = firstNonBlank(payload.getUser().getUsername(), payload.getUser().getName());
            Caller caller = callers.caller(place, payload.getUser().getId(), userName);
            Reply reply = bot.apply(new Interaction.Press(caller, pressed));
            List<LayoutBlock> blocks = SlackBlocks.render(reply);
            String text = SlackBlocks.fallbackText(reply);
            // Only the presser sees the answer; the message everyone sees stays as it is.
            if (responseUrl != null && !responseUrl.isBlank()) {
                respond(responseUrl, ActionResponse.builder()
                        .responseType("ephemeral").replaceOriginal(false).text(text).blocks(blocks).build(), "button reply");
            } else if (channelId != null) {
                ephemeral(channelId, payload.getUser().getId(), text, blocks);
            }
        } catch (Exception e) {
            LOG.error("Slack button press failed", e);
            apologise(responseUrl);
        }
    }

    private void ephemeral(String channel, String user, String text, List<LayoutBlock> blocks)
            throws IOException, SlackApiException {
        ChatPostEphemeralResponse response = client.chatPostEphemeral(r -> r.channel(channel).user(user).text(text).blocks(blocks));
        if (!response.isOk()) {
            LOG.warn("Slack chat.postEphemeral failed: {}{}", response.getError(), hint(response.getError()));
        }
    }

    private void apologise(String responseUrl) {
        if (responseUrl == null || responseUrl.isBlank()) {
            return;
        }
        try {
            respond(responseUrl, ActionResponse.builder().responseType("ephemeral").replaceOriginal(false)
                    .text("Sorry, something went wrong on studybot's side. Try again in a moment.").build(), "apology");
        } catch (RuntimeException e) {
            LOG.warn("Could not tell the Slack user about a failure", e);
        }
    }

    /**
     * Posts a reply to a {@code response_url} without waiting for Slack's answer, so a worker is free again at once
     * (with Slack's ~100 ms round trip, blocking posts capped the replies of 8 workers near 80 a second); close()
     * waits for the posts still under way.
     */
    private void respond(String url, Object body, String what) {
        if (url == null || url.isBlank()) {
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.toJson(body), StandardCharsets.UTF_8)).build();
        send(request, what, true);
    }

    private void send(HttpRequest request, String what, boolean mayRetry) {
        CompletableFuture<HttpResponse<Void>> sent = responses.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        repliesUnderWay.add(sent);
        sent.whenComplete((response, failure) -> {
            if (failure != null && mayRetry && failure.getCause() instanceof IOException) {
                // Mostly a kept-alive connection the other end had closed: the post never arrived. Once more, anew.
                send(request, what, false);
            } else if (failure != null) {
                LOG.warn("Sending the {} through response_url failed: {}", what, failure.toString());
            } else if (response.statusCode() != 200) {
                LOG.warn("Sending the {} through response_url failed with HTTP {}", what, response.statusCode());
            }
            repliesUnderWay.remove(sent);
        });
    }

    private static String hint(String error) {
        return switch (error == null ? "" : error) {
            case "not_in_channel", "channel_not_found" -> " (invite the app to the channel: /invite @studybot)";
            case "invalid_auth", "not_authed", "token_revoked" -> " (check SLACK_BOT_TOKEN)";
            case "missing_scope" -> " (reinstall the app from config/slack-app-manifest.yml)";
            default -> "";
        };
    }

    /** Exception messages from HTTP clients may hold URLs, never tokens; still keep them short. */
    /** Slack always says who and where: a signed request that does not is not Slack's, or a bug; nobody to answer. */
    private Response withoutIds(String what) {
        rareWarnings.warn(what.replace(' ', '_') + "_without_ids", "Refused a signed Slack " + what + " that does not say"
                + " which user, workspace or channel it comes from");
        return Response.builder().statusCode(400).contentType("text/plain; charset=utf-8")
                .body("user, team and channel are required").build();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String firstNonBlank(String first, String second) {
        return first != null && !first.isBlank() ? first : second;
    }
}
