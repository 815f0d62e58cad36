package dev.studybot.discord;

import dev.studybot.chat.Caller;
import dev.studybot.chat.ChatHandler;
import dev.studybot.chat.ChatPlatform;
import dev.studybot.chat.Interaction;
import dev.studybot.chat.CommandSpec;
import dev.studybot.chat.OptionSpec;
import dev.studybot.chat.Options;
import dev.studybot.chat.Poster;
import dev.studybot.chat.Reply;
import dev.studybot.config.StudybotConfig;
import dev.studybot.ops.StartupFailure;
import dev.studybot.domain.Member;
import dev.studybot.domain.Place;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.channel.Channel;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.callbacks.IMessageEditCallback;
import net.dv8tion.jda.api.interactions.callbacks.IModalCallback;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.modals.ModalInteraction;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.MiscUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Discord adapter: logs in with JDA's shard manager (no privileged intents; the shards of the bot that this
 * process runs), registers {@code /study} and {@code /study-admin}, and translates interactions into
 * {@link Interaction}s and replies into embeds with buttons. Admin = the member has Manage Server.
 */
public final class DiscordAdapter implements ChatPlatform {

    private static final Logger LOG = LoggerFactory.getLogger(DiscordAdapter.class);
    /** How long closing waits for interactions under way, and then for their replies to go out. */
    private static final Duration IN_FLIGHT_GRACE = Duration.ofSeconds(10);

    public static final String PLATFORM = "discord";
    /**
     * The permissions the bot needs in a channel: see it, post embeds there, read the messages it answers, start
     * a thread on its question of the day and post the explanation in it, and attach the weekly summary's chart.
     */
    static final EnumSet<Permission> PERMISSIONS = EnumSet.of(Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND,
            Permission.MESSAGE_EMBED_LINKS, Permission.MESSAGE_HISTORY, Permission.CREATE_PUBLIC_THREADS,
            Permission.MESSAGE_SEND_IN_THREADS, Permission.MESSAGE_ATTACH_FILES);
    /** JDA's shard total for "ask Discord": GET /gateway/bot recommends one. */
    private static final int RECOMMENDED_TOTAL = -1;
    /** Replies must start within 3 seconds; past this much work the interaction is deferred first. */
    private static final long ANSWER_AT_ONCE_MS = 1500;

    private final DiscordSettings settings;
    private final ExecutorService workers;
    private final Set<CompletableFuture<?>> repliesUnderWay = ConcurrentHashMap.newKeySet();
    /** The shards this process runs, or null while not connected. */
    private volatile ShardManager shards;
    private volatile ChatHandler chat;
    /** The interaction and mention listeners, on every shard. */
    private volatile List<Object> listeners = List.of();
    /** Each shard's readiness by shard id, done once the shard is ready. */
    private final Map<Integer, CompletableFuture<Void>> shardsReady = new ConcurrentHashMap<>();
    /** Done when a shard shut down (JDA gave up on it, or the token was refused). */
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();

    /** No network yet. */
    public DiscordAdapter(DiscordSettings settings) {
        this.settings = settings;
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "studybot-discord-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public String name() {
        return PLATFORM;
    }

    /**
     * Posts embeds and buttons to a channel (question of the day), edits those posts and replies in threads on them;
     * needs {@link #start} first.
     */
    @Override
    public Poster poster() {
        return new DiscordPoster(() -> shards, settings::runsShard);
    }

    /**
     * Logs in the shards this process runs, registers the commands (to the guild when its id is set, by the process
     * that runs the guild's shard, else globally; a bulk overwrite, so a restart does not duplicate them), then routes
     * interactions to {@code chat}, whose topics are the autocomplete choices.
     */
    @Override
    public void start(ChatHandler chat) {
        if (shards != null) {
            throw new IllegalStateException("Already started.");
        }
        this.chat = chat;
        RestConfig rest = new RestConfig();
        if (settings.apiUrl() != null) {
            rest.setBaseUrl(settings.apiUrl());
        }
        // The sharded login takes the gateway from GET /gateway/bot; a configured one (a proxy) replaces it there.
        ConcurrentSessionController sessions = new ConcurrentSessionController() {
            @Override
            public String getGateway() {
                return settings.gatewayUrl() != null ? settings.gatewayUrl() : super.getGateway();
            }

            @Override
            public ShardedGateway getShardedGateway(JDA api) {
                ShardedGateway named = super.getShardedGateway(api);
                return settings.gatewayUrl() == null ? named
                        : new ShardedGateway(settings.gatewayUrl(), named.getShardTotal(), named.getConcurrency());
            }
        };
        StudybotConfig.Shards range = settings.shards();
        listeners = List.of(new Listener(), new DiscordMentions(workers, () -> this.chat, this::send));
        // Guild Messages (not privileged) for mentions of the bot; the slash commands need no intent.
        DefaultShardManagerBuilder builder = DefaultShardManagerBuilder.createLight(settings.token(),
                        EnumSet.of(GatewayIntent.GUILD_MESSAGES))
                .setShardsTotal(range.total() == null ? RECOMMENDED_TOTAL : range.total())
                .setRestConfig(rest)
                .setSessionController(sessions)
                .setCompression(Compression.NONE)
                .setAutoReconnect(true)
                // JDA's own hook would stop its request queues at SIGTERM before close() has sent the replies under
                // way; the application closes the shards itself, in its shutdown order.
                .setEnableShutdownHook(false)
                .addEventListeners(listeners.toArray());
        if (range.range() != null) {
            builder.setShards(range.range().first(), range.range().last());
        }
        ShardManager built = login(builder);
        shards = built;
        try {
            List<Integer> mine = IntStream.range(0, built.getShardsTotal()).filter(settings::runsShard).boxed().toList();
            for (int shard : mine) {
                CompletableFuture.anyOf(ready(shard), stopped).get();
                if (!ready(shard).isDone()) {
                    throw new StartupFailure("Discord closed shard " + shard + " before it was ready; the log above"
                            + " says why.");
                }
            }
            JDA any = built.getShardById(mine.get(0));
            if (settings.guildId() != null) {
                registerOnGuild(built, chat);
            } else {
                any.updateCommands().addCommands(DiscordCommands.all(chat.commands())).complete();
            }
            LOG.info("Logged in to Discord as {} on shards {} of {}; invite the bot with {}",
                    any.getSelfUser().getName(), range.range() == null ? "all" : range.range(),
                    built.getShardsTotal(), inviteUrl(any.getSelfUser().getApplicationId()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("Interrupted while connecting to Discord.", e);
        } catch (ExecutionException e) {
            // Neither future fails: a shard that stops completes "stopped".
            close();
            throw new IllegalStateException("Could not connect to Discord.", e.getCause());
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Registers the commands on the configured guild if this process runs its shard; another replica does if not. */
    private void registerOnGuild(ShardManager built, ChatHandler chat) {
        int home = MiscUtil.getShardForGuild(settings.guildId(), built.getShardsTotal());
        if (!settings.runsShard(home)) {
            LOG.info("DISCORD_GUILD_ID's server is on shard {}; the replica that runs it registers the commands there",
                    home);
            return;
        }
        Guild guild = built.getGuildById(settings.guildId());
        if (guild == null) {
            throw new StartupFailure("DISCORD_GUILD_ID names a server the bot is not in; invite it first: "
                    + inviteUrl(built.getShardById(home).getSelfUser().getApplicationId()));
        }
        guild.updateCommands().addCommands(DiscordCommands.all(chat.commands())).complete();
    }

    private CompletableFuture<Void> ready(int shard) {
        return shardsReady.computeIfAbsent(shard, id -> new CompletableFuture<>());
    }

    /**
     * Logs in the first shard (JDA checks the token and asks Discord for the shard total at once; the other shards
     * follow in the background), or says in one line why not and what to do.
     */
    private ShardManager login(DefaultShardManagerBuilder builder) {
        try {
            return builder.build();
        } catch (InvalidTokenException e) {
            throw new StartupFailure("Discord refused DISCORD_TOKEN: copy it again from the Bot page of your application"
                    + " in the Discord developer portal.", e);
        } catch (ErrorResponseException e) {
            if (e.getErrorCode() == -1) {
                throw unreachable(e.getCause() == null ? e : e.getCause());
            }
            throw new StartupFailure("Discord refused the login: " + e.getMeaning() + ".", e);
        } catch (CompletionException | UncheckedIOException e) {
            // The shard total is asked for outside JDA's requester, which wraps a network failure this way.
            if (e.getCause() instanceof IOException failure) {
                throw unreachable(failure);
            }
            throw e;
        }
    }

    private StartupFailure unreachable(Throwable failure) {
        return new StartupFailure("Could not reach Discord" + (settings.apiUrl() == null ? "" : " at " + settings.apiUrl())
                + " (" + failure.getClass().getSimpleName() + "); check the network, or STUDYBOT_DISCORD_API_URL.",
                failure);
    }

    /** The invite URL with the scopes bot and applications.commands and the permissions the bot needs. */
    public String inviteUrl(String applicationId) {
        if (applicationId == null || !applicationId.matches("\\d{1,21}")) {
            throw new IllegalArgumentException("An application id is a number, e.g. 123456789012345678.");
        }
        return "https://discord.com/oauth2/authorize?client_id=" + applicationId
                + "&scope=bot+applications.commands&permissions=" + Permission.getRaw(PERMISSIONS);
    }

    /**
     * Stops taking interactions, lets those under way finish and send their replies (JDA's shutdown still runs
     * requests already queued), then disconnects every shard; whatever is not done within the grace periods is
     * dropped.
     */
    @Override
    public void close() {
        ShardManager connected = shards;
        shards = null;
        List<JDA> running = connected == null ? List.of() : connected.getShards();
        if (connected != null) {
            connected.removeEventListener(listeners.toArray());
        }
        workers.shutdown();
        try {
            if (!workers.awaitTermination(IN_FLIGHT_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Discord interactions still running after {}; stopping without them", IN_FLIGHT_GRACE);
            }
            // JDA's shutdown may stop its request queue before a reply just handed to it is sent.
            awaitReplies();
            if (connected != null) {
                // Each shard first, so that it sends what is queued; then the manager stops starting shards.
                running.forEach(JDA::shutdown);
                connected.shutdown();
                long until = System.nanoTime() + IN_FLIGHT_GRACE.toNanos();
                for (JDA shard : running) {
                    shard.awaitShutdown(Duration.ofNanos(Math.max(0, until - System.nanoTime())));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // Whatever did not finish within the grace periods (or an interrupt) is cut off here.
            workers.shutdownNow();
            running.forEach(JDA::shutdownNow);
        }
    }

    private void awaitReplies() throws InterruptedException {
        try {
            CompletableFuture.allOf(repliesUnderWay.toArray(CompletableFuture[]::new))
                    .get(IN_FLIGHT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            // a failed reply is already logged by send()
        } catch (TimeoutException e) {
            LOG.warn("Discord replies still unanswered after {}; stopping without them", IN_FLIGHT_GRACE);
        }
    }

    private final class Listener extends ListenerAdapter {

        @Override
        public void onReady(ReadyEvent event) {
            ready(event.getJDA().getShardInfo().getShardId()).complete(null);
        }

        @Override
        public void onShutdown(ShutdownEvent event) {
            stopped.complete(null);
        }

        @Override
        public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
            if (!event.getName().equals(DiscordCommands.STUDY) && !event.getName().equals(DiscordCommands.ADMIN)) {
                return;
            }
            Caller caller = caller(event);
            if (caller == null) {
                event.reply("Use studybot in a server channel.").setEphemeral(true).queue();
                return;
            }
            Map<String, String> options = new LinkedHashMap<>();
            for (OptionMapping option : event.getOptions()) {
                options.put(option.getName(), value(option));
            }
            String path = DiscordCommands.path(event.getSubcommandGroup(), event.getSubcommandName());
            CommandSpec spec = chat.commands().stream().filter(command -> command.path().equals(path)).findFirst()
                    .orElse(null);
            // A command registered by an older version of the bot: the bot says it does not know it, privately.
            respond(event, new Interaction.Command(caller, path, new Options(options)), spec == null || spec.slow(),
                    spec == null || spec.privateReply(), false);
        }

        @Override
        public void onMessageContextInteraction(MessageContextInteractionEvent event) {
            if (!event.getName().equals(DiscordCommands.LOOK_UP)) {
                return;
            }
            Caller caller = caller(event);
            String words = event.getTarget().getContentDisplay().strip();
            if (caller == null || words.isEmpty()) {
                event.reply(caller == null ? "Use studybot in a server channel."
                        : "That message has no words to look up in the notes.").setEphemeral(true).queue();
                return;
            }
            // A lookup, as /study search: quick, and only the member who asked sees it.
            respond(event, Interaction.lookUp(caller, words), false, true, true);
        }

        @Override
        public void onButtonInteraction(ButtonInteractionEvent event) {
            Caller caller = caller(event);
            if (caller == null) {
                event.reply("Use studybot in a server channel.").setEphemeral(true).queue();
                return;
            }
            // Private unless the reply is for everyone (a shared lookup).
            respond(event, new Interaction.Press(caller, event.getComponentId()), false, true, false);
        }

        @Override
        public void onStringSelectInteraction(StringSelectInteractionEvent event) {
            Caller caller = caller(event);
            if (caller == null || event.getValues().isEmpty()) {
                event.reply("Use studybot in a server channel.").setEphemeral(true).queue();
                return;
            }
            // What is picked in a reply's menu is an action, as a button's (the board's period): the same answer.
            respond(event, new Interaction.Press(caller, event.getValues().get(0)), false, true, false);
        }

        @Override
        public void onModalInteraction(ModalInteractionEvent event) {
            Caller caller = caller(event);
            if (caller == null) {
                event.reply("Use studybot in a server channel.").setEphemeral(true).queue();
                return;
            }
            // A confirmation is for the channel, as the typed command's; what is wrong only the member sees.
            respond(event, new Interaction.Submit(caller, event.getModalId(), DiscordForms.values(event.getValues())),
                    false, false, false);
        }

        @Override
        public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
            String option = event.getFocusedOption().getName();
            String path = DiscordCommands.path(event.getSubcommandGroup(), event.getSubcommandName());
            OptionSpec.Suggestions suggests = chat.commands().stream().filter(command -> command.path().equals(path))
                    .flatMap(command -> command.options().stream()).filter(spec -> spec.name().equals(option))
                    .map(OptionSpec::suggests).findFirst().orElse(OptionSpec.Suggestions.NONE);
            if (suggests == OptionSpec.Suggestions.TIME_ZONES) {
                // Members type cities as they say them: "new york" for America/New_York.
                event.replyChoiceStrings(DiscordCommands.complete(DiscordCommands.TIME_ZONES,
                        event.getFocusedOption().getValue().strip().replace(' ', '_'))).queue();
                return;
            }
            if (suggests != OptionSpec.Suggestions.TOPICS) {
                event.replyChoices(List.of()).queue();
                return;
            }
            List<String> known;
            try {
                known = chat.topicNames();
            } catch (RuntimeException e) {
                known = List.of();
            }
            String typed = event.getFocusedOption().getValue();
            if (option.equals("topics")) {
                // Several topics separated by commas: complete the last one.
                int comma = typed.lastIndexOf(',');
                String head = comma < 0 ? "" : typed.substring(0, comma + 1) + " ";
                List<String> choices = DiscordCommands.complete(known, typed.substring(comma + 1)).stream()
                        .map(t -> head + t).filter(t -> t.length() <= 100).toList();
                event.replyChoiceStrings(choices).queue();
            } else {
                event.replyChoiceStrings(DiscordCommands.complete(known, typed)).queue();
            }
        }
    }

    /**
     * Runs the bot and replies. Slow work is deferred at once (ephemeral as {@code privateWhenDeferred}); other
     * work is answered through the interaction callback if it is done in time, else deferred then edited. A reply
     * that replaces the pressed button's message (an answered practice question) edits that message (callback type 7
     * UPDATE_MESSAGE); so that it still can when late, a button press is deferred as an edit of its message. A reply
     * that asks for a form opens it as a modal (callback type 9) when it is done in time; late, its text says how to
     * type the command instead.
     */
    private void respond(IReplyCallback event, Interaction interaction, boolean slow, boolean privateWhenDeferred,
                         boolean alwaysPrivate) {
        IMessageEditCallback pressed = pressed(event);
        Supplier<RestAction<?>> defer = () -> pressed != null ? pressed.deferEdit() : event.deferReply(privateWhenDeferred);
        if (slow) {
            send(defer.get());
        }
        CompletableFuture<Reply> work = CompletableFuture.supplyAsync(() -> chat.handle(interaction), workers);
        if (slow) {
            work.thenAccept(reply -> editDeferred(event, reply, privateWhenDeferred)).exceptionally(DiscordAdapter::failed);
            return;
        }
        // Answer through the interaction callback when the work is quick; defer when it is not done in time.
        // Never blocks the gateway thread.
        AtomicBoolean acknowledged = new AtomicBoolean();
        CompletableFuture.delayedExecutor(ANSWER_AT_ONCE_MS, TimeUnit.MILLISECONDS, workers).execute(() -> {
            if (!work.isDone() && acknowledged.compareAndSet(false, true)) {
                send(defer.get());
            }
        });
        work.thenAccept(reply -> {
            if (acknowledged.compareAndSet(false, true)) {
                // A form can only be the first answer to an interaction, never to a filled-in one.
                if (reply.form().isPresent() && event instanceof IModalCallback opens && !(event instanceof ModalInteraction)) {
                    send(opens.replyModal(DiscordForms.modal(reply.form().get())));
                    return;
                }
                send(pressed != null && reply.replaces() ? pressed.editMessage(DiscordRenderer.edit(reply))
                        : event.reply(DiscordRenderer.create(reply)).setEphemeral(alwaysPrivate || reply.privateTo()));
            } else {
                editDeferred(event, reply, privateWhenDeferred);
            }
        }).exceptionally(DiscordAdapter::failed);
    }

    /**
     * The interaction as a press on a message the reply may edit; a filled-in modal is one for JDA, but its reply is
     * a message of its own.
     */
    private static IMessageEditCallback pressed(IReplyCallback event) {
        return event instanceof IMessageEditCallback edit && !(event instanceof ModalInteraction) ? edit : null;
    }

    private void editDeferred(IReplyCallback event, Reply reply, boolean deferredPrivately) {
        if (pressed(event) != null) {
            // Deferred as an edit of the pressed button's message: edit it, or answer beside it (privately unless the
            // reply is for everyone).
            send(reply.replaces() ? event.getHook().editOriginal(DiscordRenderer.edit(reply))
                    : event.getHook().sendMessage(DiscordRenderer.create(reply)).setEphemeral(reply.privateTo()));
        } else if (reply.privateTo() && !deferredPrivately) {
            // Deferred in public but the answer is for the caller only: replace the "thinking" message.
            send(event.getHook().deleteOriginal());
            send(event.getHook().sendMessage(DiscordRenderer.create(reply)).setEphemeral(true));
        } else {
            send(event.getHook().editOriginal(DiscordRenderer.edit(reply)));
        }
    }

    /** Sends a reply and remembers it until Discord has answered, so that closing can wait for it. */
    private void send(RestAction<?> reply) {
        CompletableFuture<?> sent = reply.submit();
        repliesUnderWay.add(sent);
        sent.whenComplete((result, failure) -> {
            repliesUnderWay.remove(sent);
            if (failure != null) {
                failed(failure);
            }
        });
    }

    private static Void failed(Throwable failure) {
        LOG.warn("Could not send a Discord reply", failure);
        return null;
    }

    /** A user option as the member's id, a role option as the role's mention ({@code <@&ID>}), the rest as given. */
    private static String value(OptionMapping option) {
        return switch (option.getType()) {
            case USER -> option.getAsUser().getId();
            case ROLE -> "<@&" + option.getAsString() + ">";
            default -> option.getAsString();
        };
    }

    private static Caller caller(IReplyCallback event) {
        if (event.getGuild() == null || event.getMember() == null || event.getChannel() == null) {
            return null;
        }
        return caller(event.getGuild(), event.getMember(), event.getChannel());
    }

    /** A member in a server channel, by their nickname there; an admin when they may manage the server. */
    static Caller caller(Guild guild, net.dv8tion.jda.api.entities.Member member, Channel channel) {
        return new Caller(new Member(PLATFORM, member.getUser().getId(), member.getEffectiveName()),
                new Place(PLATFORM, guild.getId(), guild.getName(), channel.getId(), channel.getName()),
                member.hasPermission(Permission.MANAGE_SERVER));
    }
}
