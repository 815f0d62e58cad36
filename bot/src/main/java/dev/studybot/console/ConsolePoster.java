package dev.studybot.console;

import dev.studybot.chat.Poster;
import dev.studybot.chat.Reply;
import dev.studybot.domain.MessageRef;
import dev.studybot.domain.Place;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Posts the bot's own messages (question of the day, reveals) into the console, between replies. A terminal cannot
 * change what it printed: an edit prints the post again as it now is, a thread reply prints under a heading of its
 * own, each naming the post by its console id.
 */
public final class ConsolePoster implements Poster {

    private final PrintWriter out;
    private final ConsoleButtons buttons;
    private final AtomicLong posts = new AtomicLong();

    public ConsolePoster(PrintWriter out, ConsoleButtons buttons) {
        this.out = out;
        this.buttons = buttons;
    }

    @Override
    public MessageRef post(Place channel, Reply message) {
        MessageRef posted = new MessageRef(channel.channelId(), "post-" + posts.incrementAndGet());
        print(message, "in #" + channel.channelName());
        return posted;
    }

    @Override
    public void edit(Place channel, MessageRef message, Reply updated) {
        print(updated, "updates its " + message.messageId() + " in #" + channel.channelName());
    }

    @Override
    public void inThread(Place channel, MessageRef message, Reply reply) {
        print(reply, "in the thread on its " + message.messageId() + " in #" + channel.channelName());
    }

    private void print(Reply message, String where) {
        // Scheduled posts come from Quartz's threads while replies come from the reading thread.
        buttons.remember(message);
        synchronized (out) {
            out.println(ConsoleRenderer.render(message, where));
            out.flush();
        }
    }
}
