package dev.studybot.domain;

/** Why a question was posted; scored differently (see Scoring). */
public enum Mode {
    /** The question of the day in a channel: counts for points, streaks and early bonuses. */
    DAILY,
    /** A practice question only the caller sees: tracked separately from the daily score. */
    PRACTICE,
    /** A question the caller got wrong before, back for spaced review; scored like practice. */
    REVIEW
}
