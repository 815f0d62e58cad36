package dev.studybot.chat;

import dev.studybot.domain.Mention;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
                converted.add(lines.map(convert));
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

    /**
     * Notifies a group of members (a Slack user group, a Discord role) as the message is posted: the one part that may
     * ping anyone. Each platform shows it its own way ({@code <!subteam^ID>}, {@code <@&ID>}, {@code @name}).
     */
    public record Ping(Mention mention) implements Part {
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

    /** Whom the reply notifies as it is posted, if anyone. */
    public Optional<Mention> ping() {
        return parts.stream().filter(Ping.class::isInstance).map(part -> ((Ping) part).mention()).findFirst();
    }

    /** The reply's attachments, in order. */
    public List<Attachment> attachments() {
        return parts.stream().filter(Attachment.class::isInstance).map(Attachment.class::cast).toList();
    }

    /**
     * A list of lines, e.g. leaderboard rows; when made {@link #of fields}, each line is a name and a value, which a
     * platform with a table of its own (Discord's embed fields) may show as such, and the others show as the lines.
     */
    public record Lines(List<String> lines, List<Field> fields) implements Part {
        public Lines {
            lines = List.copyOf(lines);
            fields = List.copyOf(fields);
        }

        public Lines(List<String> lines) {
            this(lines, List.of());
        }

        /** Lines that are {@code fields}, each shown as {@link Field#line}. */
        public static Lines of(List<Field> fields) {
            return new Lines(fields.stream().map(Field::line).toList(), fields);
        }

        Lines map(UnaryOperator<String> convert) {
            return new Lines(lines.stream().map(convert).toList(), fields.stream()
                    .map(field -> new Field(convert.apply(field.name()), convert.apply(field.value()), field.separator(),
                            field.inline())).toList());
        }
    }

    /**
     * One line as a name and a value: "Points" and "38 (daily 33, practice 5)".
     *
     * @param separator what joins them in the line ({@code ": "}); a field without a value is its name alone
     * @param inline    short enough to sit beside others where a platform lays fields out in columns
     */
    public record Field(String name, String value, String separator, boolean inline) {
        public String line() {
            return value.isEmpty() ? name : name + separator + value;
        }
    }

    /**
     * A choice of one among a few, each an action as a button's (e.g. the leaderboard's period), which a platform with
     * menus shows as one (Discord's select menu); a platform without them leaves it out: the typed command does the same.
     */
    public record Menu(String placeholder, List<MenuOption> options) implements Part {
        public Menu {
            options = List.copyOf(options);
        }
    }

    /** One choice of a {@link Menu}: the action chosen, its label, whether it is the one shown now. */
    public record MenuOption(String action, String label, boolean selected) {
    }

    /**
     * A form to fill in instead of this reply, where the platform can open one at the moment (a Slack modal needs a
     * fresh trigger, a Discord modal must be the first answer to an interaction); elsewhere the reply's other parts
     * are shown, and they say how to type the command instead.
     */
    public record OpenForm(Form form) implements Part {
    }

    /**
     * What is wrong with a submitted {@link Form}, per field name, in plain words; a platform that can show errors
     * beside the fields (Slack) shows these there, the others show the reply's text.
     */
    public record FieldErrors(Map<String, String> byField) implements Part {
        public FieldErrors {
            byField = Map.copyOf(byField);
        }
    }

    /** The form this reply asks to open instead of showing itself, if any. */
    public Optional<Form> form() {
        return parts.stream().filter(OpenForm.class::isInstance).map(part -> ((OpenForm) part).form()).findFirst();
    }

    /** What is wrong with a submitted form, per field; empty when the reply says nothing is. */
    public Map<String, String> fieldErrors() {
        return parts.stream().filter(FieldErrors.class::isInstance).map(part -> ((FieldErrors) part).byField())
                .findFirst().orElse(Map.of());
    }
}
