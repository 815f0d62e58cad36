package dev.studybot.itemanalysis;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Why a member reports a question: the three things a student can tell at a glance. */
public enum ReportReason {
    WRONG_ANSWER("wrong", "Wrong answer"),
    UNCLEAR("unclear", "Unclear"),
    NOT_USEFUL("useless", "Not useful");

    private final String key;
    private final String label;

    ReportReason(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** A short word for button actions and typed keys. */
    public String key() {
        return key;
    }

    /** As shown on a button. */
    public String label() {
        return label;
    }

    /** As written in a sentence ("reported as wrong answer"). */
    public String phrase() {
        return label.toLowerCase(Locale.ROOT);
    }

    public static Optional<ReportReason> ofKey(String key) {
        return Arrays.stream(values()).filter(reason -> reason.key.equals(key)).findFirst();
    }
}
