package dev.studybot.game;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybot.config.ScoringRules;
import dev.studybot.store.Mode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScoringTest {

    private static final Instant POSTED = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void dailyCorrectIsTenPlusEarlyBonusWithinAnHour() {
        assertEquals(13, Scoring.score(Mode.DAILY, true, POSTED, POSTED.plusSeconds(59 * 60), 1).points());
        assertEquals(13, Scoring.score(Mode.DAILY, true, POSTED, POSTED.plus(Duration.ofMinutes(60)), 1).points());
        assertEquals(10, Scoring.score(Mode.DAILY, true, POSTED, POSTED.plus(Duration.ofMinutes(61)), 1).points());
        assertTrue(Scoring.early(POSTED, POSTED));
        assertFalse(Scoring.early(POSTED, POSTED.plus(Duration.ofMinutes(60)).plusMillis(1)));
    }

    @Test
    void dailyWrongIsZeroAndResetsTheStreak() {
        Scoring.Score wrong = Scoring.score(Mode.DAILY, false, POSTED, POSTED, 7);
        assertEquals(new Scoring.Score(0, 0, 0, 0), wrong);
        assertEquals(0, Scoring.streak(false, true, true, 4));
    }

    @Test
    void streakGrowsOnlyAfterACorrectPreviousQuestion() {
        assertEquals(1, Scoring.streak(true, false, false, 0));
        assertEquals(1, Scoring.streak(true, true, false, 0));
        assertEquals(5, Scoring.streak(true, true, true, 4));
    }

    @Test
    void streakBonusIsTwoPerDayCappedAtTen() {
        int[] expected = {0, 0, 2, 4, 6, 8, 10, 10, 10};
        for (int streak = 1; streak < expected.length; streak++) {
            assertEquals(expected[streak], Scoring.streakBonus(streak), "streak " + streak);
        }
        assertEquals(0, Scoring.streakBonus(0));
        assertEquals(10 + 3 + 10, Scoring.score(Mode.DAILY, true, POSTED, POSTED, 30).points());
        assertEquals(30, Scoring.score(Mode.DAILY, true, POSTED, POSTED, 30).streak());
    }

    @Test
    void practiceAndReviewAreOnePointWithoutBonusesOrStreak() {
        for (Mode mode : new Mode[] {Mode.PRACTICE, Mode.REVIEW}) {
            assertEquals(new Scoring.Score(1, 0, 1, 0), Scoring.score(mode, true, POSTED, POSTED, 5));
            assertEquals(new Scoring.Score(0, 0, 0, 0), Scoring.score(mode, false, POSTED, POSTED, 5));
        }
        assertEquals(new Scoring.Score(13, 13, 0, 1), Scoring.score(Mode.DAILY, true, POSTED, POSTED, 1));
    }

    @Test
    void defaultRulesAreTheDocumentedConstants() {
        ScoringRules d = ScoringRules.DEFAULTS;
        assertEquals(Scoring.DAILY_CORRECT, d.dailyCorrect());
        assertEquals(Scoring.EARLY_BONUS, d.earlyBonus());
        assertEquals(Scoring.EARLY_MINUTES, d.earlyMinutes());
        assertEquals(Scoring.STREAK_STEP_BONUS, d.streakStepBonus());
        assertEquals(Scoring.STREAK_BONUS_STEPS, d.streakBonusSteps());
        assertEquals(Scoring.STREAK_BONUS_CAP, d.streakBonusCap());
        assertEquals(Scoring.PRACTICE_CORRECT, d.practiceCorrect());
        assertEquals(Scoring.score(Mode.DAILY, true, POSTED, POSTED, 4), Scoring.score(d, Mode.DAILY, true, POSTED, POSTED, 4));
    }

    @Test
    void otherRulesChangeEveryValue() {
        ScoringRules rules = new ScoringRules(20, 5, 10, 3, 2, 4);
        assertEquals(20 + 5, Scoring.score(rules, Mode.DAILY, true, POSTED, POSTED.plus(Duration.ofMinutes(10)), 1).points());
        assertEquals(20, Scoring.score(rules, Mode.DAILY, true, POSTED, POSTED.plus(Duration.ofMinutes(11)), 1).points());
        assertEquals(0, Scoring.streakBonus(rules, 1));
        assertEquals(3, Scoring.streakBonus(rules, 2));
        assertEquals(6, Scoring.streakBonus(rules, 3));
        assertEquals(6, Scoring.streakBonus(rules, 30));
        assertEquals(new Scoring.Score(31, 31, 0, 9), Scoring.score(rules, Mode.DAILY, true, POSTED, POSTED, 9));
        assertEquals(new Scoring.Score(0, 0, 0, 0), Scoring.score(rules, Mode.DAILY, false, POSTED, POSTED, 9));
        assertEquals(new Scoring.Score(4, 0, 4, 0), Scoring.score(rules, Mode.PRACTICE, true, POSTED, POSTED, 9));
        assertEquals(new Scoring.Score(4, 0, 4, 0), Scoring.score(rules, Mode.REVIEW, true, POSTED, POSTED, 9));
    }
}
