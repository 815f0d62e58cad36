package dev.studybot.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.interactive_components.payload.MessageShortcutPayload;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.service.builtin.oauth.OAuthV2AccessErrorHandler;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.socket_mode.SocketModeClient;
import com.slack.api.util.json.GsonFactory;
import dev.studybot.chat.Caller;
import dev.studybot.chat.ChatHandler;
import dev.studybot.chat.ChatPlatform;
import dev.studybot.chat.Interaction;
import dev.studybot.chat.Poster;
import dev.studybot.chat.Reply;
import dev.studybot.domain.Place;
import dev.studybot.ops.RateLimitedLog;
import dev.studybot.ops.StartupFailure;
import dev.studybot.store.Installations;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Slack adapter: one slash command {@code /study}, the buttons of the bot's replies, the "Look up in notes"
 * message shortcut and mentions of the bot (see {@link SlackLookups}), each member's App Home ({@link SlackHome}), the
 * bot's forms as modals ({@link SlackForms}), over Socket
 * Mode (when an app token is set) or HTTP ({@code POST /slack/events} on the configured port). Slack
 * events become {@link Interaction}s; {@link Reply}s become Block Kit. Every request is acknowledged at
 * once and answered afterwards through its {@code response_url}, so slow work never breaks Slack's
 * three-second rule.
 *
 * <p>With one workspace every call uses {@code SLACK_BOT_TOKEN}. With the install flow (OAuth v2, HTTP mode), any
 * workspace installs studybot through {@code GET /slack/install}; Bolt exchanges the code Slack sends back to
 * {@code /slack/oauth_redirect} and keeps the workspace's bot in the database ({@link SlackInstallationService}),
 * each request and post is served with its own workspace's token, and {@code app_uninstalled} or
 * {@code tokens_revoked} deletes it.
 */
public final class SlackAdapter implements ChatPlatform {

    private static final Logger LOG = LoggerFactory.getLogger(SlackAdapter.class);

    public static final String PLATFORM = "slack";
    public static final String COMMAND = "/study";

    /** How long closing waits for the requests under way, and then for their replies to go out. */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);
    /**
     * How long a form's submission or a button press waits for the bot before the ack: Slack shows an error (and
     * closes a modal) after three seconds.
     */
    static final Duration SUBMISSION_WAIT = Duration.ofMillis(2500);
    static final String BUSY = "studybot is busy right now; try again in a moment.";
    /**
     * The ack that tells a command to try again, as JSON once: Bolt's {@code ack(text)} builds a new Gson per call, and
     * under overload, when most commands get this ack, that cost a large share of the CPU that answers the rest.
     */
    private static final String BUSY_ACK = GsonFactory.createSnakeCase()
            .toJson(SlashCommandResponse.builder().text(BUSY).build());
    /** The bot scopes the install flow asks for: those of config/slack-app-manifest.yml. */
    static final String SCOPES =
            "commands,chat:write,chat:write.public,users:read,app_mentions:read,files:write,usergroups:read";

    private final SlackSettings settings;
    private final Slack slack;
    private final App app;
    private final SlackCallers callers;
    private final SlackWorkers workers;
    private final SlackReplies replies;
    private final SlackHome home;
    private final SlackForms forms;
    private final SlackUserGroups userGroups;
    private final RateLimitedLog rareWarnings = new RateLimitedLog(LOG, Duration.ofMinutes(1));
    private volatile ChatHandler chat;
    private SlackHttpServer httpServer;
    private SocketModeApp socketModeApp;

    /** Builds the Bolt app and the Web API client for one workspace; nothing goes over the network yet. */
    public SlackAdapter(SlackSettings settings) {
        this(settings, null);
    }

    /**
     * Builds the Bolt app and the Web API client; nothing goes over the network yet.
     *
     * @param installations where the install flow keeps the workspaces (with {@link SlackSettings#oauth()}), or null
     */
    public SlackAdapter(SlackSettings settings, Installations installations) {
        this(settings, installations, SlackWorkers.Limits.DEFAULTS, System::nanoTime);
    }

    /** @param nanoTime the clock queue waits are measured on (a test's own) */
    SlackAdapter(SlackSettings settings, SlackWorkers.Limits limits, LongSupplier nanoTime) {
        this(settings, null, limits, nanoTime);
    }

    private SlackAdapter(SlackSettings settings, Installations installations, SlackWorkers.Limits limits,
                         LongSupplier nanoTime) {
        if (settings.oauth() != null && installations == null) {
            throw new IllegalArgumentException("The install flow keeps the workspaces in the database: pass its installations.");
        }
        this.settings = settings;
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.apiUrl());
        config.setStatsEnabled(false);
        config.setPrettyResponseLoggingEnabled(false);
        config.setFailOnUnknownProperties(false);
        config.setHttpClientCallTimeoutMillis(30_000);
        this.slack = Slack.getInstance(config);
        // Every OAuth setting given, even as null: Bolt would otherwise read SLACK_CLIENT_ID and the like itself.
        AppConfig.AppConfigBuilder appConfig = AppConfig.builder()
                .slack(slack)
                .singleTeamBotToken(settings.botToken())
                .clientId(null).clientSecret(null).redirectUri(null).scope(null).userScope(null);
        if (settings.signingSecret() != null) {
            appConfig.signingSecret(settings.signingSecret());
        }
        SlackSettings.OAuth oauth = settings.oauth();
        if (oauth != null) {
            appConfig.clientId(oauth.clientId()).clientSecret(oauth.clientSecret()).redirectUri(oauth.redirectUri())
                    .scope(SCOPES).oauthInstallPath(SlackHttpServer.INSTALL_PATH)
                    .oauthRedirectUriPath(SlackHttpServer.REDIRECT_PATH)
                    // Straight on to Slack's authorize page, without Bolt's "Add to Slack" page in between.
                    .oAuthInstallPageRenderingEnabled(false)
                    // auth.test once per token and ten minutes, not on every request.
                    .authTestCacheEnabled(true);
        }
        this.app = new App(appConfig.build());
        SlackClients clients;
        if (oauth != null) {
            app.asOAuthApp(true);
            app.service(new SlackInstallationService(installations, oauth.installUrl()));
            app.service(new SlackOAuthStates(installations, Clock.systemUTC()));
            app.enableTokenRevocationHandlers();
            app.oauthCallbackStateError((request, response) -> SlackInstallPages.refused(response,
                    SlackInstallPages.EXPIRED, oauth.installUrl()));
            app.oauthCallbackAccessError((OAuthV2AccessErrorHandler) (request, response, refusal) -> {
                LOG.warn("Slack refused to exchange an install code (oauth.v2.access): {}", refusal.getError());
                return SlackInstallPages.refused(response, SlackInstallPages.NOT_EXCHANGED, oauth.installUrl());
            });
            clients = SlackClients.installed(slack, installations);
        } else {
            clients = SlackClients.single(slack.methods(settings.botToken()));
        }
        this.callers = new SlackCallers(clients);
        this.replies = new SlackReplies(clients);
        this.workers = new SlackWorkers(limits, replies::underWay, nanoTime);
        SlackLookups lookups = new SlackLookups(clients, callers, replies);
        this.home = new SlackHome(clients, callers);
        this.forms = new SlackForms(clients);
        this.userGroups = new SlackUserGroups(clients, rareWarnings);
        app.command(COMMAND, (req, ctx) -> {
            SlashCommandPayload payload = req.getPayload();
            if (blank(payload.getUserId()) || blank(payload.getTeamId()) || blank(payload.getChannelId())) {
                return withoutIds("command");
            }
            return workers.accepted(() -> command(payload)) ? ctx.ack() : busyAck();
        });
        app.blockAction(Pattern.compile(".+"), (req, ctx) -> {
            BlockActionPayload payload = req.getPayload();
            if (payload.getUser() == null || blank(payload.getUser().getId())) {
                return withoutIds("button press");
            }
            // The ack waits for the press to be handled, so that an acknowledged answer is a recorded one: a replica
            // that dies after acking loses none. One not handled in time is not acknowledged (Slack shows the member
            // an error, and the reply still comes): pressing again is safe, as one answer per member counts.
            CompletableFuture<Boolean> handled = new CompletableFuture<>();
            if (!workers.accepted(() -> {
                try {
                    press(payload);
                } finally {
                    handled.complete(true);
                }
            })) {
                busy(payload.getResponseUrl());
                return ctx.ack();
            }
            if (handled.completeOnTimeout(false, SUBMISSION_WAIT.toMillis(), TimeUnit.MILLISECONDS).join()) {
                return ctx.ack();
            }
            rareWarnings.warn("press_slow", "A button press took longer than " + SUBMISSION_WAIT.toMillis()
                    + " ms; it was not acknowledged (it is still handled)");
            return Response.builder().statusCode(503).contentType("text/plain; charset=utf-8")
                    .body("still handling the press").build();
        });
        app.viewSubmission(Pattern.compile(".+"), (req, ctx) -> submitted(req.getPayload(), ctx));
        app.messageShortcut(SlackLookups.SHORTCUT, (req, ctx) -> {
            MessageShortcutPayload payload = req.getPayload();
            if (payload.getUser() == null || blank(payload.getUser().getId()) || payload.getChannel() == null) {
                return withoutIds("message shortcut");
            }
            if (!workers.accepted(() -> lookups.shortcut(chat, payload))) {
                busy(payload.getResponseUrl());
            }
            return ctx.ack();
        });
        app.event(AppHomeOpenedEvent.class, (req, ctx) -> {
            AppHomeOpenedEvent event = req.getEvent();
            if (blank(event.getUser()) || blank(req.getTeamId())) {
                return withoutIds("App Home event");
            }
            if (!workers.accepted(() -> home.opened(chat, req.getTeamId(), event))) {
                rareWarnings.warn("home_busy", "Busy: a member's App Home was not refreshed");
            }
            return ctx.ack();
        });
        app.event(AppMentionEvent.class, (req, ctx) -> {
            AppMentionEvent event = req.getEvent();
            if (blank(event.getUser()) || blank(event.getChannel()) || blank(req.getTeamId())) {
                return withoutIds("mention");
            }
            // Slack retries an event it thinks was missed; the same mention is answered once.
            if (ctx.getRetryNum() == null || ctx.getRetryNum() == 0) {
                if (!workers.accepted(() -> lookups.mention(chat, req.getTeamId(), event))) {
                    rareWarnings.warn("mention_busy", "Busy: a mention of the bot was not answered");
                }
            }
            return ctx.ack();
        });
    }

    @Override
    public String name() {
        return PLATFORM;
    }

    /**
     * Posts to Slack channels (the question of the day) with {@code chat.postMessage}, edits those posts with
     * {@code chat.update} and replies in their threads ({@code thread_ts}).
     */
    @Override
    public Poster poster() {
        return replies;
    }

    /** Starts listening: Socket Mode when an app token is set, otherwise HTTP on the configured port. */
    @Override
    public void start(ChatHandler chat) {
        if (this.chat != null) {
            throw new IllegalStateException("The Slack adapter is already started.");
        }
        if (settings.oauth() == null) {
            checkToken();
        }
        this.chat = chat;
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
        AuthTestResponse auth;
        try {
            auth = slack.methods(settings.botToken()).authTest(r -> r);
        } catch (IOException | SlackApiException e) {
            throw new StartupFailure("Could not reach the Slack Web API at " + settings.apiUrl() + " ("
                    + e.getClass().getSimpleName() + "); check the network or STUDYBOT_SLACK_API_URL.", e);
        }
        if (!auth.isOk()) {
            throw new StartupFailure("Slack refused SLACK_BOT_TOKEN: " + auth.getError() + SlackReplies.hint(auth.getError()));
        }
    }

    /** The HTTP port actually listened on (useful with port 0), or -1 in Socket Mode or before start. */
    public int port() {
        return httpServer == null ? -1 : httpServer.port();
    }

    /** The mode, and in HTTP mode the port listened on. */
    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("mode", settings.socketMode() ? "socket" : "http");
        if (!settings.socketMode()) {
            details.put("port", port());
        }
        if (settings.oauth() != null) {
            details.put("install", settings.oauth().installUrl());
        }
        return details;
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
        try {
            workers.close(CLOSE_GRACE);
            replies.close(CLOSE_GRACE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            slack.close();
        } catch (Exception e) {
            LOG.warn("Closing the Slack Web API client failed", e);
        }
    }

    private static Response busyAck() {
        return Response.builder().statusCode(200).contentType(Response.CONTENT_TYPE_APPLICATION_JSON_UTF8).body(BUSY_ACK)
                .build();
    }

    private void command(SlashCommandPayload payload) {
        Place place = new Place(PLATFORM, payload.getTeamId(), firstNonBlank(payload.getTeamDomain(), payload.getTeamId()),
                payload.getChannelId(), firstNonBlank(payload.getChannelName(), payload.getChannelId()));
        Caller caller = callers.caller(place, payload.getUserId(), payload.getUserName());
        String typed = payload.getText() == null ? "" : userGroups.escaped(place.groupId(), payload.getText());
        Reply reply = chat.handle(new Interaction.Text(caller, typed));
        if (reply.form().isPresent() && forms.open(payload.getTriggerId(), reply.form().get(), place)) {
            return;
        }
        List<LayoutBlock> blocks = SlackBlocks.render(reply);
        String text = SlackBlocks.fallbackText(reply);
        try {
            if (!blank(payload.getResponseUrl())) {
                replies.respond(payload.getResponseUrl(), SlashCommandResponse.builder()
                        .responseType(reply.privateTo() ? "ephemeral" : "in_channel").text(text).blocks(blocks).build(),
                        "/study reply");
            } else {
                replies.inChannel(place.groupId(), place.channelId(), payload.getUserId(), reply.privateTo(), text,
                        blocks);
            }
        } catch (IOException | SlackApiException | RuntimeException e) {
            LOG.warn("Could not send the reply to a Slack /study", e);
        }
        replies.share(reply, place.groupId(), place.channelId());
    }

    private void press(BlockActionPayload payload) {
        if (payload.getActions() == null || payload.getActions().isEmpty()) {
            return;
        }
        BlockActionPayload.Action action = payload.getActions().get(0);
        String pressed = action.getValue() != null ? action.getValue() : action.getActionId();
        String teamId = payload.getTeam() != null ? payload.getTeam().getId() : payload.getUser().getTeamId();
        String teamName = payload.getTeam() != null ? firstNonBlank(payload.getTeam().getDomain(), teamId) : teamId;
        boolean onHome = payload.getView() != null && SlackHome.TAB.equals(payload.getView().getType());
        String channelId = payload.getChannel() != null ? payload.getChannel().getId() : null;
        String channelName = payload.getChannel() != null ? firstNonBlank(payload.getChannel().getName(), channelId) : null;
        Place place = onHome ? SlackHome.place(teamId, payload.getUser().getId())
                : new Place(PLATFORM, teamId, teamName, channelId, channelName);
        String userName = firstNonBlank(payload.getUser().getUsername(), payload.getUser().getName());
        Caller caller = callers.caller(place, payload.getUser().getId(), userName);
        Reply reply = chat.handle(new Interaction.Press(caller, pressed));
        if (reply.form().isPresent() && !onHome && forms.open(payload.getTriggerId(), reply.form().get(), place)) {
            return;
        }
        List<LayoutBlock> blocks = SlackBlocks.render(reply);
        String text = SlackBlocks.fallbackText(reply);
        try {
            // Only the presser sees the answer unless the reply is for everyone (a shared lookup); a message everyone
            // sees stays as it is, and a private question the reply replaces (an answered practice question) is
            // updated in place.
            if (onHome && reply.replaces()) {
                home.publish(teamId, payload.getUser().getId(), reply);
            } else if (onHome) {
                // A button on the home tab (Review) answers in the app's Messages tab, where its buttons work.
                replies.inChannel(teamId, payload.getUser().getId(), payload.getUser().getId(), false, text, blocks);
            } else if (!blank(payload.getResponseUrl())) {
                replies.respond(payload.getResponseUrl(), ActionResponse.builder()
                        .responseType(reply.privateTo() ? "ephemeral" : "in_channel")
                        .replaceOriginal(reply.replaces()).text(text).blocks(blocks).build(), "button reply");
            } else if (channelId != null) {
                replies.inChannel(teamId, channelId, payload.getUser().getId(), reply.privateTo(), text, blocks);
            }
        } catch (IOException | SlackApiException | RuntimeException e) {
            LOG.warn("Could not send the reply to a Slack button press", e);
        }
    }

    /**
     * A filled-in modal: Slack wants the answer within three seconds, and only that answer can show errors beside
     * the fields ({@code response_action: errors}), so the handler waits for the bot up to {@link #SUBMISSION_WAIT}.
     * The modal then closes and the bot's reply is posted in the channel it was opened in (only to the member when
     * private); a reply that comes too late, errors and all, is posted that way too.
     */
    private Response submitted(ViewSubmissionPayload payload, ViewSubmissionContext ctx) {
        SlackForms.Opened opened = SlackForms.opened(payload);
        if (payload.getUser() == null || blank(payload.getUser().getId()) || payload.getTeam() == null
                || blank(payload.getTeam().getId()) || opened == null) {
            return withoutIds("form submission");
        }
        String teamId = payload.getTeam().getId();
        String userId = payload.getUser().getId();
        Place place = new Place(PLATFORM, teamId, firstNonBlank(payload.getTeam().getDomain(), teamId),
                opened.channelId(), firstNonBlank(opened.channelName(), opened.channelId()));
        Map<String, List<String>> values = SlackForms.values(payload);
        CompletableFuture<Reply> answer = new CompletableFuture<>();
        boolean accepted = workers.accepted(() -> {
            Caller caller = callers.caller(place, userId, firstNonBlank(payload.getUser().getUsername(),
                    payload.getUser().getName()));
            Reply reply = chat.handle(new Interaction.Submit(caller, payload.getView().getCallbackId(), values));
            if (!answer.complete(reply) || reply.fieldErrors().isEmpty()) {
                confirm(place, userId, reply);
            }
        });
        if (!accepted) {
            return values.isEmpty() ? ctx.ack() : ctx.ackWithErrors(Map.of(values.keySet().iterator().next(), BUSY));
        }
        Reply reply = answer.completeOnTimeout(null, SUBMISSION_WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
        return reply != null && !reply.fieldErrors().isEmpty() ? ctx.ackWithErrors(reply.fieldErrors()) : ctx.ack();
    }

    /** Posts the reply to a submitted form where it was opened: for everyone, or only for the member. */
    private void confirm(Place place, String userId, Reply reply) {
        List<LayoutBlock> blocks = SlackBlocks.render(reply);
        String text = SlackBlocks.fallbackText(reply);
        try {
            replies.inChannel(place.groupId(), place.channelId(), userId, reply.privateTo(), text, blocks);
        } catch (IOException | SlackApiException | RuntimeException e) {
            LOG.warn("Could not send the reply to a Slack form", e);
        }
        replies.share(reply, place.groupId(), place.channelId());
    }

    /** Tells the member privately that the bot is too busy for their press or shortcut right now. */
    private void busy(String responseUrl) {
        replies.respond(responseUrl, ActionResponse.builder().responseType("ephemeral").replaceOriginal(false)
                .text(BUSY).build(), "busy reply");
    }

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

    static String firstNonBlank(String first, String second) {
        return first != null && !first.isBlank() ? first : second;
    }
}
