package dev.studybot.discord;

import dev.studybot.chat.Reply;
import dev.studybot.command.CommandSpec;
import dev.studybot.config.ConfigLoader;
import java.util.List;

/**
 * A separate JVM for {@link DiscordSigtermTest}: the Discord adapter with a bot that takes a second and a half
 * per command, closed by a shutdown hook as {@code studybot run} closes it. Prints "ready" once connected and
 * "working" when a command has started.
 */
public final class DiscordShutdownChild {

    private DiscordShutdownChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        DiscordAdapter adapter = new DiscordAdapter(DiscordSettings.from(System.getenv(),
                ConfigLoader.load(null, System.getenv())).orElseThrow());
        adapter.start(interaction -> {
            System.out.println("working");
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Reply.publicly(new Reply.Heading("Leaderboard"), new Reply.Lines(List.of("1. alice 30")));
        }, List.of(CommandSpec.everyone("leaderboard", "who leads", false, true)), List::of);
        Runtime.getRuntime().addShutdownHook(new Thread(adapter::close, "close-discord"));
        System.out.println("ready");
        Thread.currentThread().join();
    }
}
