package dev.studybot.knowledge.notes;

/** A stretch of a passage's text, {@code [start, end)} in characters. */
public record Span(int start, int end) {

    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }

    public String of(String text) {
        return text.substring(start, end);
    }
}
