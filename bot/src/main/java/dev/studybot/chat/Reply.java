package dev.studybot.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What the bot says, in a form every platform can render: parts in order, then buttons.
 *
 * @param privateTo when true only the caller sees it (ephemeral); otherwise the whole channel does
 * @param replaces  when true the reply to a button press takes the place of the message the button is on (Slack
 *                  {@code replace_original}, a Discord message edit); otherwise it is a message of its own
 */
public record Reply(boolean privateTo, List<Part> parts, List<Button> buttons, boolean replaces) {

    public Reply {
        parts = List.copyOf(parts);
        buttons = List.copyOf(buttons);
    }

    /** A reply that is a message of its own. */
    public Reply(boolean privateTo, List<Part> parts, List<Button> buttons) {
        this(privateTo, parts, buttons, false);
    }

    /** This reply, taking the place of the message whose button was pressed. */
    public Reply replacingPressed() {
        return new Reply(privateTo, parts, buttons, true);
    }

    /**
     * This reply with {@code convert} applied to the bot's own text (headings, texts, notes, lines); excerpts are
     * notes shown as written and stay as they are.
     */
    public Reply mapText(UnaryOperator<String> convert) {
        List<Part> converted = new ArrayList<>(parts.size());
        for (Part part : parts) {
            if (part instanceof Heading heading) {
                converted.add(new Heading(convert.apply(heading.text())));
            } else if (part instanceof Text text) {
                converted.add(new Text(convert.apply(text.text())));
            } else if (part instanceof Note note) {
                converted.add(new Note(convert.apply(note.text())));
            } else if (part instanceof Lines lines) {
                converted.add(new Lines(lines.lines().stream().map(convert).toList()));
            } else {
                converted.add(part);
            }
        }
        return new Reply(privateTo, converted, buttons, replaces);
    }

    public static Reply privately(Part... parts) {
        return new Reply(true, List.of(parts), List.of());
    }

    public static Reply publicly(Part... parts) {
        return new Reply(false, List.of(parts), List.of());
    }

    /** One piece of a reply. Text may use {@code **bold**}; adapters convert it to their markup. */
    public sealed interface Part {
    }

    /** A title line. */
    public record Heading(String text) implements Part {
    }

    /** Ordinary text. */
    public record Text(String text) implements Part {
    }

    /**
     * Notes text shown as written (a passage or an explanation), with where it comes from.
     *
     * @param answerLines the lines of {@code text} (0-based) that answer what was asked, marked with
     *                    {@link #ANSWER_MARK} where the text is shown
     */
    public record Excerpt(String trail, String source, String text, List<String> links, Set<Integer> answerLines)
            implements Part {

        /** Put before an answering line on every platform: a glance finds it inside a long passage. */
        public static final String ANSWER_MARK = "▶ ";

        public Excerpt {
            links = List.copyOf(links);
            answerLines = Set.copyOf(answerLines);
        }

        /** An excerpt with no line marked. */
        public Excerpt(String trail, String source, String text, List<String> links) {
            this(trail, source, text, links, Set.of());
        }

        /** The lines of {@code shown} (this excerpt's text, converted for a platform), answering ones marked. */
        public List<String> markedLines(String shown, String prefix) {
            List<String> lines = shown.lines().toList();
            List<String> marked = new ArrayList<>(lines.size());
            for (int i = 0; i < lines.size(); i++) {
                marked.add(prefix + (answerLines.contains(i) ? ANSWER_MARK : "") + lines.get(i));
            }
            return marked;
        }
    }

    /** Small print: hints, sources, counts. */
    public record Note(String text) implements Part {
    }

    /**
     * A file that goes with the reply (the leaderboard chart): the console saves it and says where, Slack uploads it
     * to the channel, Discord attaches it to the message.
     *
     * @param fileName what the file is called where it is shown, e.g. {@code leaderboard.png}
     * @param altText  what it shows, for screen readers and where the file itself cannot be shown
     */
    public record Attachment(byte[] bytes, String fileName, String altText) implements Part {
        public Attachment {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }

    /** The reply's attachments, in order. */
    public List<Attachment> attachments() {
        return parts.stream().filter(Attachment.class::isInstance).map(Attachment.class::cast).toList();
    }

    /** A list of lines, e.g. leaderboard rows. */
    public record Lines(List<String> lines) implements Part {
        public Lines {
            lines = List.copyOf(lines);
        }
    }
}
