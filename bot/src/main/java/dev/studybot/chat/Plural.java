package dev.studybot.chat;

/** Counts in replies: "1 question", "2 questions". */
public final class Plural {

    private Plural() {
    }

    /** {@code count} and the noun, with an "s" unless the count is one. */
    public static String of(long count, String noun) {
        return count + " " + (count == 1 ? noun : noun + "s");
    }
}
