package dev.studybot.cli;

import dev.studybot.chat.ChatHandler;
import dev.studybot.chat.ChatPlatform;
import dev.studybot.chat.PlatformPoster;
import dev.studybot.chat.Poster;
import dev.studybot.config.StudybotConfig;
import dev.studybot.discord.DiscordAdapter;
import dev.studybot.discord.DiscordSettings;
import dev.studybot.ops.Logs;
import dev.studybot.ops.StartupFailure;
import dev.studybot.slack.SlackAdapter;
import dev.studybot.slack.SlackSettings;
import dev.studybot.study.StudyBot;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;
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
        List<ChatPlatform> platforms = new ArrayList<>();
        Optional<SlackSettings> slack = SlackSettings.from(env, config);
        DiscordSettings.from(env, config).map(DiscordAdapter::new).ifPresent(platforms::add);
        PrintWriter out = spec.commandLine().getOut();
        if (slack.isEmpty() && platforms.isEmpty()) {
            return console.run(out, null);
        }
        Logs.toStandardError(config.logLevel());
        BotAssembly parts = new BotAssembly(console.notes, console.db, config, console.seed,
                warning -> LOG.warn("Notes: {}", warning));
        // After the store: the install flow keeps the workspaces it installs in the database.
        slack.map(settings -> new SlackAdapter(settings, settings.oauth() == null ? null
                : parts.store.installations(settings.oauth().tokens()))).ifPresent(adapter -> platforms.add(0, adapter));
        Runnable shutdown = once(() -> {
            LOG.info("Shutting down");
            // Stop taking new events first, then the scheduler, then the database and index.
            platforms.forEach(RunCommand::closeQuietly);
            parts.close();
            LOG.info("Stopped");
        });
        try {
            Map<String, Poster> posters = new HashMap<>();
            platforms.forEach(platform -> posters.put(platform.name(), platform.poster()));
            StudyBot bot = parts.start(new PlatformPoster(posters), console.settings(), console.seed);
            ChatHandler chat = parts.chat(bot);
            for (ChatPlatform platform : platforms) {
                start(platform, chat);
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

    /** Starts one platform, or says in one line which one could not start and why (never a token: only its kind). */
    private static void start(ChatPlatform platform, ChatHandler chat) {
        String title = platform.name().substring(0, 1).toUpperCase(Locale.ROOT) + platform.name().substring(1);
        try {
            platform.start(chat);
        } catch (StartupFailure e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StartupFailure("Could not start " + title + ": " + e.getClass().getSimpleName(), e);
        }
        LoggingEventBuilder started = LOG.atInfo().setMessage("studybot is on " + title);
        platform.details().forEach(started::addKeyValue);
        started.log();
    }

    private static Runnable once(Runnable action) {
        AtomicBoolean done = new AtomicBoolean();
        return () -> {
            if (done.compareAndSet(false, true)) {
                action.run();
            }
        };
    }

    private static void closeQuietly(ChatPlatform platform) {
        try {
            platform.close();
        } catch (RuntimeException e) {
            LOG.warn("The {} connection did not close cleanly", platform.name(), e);
        }
    }
}
