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
        String plain = LINK.matcher(text).replaceAll("$1");
        plain = MARKS.matcher(plain).replaceAll("");
        return SPACES.matcher(plain).replaceAll(" ").strip();
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
