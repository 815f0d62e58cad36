package dev.studybot.chat;

/** Cuts text to a platform's limit. */
public final class Shorten {

    private Shorten() {
    }

    /**
     * At most {@code max} chars (UTF-16 units, as the platforms count), ending with "…" when cut; never cuts an
     * emoji or other surrogate pair in half, which platforms show as a broken character or refuse.
     */
    public static String to(String text, int max) {
        if (text == null) {
            return "";
        }
        if (text.length() <= max) {
            return text;
        }
        int end = Math.max(0, max - 1);
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "\u2026";
    }
}
