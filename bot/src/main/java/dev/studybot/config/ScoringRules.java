package dev.studybot.config;

import java.time.Duration;

/**
 * The point values of {@link dev.studybot.game.Scoring}, from the {@code scoring} section of
 * {@code config/studybot.yml}. {@link #DEFAULTS} are the rules the README describes.
 *
 * @param dailyCorrect     points for a right answer to the question of the day
 * @param earlyBonus       extra points when that answer comes within {@code earlyMinutes} of posting
 * @param earlyMinutes     how long after posting an answer counts as early (inclusive)
 * @param streakStepBonus  extra points per day of a streak after the first
 * @param streakBonusSteps how many streak days earn the step bonus at most (the cap is step × steps)
 * @param practiceCorrect  points for a right answer in practice or review
 */
public record ScoringRules(
        @Setting(env = "STUDYBOT_SCORING_DAILY_CORRECT", kind = Kind.POINTS) int dailyCorrect,
        @Setting(env = "STUDYBOT_SCORING_EARLY_BONUS", kind = Kind.POINTS) int earlyBonus,
        @Setting(env = "STUDYBOT_SCORING_EARLY_MINUTES", kind = Kind.MINUTES) int earlyMinutes,
        @Setting(env = "STUDYBOT_SCORING_STREAK_STEP_BONUS", kind = Kind.POINTS) int streakStepBonus,
        @Setting(env = "STUDYBOT_SCORING_STREAK_BONUS_STEPS", kind = Kind.COUNT) int streakBonusSteps,
        @Setting(env = "STUDYBOT_SCORING_PRACTICE_CORRECT", kind = Kind.POINTS) int practiceCorrect) {

    public static final ScoringRules DEFAULTS = new ScoringRules(10, 3, 60, 2, 5, 1);

    public ScoringRules {
        if (dailyCorrect < 0 || earlyBonus < 0 || earlyMinutes < 0 || streakStepBonus < 0 || streakBonusSteps < 0
                || practiceCorrect < 0) {
            throw new IllegalArgumentException("Scoring values must be 0 or more.");
        }
    }

    public Duration earlyWindow() {
        return Duration.ofMinutes(earlyMinutes);
    }

    /** The largest streak bonus: step bonus × steps. */
    public int streakBonusCap() {
        return streakStepBonus * streakBonusSteps;
    }
}
