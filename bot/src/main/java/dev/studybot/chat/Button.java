package dev.studybot.chat;

/**
 * A button under a reply.
 *
 * @param action what pressing it does, opaque to adapters (e.g. {@code answer:12:2}); adapters send it
 *               back in an {@link Interaction.Press}
 * @param key    a short name a person can type to press it where there are no real buttons (console)
 * @param label  the text on the button
 */
public record Button(String action, String key, String label) {

    private static final String ANSWER = "answer:";

    /** The button for choice {@code choice} (0-based) of posted question {@code posted}. */
    public static Button answer(long posted, int choice, String label) {
        return new Button(ANSWER + posted + ":" + choice, posted + String.valueOf((char) ('a' + choice)), label);
    }

    /** The action of the answer button a console key ("12b") stands for, or null when it is no such key. */
    public static String answerActionForKey(String key) {
        if (!key.matches("\\d{1,12}[a-f]")) {
            return null;
        }
        int choice = key.charAt(key.length() - 1) - 'a';
        return ANSWER + key.substring(0, key.length() - 1) + ":" + choice;
    }

    /** Posted id and choice of an answer action, or null when the action is something else or malformed. */
    public static long[] parseAnswer(String action) {
        if (action == null || !action.matches(ANSWER + "\\d{1,12}:\\d{1,2}")) {
            return null;
        }
        String[] parts = action.split(":");
        return new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])};
    }
}
