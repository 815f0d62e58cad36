package dev.studybot.knowledge.questions;

import java.util.regex.Pattern;

/** Notes text made fit for a question: no Markdown marks, no stray spaces. */
final class NoteText {

    private static final Pattern LINK = Pattern.compile("!?\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern MARKS = Pattern.compile("\\*\\*|__|`");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private NoteText() {
    }

    static String plain(String text) {
        // Called for every statement by every kind of question: most have no link or mark, so skip those scans.
        String plain = text.indexOf('[') >= 0 ? LINK.matcher(text).replaceAll("$1") : text;
        if (plain.indexOf('*') >= 0 || plain.indexOf('_') >= 0 || plain.indexOf('`') >= 0) {
            plain = MARKS.matcher(plain).replaceAll("");
        }
        return oddSpacing(plain) ? SPACES.matcher(plain).replaceAll(" ").strip() : plain.strip();
    }

    /** Whether the text has a run of spaces or another kind of white space, which {@link #plain} makes one space. */
    private static boolean oddSpacing(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ' && Character.isWhitespace(c) || c == ' ' && i + 1 < text.length() && text.charAt(i + 1) == ' ') {
                return true;
            }
        }
        return false;
    }

    /** Trailing punctuation that reads badly before a blank or a question mark. */
    static String trimEnd(String text) {
        return trimEnd(text, ",;:");
    }

    /** A heading or lead-in used as context in parentheses: no closing punctuation at all. */
    static String label(String text) {
        return trimEnd(plain(text), ",;:.");
    }

    private static String trimEnd(String text, String marks) {
        String trimmed = text.strip();
        while (!trimmed.isEmpty() && marks.indexOf(trimmed.charAt(trimmed.length() - 1)) >= 0) {
            trimmed = trimmed.substring(0, trimmed.length() - 1).strip();
        }
        return trimmed;
    }
}
