package dev.studybot.game;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybot.config.ScoringRules;
import dev.studybot.domain.Mode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScoringTest {

    private static final Instant POSTED = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void dailyCorrectIsTenPlusEarlyBonusWithinAnHour() {
        assertEquals(13, Scoring.score(ScoringRules.DEFAULTS, Mode.DAILY, true, POSTED, POSTED.plusSeconds(59 * 60), 1).points());
        assertEquals(13, Scoring.score(ScoringRules.DEFAULTS, Mode.DAILY, true, POSTED, POSTED.plus(Duration.ofMinutes(60)), 1).points());
        assertEquals(10, Scoring.score(ScoringRules.DEFAULTS, Mode.DAILY, true, POSTED, POSTED.plus(Duration.ofMinutes(61)), 1).points());
        assertTrue(Scoring.early(ScoringRules.DEFAULTS, POSTED, POSTED));
        assertFalse(Scoring.early(ScoringRules.DEFAULTS, POSTED, POSTED.plus(Duration.ofMinutes(60)).plusMillis(1)));
    }

    @Test
    void dailyWrongIsZeroAndResetsTheStreak() {
        Scoring.Score wrong = Scoring.score(ScoringRules.DEFAULTS, Mode.DAILY, false, POSTED, POSTED, 7);
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
            assertEquals(expected[streak], Scoring.streakBonus(ScoringRules.DEFAULTS, streak), "streak " + streak);
        }
        assertEquals(0, Scoring.streakBonus(ScoringRules.DEFAULTS, 0));
        assertEquals(10 + 3 + 10, Scoring.score(ScoringRules.DEFAULTS, Mode.DAILY, true, POSTED, POSTED, 30).points());
        assertEquals(30, Scoring.score(ScoringRules.DEFAULTS, Mode.DAILY, true, POSTED, POSTED, 30).streak());
    }

    @Test
    void practiceAndReviewAreOnePointWithoutBonusesOrStreak() {
        for (Mode mode : new Mode[] {Mode.PRACTICE, Mode.REVIEW}) {
            assertEquals(new Scoring.Score(1, 0, 1, 0), Scoring.score(ScoringRules.DEFAULTS, mode, true, POSTED, POSTED, 5));
            assertEquals(new Scoring.Score(0, 0, 0, 0), Scoring.score(ScoringRules.DEFAULTS, mode, false, POSTED, POSTED, 5));
        }
        assertEquals(new Scoring.Score(13, 13, 0, 1), Scoring.score(ScoringRules.DEFAULTS, Mode.DAILY, true, POSTED, POSTED, 1));
    }

    @Test
    void defaultRulesAreTheDocumentedValues() {
        assertEquals(new ScoringRules(10, 3, 60, 2, 5, 1), ScoringRules.DEFAULTS);
        assertEquals(10, ScoringRules.DEFAULTS.streakBonusCap());
        assertEquals(Duration.ofMinutes(60), ScoringRules.DEFAULTS.earlyWindow());
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
