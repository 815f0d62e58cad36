package dev.studybot.knowledge.search;

/** Limits and clean-up for text that anyone may type into a chat box. */
final class QueryText {

    /** Longer input is refused: it is a paste of something, not a question. */
    static final int MAX_CHARS = 2000;
    /** At most this many distinct words are searched for; the rest of a long paste is ignored. */
    static final int MAX_WORDS = 32;

    private QueryText() {
    }

    /** Control characters out, runs of white space folded to one space. */
    static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(raw.length());
        boolean space = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.append(c);
        }
        return out.toString();
    }
}
