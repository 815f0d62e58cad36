package dev.studybot.cli;

import dev.studybot.chat.PlatformPoster;
import dev.studybot.chat.Poster;
import dev.studybot.discord.DiscordAdapter;
import dev.studybot.discord.DiscordSettings;
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
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Starts the bot on the platforms whose tokens are configured; the console when there are none. */
@Command(name = "run", description = {
        "Start the bot: Slack when SLACK_BOT_TOKEN is set, Discord when DISCORD_TOKEN is set, both when both are,",
        "the console when neither is. Takes the same options as console."})
final class RunCommand implements Callable<Integer> {

    @Mixin
    ConsoleCommand console;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Map<String, String> env = System.getenv();
        Optional<SlackSettings> slack = SlackSettings.fromEnvironment(env);
        Optional<DiscordSettings> discord = DiscordSettings.fromEnvironment(env);
        PrintWriter out = spec.commandLine().getOut();
        if (slack.isEmpty() && discord.isEmpty()) {
            return console.run(out, null);
        }
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
        BotAssembly parts = new BotAssembly(console.notes, console.db, console.seed, System.err);
        Runnable shutdown = once(() -> {
            // Stop taking new events first, then the scheduler, then the database and index.
            for (AutoCloseable adapter : adapters) {
                closeQuietly(adapter);
            }
            parts.close();
        });
        try {
            StudyBot bot = parts.start(new PlatformPoster(posters), console.settings(), console.seed);
            if (slackAdapter != null) {
                slackAdapter.start(bot::handle);
                out.println("studybot is on Slack (" + (slack.get().socketMode() ? "Socket Mode" : "HTTP on port "
                        + slackAdapter.port() + ", path /slack/events") + ").");
            }
            if (discordAdapter != null) {
                discordAdapter.start(bot::handle, bot::topicNames);
                out.println("studybot is on Discord.");
            }
            out.flush();
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
            System.err.println("warning: a chat connection did not close cleanly: " + e.getMessage());
        }
    }
}
