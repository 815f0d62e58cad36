package dev.studybot.game;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
