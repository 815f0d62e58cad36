package dev.studybot.console;

import dev.studybot.chat.Button;
import dev.studybot.chat.Markup;
import dev.studybot.chat.ReaderTime;
import dev.studybot.chat.Reply;

/** A reply as plain text for a terminal: buttons that can be pressed become {@code [12b] label} lines to type. */
final class ConsoleRenderer {

    private ConsoleRenderer() {
    }

    static String render(Reply reply, String user, String channel) {
        return render(reply, reply.replaces() ? "updates the question it showed @" + user
                : reply.privateTo() ? "to @" + user + " only" : "in #" + channel);
    }

    /**
     * @param where what follows "studybot " on the first line, e.g. {@code in #general}; times are shown in the
     *              channel's zone, the console has no reader's own
     */
    static String render(Reply shown, String where) {
        Reply reply = shown.mapText(ReaderTime::plain);
        StringBuilder out = new StringBuilder();
        out.append("studybot ").append(where).append(":\n");
        for (Reply.Part part : reply.parts()) {
            if (part instanceof Reply.Heading heading) {
                out.append("  ").append(Markup.unescape(heading.text())).append('\n');
            } else if (part instanceof Reply.Text text) {
                Markup.unescape(text.text()).lines().forEach(line -> out.append("  ").append(line).append('\n'));
            } else if (part instanceof Reply.Excerpt excerpt) {
                out.append("  ").append(excerpt.trail()).append("  (").append(excerpt.source()).append(")\n");
                excerpt.markedLines(excerpt.text(), "  | ").forEach(line -> out.append(line).append('\n'));
            } else if (part instanceof Reply.Note note) {
                out.append("  (").append(Markup.unescape(note.text())).append(")\n");
            } else if (part instanceof Reply.Lines lines) {
                lines.lines().forEach(line -> out.append("  ").append(Markup.unescape(line)).append('\n'));
            } else if (part instanceof Reply.Ping ping) {
                out.append("  ").append(ping.mention().name()).append('\n');
            }
        }
        // A button that can no longer be pressed is not offered; the text shows what came of it.
        for (Button button : reply.buttons().stream().filter(Button::live).toList()) {
            out.append("  [").append(button.key()).append("] ").append(button.label()).append('\n');
        }
        return out.toString();
    }
}
