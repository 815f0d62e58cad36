package dev.studybot.game;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.studybot.domain.Mode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LeitnerTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void wrongAnswerInAnyModeGoesToBoxOneDueNow() {
        for (Mode mode : Mode.values()) {
            assertEquals(new Leitner.Step.Schedule(1, NOW), Leitner.after(mode, false, null, NOW));
            assertEquals(new Leitner.Step.Schedule(1, NOW), Leitner.after(mode, false, 4, NOW));
        }
    }

    @Test
    void correctReviewMovesUpWithGrowingIntervalsThenLeaves() {
        assertEquals(new Leitner.Step.Schedule(2, NOW.plus(Duration.ofDays(1))), Leitner.after(Mode.REVIEW, true, 1, NOW));
        assertEquals(new Leitner.Step.Schedule(3, NOW.plus(Duration.ofDays(3))), Leitner.after(Mode.REVIEW, true, 2, NOW));
        assertEquals(new Leitner.Step.Schedule(4, NOW.plus(Duration.ofDays(7))), Leitner.after(Mode.REVIEW, true, 3, NOW));
        assertEquals(new Leitner.Step.Schedule(5, NOW.plus(Duration.ofDays(14))), Leitner.after(Mode.REVIEW, true, 4, NOW));
        assertEquals(new Leitner.Step.Remove(), Leitner.after(Mode.REVIEW, true, 5, NOW));
    }

    @Test
    void correctDailyOrPracticeOrUnscheduledLeavesTheScheduleAlone() {
        assertEquals(new Leitner.Step.Keep(), Leitner.after(Mode.DAILY, true, 2, NOW));
        assertEquals(new Leitner.Step.Keep(), Leitner.after(Mode.PRACTICE, true, 1, NOW));
        assertEquals(new Leitner.Step.Keep(), Leitner.after(Mode.REVIEW, true, null, NOW));
        assertThrows(IllegalArgumentException.class, () -> Leitner.interval(1));
    }
}
