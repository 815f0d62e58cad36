package dev.studybot.console;

import dev.studybot.chat.Poster;
import dev.studybot.chat.Reply;
import dev.studybot.domain.Place;
import java.io.PrintWriter;

/** Posts the bot's own messages (question of the day, reveals) into the console, between replies. */
public final class ConsolePoster implements Poster {

    private final PrintWriter out;
    private final ConsoleButtons buttons;

    public ConsolePoster(PrintWriter out, ConsoleButtons buttons) {
        this.out = out;
        this.buttons = buttons;
    }

    @Override
    public void post(Place channel, Reply message) {
        // Scheduled posts come from Quartz's threads while replies come from the reading thread.
        buttons.remember(message);
        synchronized (out) {
            out.println(ConsoleRenderer.render(message, "", channel.channelName()));
            out.flush();
        }
    }
}
