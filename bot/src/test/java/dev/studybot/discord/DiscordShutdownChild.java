package dev.studybot.discord;

import dev.studybot.chat.ChatHandler;
import dev.studybot.chat.CommandSpec;
import dev.studybot.chat.Interaction;
import dev.studybot.chat.Reply;
import dev.studybot.config.ConfigLoader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A separate JVM for {@link DiscordSigtermTest}: the Discord adapter with a bot whose commands finish when a line
 * arrives on stdin, closed by a shutdown hook as {@code studybot run} closes it. Prints "ready" once connected,
 * "working" when a command has started and "closing" when the hook has begun to close the adapter.
 */
public final class DiscordShutdownChild {

    private DiscordShutdownChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        Thread stdin = new Thread(() -> {
            try {
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            } catch (IOException e) {
                // the test is gone; let the command finish anyway
            }
            release.countDown();
        }, "release-on-stdin");
        stdin.setDaemon(true);
        stdin.start();
        DiscordAdapter adapter = new DiscordAdapter(DiscordSettings.from(System.getenv(),
                ConfigLoader.load(null, System.getenv())).orElseThrow());
        adapter.start(new ChatHandler() {
            @Override
            public Reply handle(Interaction interaction) {
                System.out.println("working");
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Reply.publicly(new Reply.Heading("Leaderboard"), new Reply.Lines(List.of("1. alice 30")));
            }

            @Override
            public List<CommandSpec> commands() {
                return List.of(CommandSpec.everyone("leaderboard", "who leads", false, true));
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("closing");
            adapter.close();
        }, "close-discord"));
        System.out.println("ready");
        Thread.currentThread().join();
    }
}
