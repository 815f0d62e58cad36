package dev.studybot.chat;

/**
 * The markup of the bot's text ({@code **bold**}, {@code [label](url)}) and how text from members (display names)
 * is kept literal inside it: a backslash before a markup character, as in Markdown, which Discord reads natively
 * and the other renderers undo. Without it a member named {@code [prize](http://…)} is a link on the leaderboard.
 */
public final class Markup {

    /** The characters that mean something in the bot's markup or in a platform's. */
    static final String SPECIAL = "\\*_~`[]()|>#";

    private Markup() {
    }

    /** {@code text} as it must be shown, character for character, inside the bot's text. */
    public static String literal(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (SPECIAL.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Whether the character at {@code index} of marked-up text was made literal by {@link #literal}. */
    public static boolean escapedAt(String text, int index) {
        return index + 1 < text.length() && text.charAt(index) == '\\' && SPECIAL.indexOf(text.charAt(index + 1)) >= 0;
    }

    /** Marked-up text with the escaping backslashes taken out, for places that show no markup. */
    public static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (escapedAt(text, i)) {
                i++;
            }
            out.append(text.charAt(i));
        }
        return out.toString();
    }
}
