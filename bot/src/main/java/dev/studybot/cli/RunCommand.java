package dev.studybot.cli;

import dev.studybot.chat.Caller;
import dev.studybot.chat.Interaction;
import dev.studybot.chat.PlatformPoster;
import dev.studybot.chat.Poster;
import dev.studybot.chat.Reply;
import dev.studybot.config.StudybotConfig;
import dev.studybot.discord.DiscordAdapter;
import dev.studybot.discord.DiscordSettings;
import dev.studybot.ops.InteractionLog;
import dev.studybot.ops.Logs;
import dev.studybot.slack.SlackAdapter;
import dev.studybot.slack.SlackSettings;
import dev.studybot.study.StudyBot;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Spec;

/** Starts the bot on the platforms whose tokens are configured; the console when there are none. */
@Command(name = "run", description = {
        "Start the bot: Slack when SLACK_BOT_TOKEN is set, Discord when DISCORD_TOKEN is set, both when both are,",
        "the console when neither is. Takes the same options as console."})
final class RunCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Mixin
    ConsoleCommand console;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Map<String, String> env = System.getenv();
        StudybotConfig config = console.resolve(env);
        Optional<SlackSettings> slack = SlackSettings.from(env, config);
        Optional<DiscordSettings> discord = DiscordSettings.from(env, config);
        PrintWriter out = spec.commandLine().getOut();
        if (slack.isEmpty() && discord.isEmpty()) {
            return console.run(out, null);
        }
        Logs.toStandardError(config.logLevel());
        List<AutoCloseable> adapters = new ArrayList<>();
        Map<String, Poster> posters = new HashMap<>();
        SlackAdapter slackAdapter = slack.map(SlackAdapter::new).orElse(null);
        DiscordAdapter discordAdapter = discord.map(DiscordAdapter::new).orElse(null);
        if (slackAdapter != null) {
            adapters.add(slackAdapter);
            posters.put(SlackAdapter.PLATFORM, slackAdapter.poster());
        }
        if (discordAdapter != null) {
            adapters.add(discordAdapter);
            posters.put(DiscordAdapter.PLATFORM, discordAdapter.poster());
        }
        BotAssembly parts = new BotAssembly(console.notes, console.db, config, console.seed,
                warning -> LOG.warn("Notes: {}", warning));
        Runnable shutdown = once(() -> {
            LOG.info("Shutting down");
            // Stop taking new events first, then the scheduler, then the database and index.
            for (AutoCloseable adapter : adapters) {
                closeQuietly(adapter);
            }
            parts.close();
            LOG.info("Stopped");
        });
        try {
            StudyBot bot = parts.start(new PlatformPoster(posters), console.settings(), console.seed);
            Function<Interaction, Reply> handler = InteractionLog.around(bot::handle);
            if (slackAdapter != null) {
                slackAdapter.start(handler);
                LOG.atInfo().setMessage("studybot is on Slack")
                        .addKeyValue("mode", slack.get().socketMode() ? "socket" : "http")
                        .addKeyValue("port", slack.get().socketMode() ? null : slackAdapter.port()).log();
            }
            if (discordAdapter != null) {
                discordAdapter.start(withAdmins(handler, Set.copyOf(config.admins().discord())), bot.catalogue().specs(),
                        bot::topicNames);
                LOG.info("studybot is on Discord");
            }
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                shutdown.run();
                stopped.countDown();
            }, "studybot-shutdown"));
            stopped.await();
        } finally {
            shutdown.run();
        }
        return 0;
    }

    /** Counts the members in {@code adminIds} (admins.discord) as admins, besides those the platform says are. */
    static Function<Interaction, Reply> withAdmins(Function<Interaction, Reply> bot, Set<String> adminIds) {
        if (adminIds.isEmpty()) {
            return bot;
        }
        return interaction -> bot.apply(interaction.by(admin(interaction.caller(), adminIds)));
    }

    private static Caller admin(Caller caller, Set<String> adminIds) {
        return caller.admin() || !adminIds.contains(caller.member().userId()) ? caller
                : new Caller(caller.member(), caller.place(), true);
    }

    private static Runnable once(Runnable action) {
        AtomicBoolean done = new AtomicBoolean();
        return () -> {
            if (done.compareAndSet(false, true)) {
                action.run();
            }
        };
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            LOG.warn("A chat connection did not close cleanly", e);
        }
    }
}
