package dev.studybot.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * A button under a reply.
 *
 * @param action what pressing it does, opaque to adapters (e.g. {@code answer:12:2}); adapters send it
 *               back in an {@link Interaction.Press}
 * @param key    a short name a person can type to press it where there are no real buttons (console)
 * @param label  the text on the button
 * @param state  whether it can still be pressed, and how an answer button shows the outcome once it cannot
 * @param primary the step most members take next (Next question), which a platform may highlight (Slack's primary
 *                style)
 */
public record Button(String action, String key, String label, State state, boolean primary) {

    /** A button that can be pressed. */
    public Button(String action, String key, String label) {
        this(action, key, label, State.LIVE);
    }

    public Button(String action, String key, String label, State state) {
        this(action, key, label, state, false);
    }

    /** The same button, highlighted as the step to take next. */
    public Button asPrimary() {
        return new Button(action, key, label, state, true);
    }

    /** Every state but {@link #LIVE} is a button that can no longer be pressed (where the platform can show one). */
    public enum State {
        LIVE,
        /** The right choice of an answered question. */
        RIGHT,
        /** The wrong choice the member pressed. */
        WRONG,
        /** Any other choice of an answered question. */
        CLOSED
    }

    public boolean live() {
        return state == State.LIVE;
    }

    /** The same button in another state. */
    public Button in(State other) {
        return new Button(action, key, label, other, primary);
    }

    private static final String ANSWER = "answer:";
    private static final String REPORT = "report:";

    /** The button for choice {@code choice} (0-based) of posted question {@code posted}. */
    public static Button answer(long posted, int choice, String label) {
        return new Button(ANSWER + posted + ":" + choice, posted + String.valueOf((char) ('a' + choice)), label);
    }

    /** The buttons under posted question {@code posted}: one per choice, in order, then Report question. */
    public static List<Button> forQuestion(long posted, List<String> choices) {
        List<Button> buttons = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            buttons.add(answer(posted, i, choices.get(i)));
        }
        buttons.add(report(posted));
        return buttons;
    }

    /** The button that asks why a member reports posted question {@code posted}. */
    public static Button report(long posted) {
        return new Button(REPORT + posted, "r" + posted, "Report question");
    }

    /**
     * The button that reports posted question {@code posted} for {@code reason} (a short word); its key is
     * {@code r<posted>} and the label's first letter.
     */
    public static Button reportFor(long posted, String reason, String label) {
        return new Button(REPORT + posted + ":" + reason, "r" + posted + Character.toLowerCase(label.charAt(0)), label);
    }

    /** Posted id of a report button's action, and the reason word or null for the first step; null when no such action. */
    public static Report parseReport(String action) {
        if (action == null || !action.matches(REPORT + "\\d{1,12}(:[a-z]{1,12})?")) {
            return null;
        }
        String[] parts = action.split(":");
        return new Report(Long.parseLong(parts[1]), parts.length > 2 ? parts[2] : null);
    }

    /** A pressed report button: the posted question, and the reason (null: not chosen yet). */
    public record Report(long posted, String reason) {
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
