package dev.studybot.chat;

import java.util.List;

/**
 * What the bot says, in a form every platform can render: parts in order, then buttons.
 *
 * @param privateTo when true only the caller sees it (ephemeral); otherwise the whole channel does
 */
public record Reply(boolean privateTo, List<Part> parts, List<Button> buttons) {

    public Reply {
        parts = List.copyOf(parts);
        buttons = List.copyOf(buttons);
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

    /** Notes text shown as written (a passage or an explanation), with where it comes from. */
    public record Excerpt(String trail, String source, String text, List<String> links) implements Part {
        public Excerpt {
            links = List.copyOf(links);
        }
    }

    /** Small print: hints, sources, counts. */
    public record Note(String text) implements Part {
    }

    /** A list of lines, e.g. leaderboard rows. */
    public record Lines(List<String> lines) implements Part {
        public Lines {
            lines = List.copyOf(lines);
        }
    }
}
