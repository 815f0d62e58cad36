package dev.studybot.game;

import dev.studybot.config.ScoringRules;
import dev.studybot.domain.Mode;
import java.time.Instant;

/**
 * How answers score. The values below are the defaults ({@link ScoringRules#DEFAULTS}); the {@code scoring}
 * section of {@code config/studybot.yml} can change each of them.
 *
 * <h2>Question of the day ({@link Mode#DAILY})</h2>
 * <ul>
 *   <li>A correct answer is worth 10 points; a wrong one 0.</li>
 *   <li>Early bonus: +3 when the correct answer comes within
 *       60 minutes of the question being posted (exactly 60:00 still counts).</li>
 *   <li>Streak: the number of consecutive daily questions <em>in the same channel</em> the member answered
 *       correctly, this one included. A wrong answer resets it to 0. Skipping a question breaks it too: the
 *       streak only continues when the member answered the channel's previous daily question (the one
 *       posted just before this one) correctly; otherwise a correct answer starts again at 1.</li>
 *   <li>Streak bonus: +2 × min(streak − 1, 5), so 0 on the first day, +2 on the second, +4 on the third,
 *       and at most +10 from the sixth day on.</li>
 *   <li>So a daily answer is worth 0 (wrong), or between 10 and 10 + 3 + 10 = 23 points.</li>
 * </ul>
 *
 * <h2>Practice and review ({@link Mode#PRACTICE}, {@link Mode#REVIEW})</h2>
 * <ul>
 *   <li>A correct answer is worth 1 point; a wrong one 0. No early bonus, no
 *       streak (their streak is reported as 0).</li>
 * </ul>
 *
 * <h2>Totals</h2>
 * Daily points and practice points (practice and review together) are kept apart; a leaderboard ranks by
 * their sum. Each member may answer a posted question once: a second press changes nothing. Answers
 * count for the week and month (in the group's time zone, see {@link dev.studybot.store.PeriodKeys}) in which they were
 * given, both in the channel's and the group's leaderboards.
 *
 * <h2>Streaks shown in stats</h2>
 * The current streak is the streak of the member's latest daily answer in the group, if that answer was
 * correct and no later daily question in that channel has closed unanswered by the member; otherwise 0.
 * The best streak is the highest streak the member ever reached in any channel of the group.
 */
public final class Scoring {

    private Scoring() {
    }

    /**
     * The points for one answer.
     *
     * @param points         total points of this answer
     * @param dailyPoints    the part that counts as daily points (all or nothing)
     * @param practicePoints the part that counts as practice points (all or nothing)
     * @param streak         the daily streak after this answer (0 for practice and review, and when wrong)
     */
    public record Score(int points, int dailyPoints, int practicePoints, int streak) {
    }

    /**
     * The daily streak after an answer.
     *
     * @param correct               whether this answer is correct
     * @param previousQuestion      whether the channel had a daily question posted before this one
     * @param previousCorrect       whether the member answered that previous question correctly
     * @param previousStreak        the streak stored with that previous answer
     */
    public static int streak(boolean correct, boolean previousQuestion, boolean previousCorrect, int previousStreak) {
        if (!correct) {
            return 0;
        }
        if (previousQuestion && previousCorrect) {
            return Math.max(0, previousStreak) + 1;
        }
        return 1;
    }

    /** The streak bonus under {@code rules}: step bonus × min(streak − 1, steps), never negative. */
    public static int streakBonus(ScoringRules rules, int streak) {
        return rules.streakStepBonus() * Math.max(0, Math.min(streak - 1, rules.streakBonusSteps()));
    }

    /** Whether an answer is early under {@code rules}: at most early-minutes after posting. */
    public static boolean early(ScoringRules rules, Instant postedAt, Instant answeredAt) {
        return !answeredAt.isAfter(postedAt.plus(rules.earlyWindow()));
    }

    /**
     * Scores an answer under {@code rules}.
     *
     * @param streak for {@link Mode#DAILY}, the streak after this answer (see {@link #streak}); ignored otherwise
     */
    public static Score score(ScoringRules rules, Mode mode, boolean correct, Instant postedAt, Instant answeredAt,
                              int streak) {
        if (mode == Mode.DAILY) {
            if (!correct) {
                return new Score(0, 0, 0, 0);
            }
            int points = rules.dailyCorrect() + (early(rules, postedAt, answeredAt) ? rules.earlyBonus() : 0)
                    + streakBonus(rules, streak);
            return new Score(points, points, 0, streak);
        }
        int points = correct ? rules.practiceCorrect() : 0;
        return new Score(points, 0, points, 0);
    }
}
