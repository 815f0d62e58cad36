package dev.studybot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.studybot.domain.Period;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeriodKeysTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void weeksAreIsoWeeksOfTheZone() {
        // Sunday 2026-03-01 23:30 in Berlin is 22:30 UTC: both still ISO week 9.
        Instant sundayLate = Instant.parse("2026-03-01T22:30:00Z");
        assertEquals("w2026-09", PeriodKeys.week(sundayLate, BERLIN));
        assertEquals("w2026-09", PeriodKeys.week(sundayLate, ZoneOffset.UTC));
        // Monday 00:30 in Berlin is still Sunday 23:30 UTC: week 10 in Berlin, week 9 in UTC.
        Instant mondayEarly = Instant.parse("2026-03-01T23:30:00Z");
        assertEquals("w2026-10", PeriodKeys.week(mondayEarly, BERLIN));
        assertEquals("w2026-09", PeriodKeys.week(mondayEarly, ZoneOffset.UTC));
    }

    @Test
    void weekBasedYearAndMonths() {
        assertEquals("w2026-53", PeriodKeys.week(Instant.parse("2027-01-01T12:00:00Z"), ZoneOffset.UTC));
        assertEquals("w2026-01", PeriodKeys.week(Instant.parse("2025-12-29T12:00:00Z"), ZoneOffset.UTC));
        // 2026-04-30 23:30 UTC is already May 1st in Berlin.
        Instant lastOfApril = Instant.parse("2026-04-30T23:30:00Z");
        assertEquals("m2026-05", PeriodKeys.month(lastOfApril, BERLIN));
        assertEquals("m2026-04", PeriodKeys.month(lastOfApril, ZoneOffset.UTC));
        assertEquals("all", PeriodKeys.key(Period.ALL, lastOfApril, BERLIN));
        assertEquals(List.of("all", "w2026-18", "m2026-05"), PeriodKeys.keys(lastOfApril, BERLIN));
    }
}
