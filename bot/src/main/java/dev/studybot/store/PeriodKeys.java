package dev.studybot.store;

import dev.studybot.domain.Period;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Locale;

/**
 * The keys under which score totals are kept, one per leaderboard period an answer counts for.
 *
 * <ul>
 *   <li>{@code all}: every answer ever;</li>
 *   <li>{@code wYYYY-WW}: the ISO week (Monday to Sunday) in the group's time zone, with the ISO
 *       week-based year, so 2027-01-01 (a Friday) is {@code w2026-53};</li>
 *   <li>{@code mYYYY-MM}: the calendar month in the group's time zone.</li>
 * </ul>
 * An answer at Sunday 23:30 in Europe/Berlin (22:30 UTC) counts for that Sunday's week in a Berlin group,
 * and an answer at Monday 00:30 in Berlin (still Sunday in UTC) for the next week.
 */
public final class PeriodKeys {

    public static final String ALL = "all";

    private PeriodKeys() {
    }

    public static String week(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        return String.format(Locale.ROOT, "w%04d-%02d",
                local.get(IsoFields.WEEK_BASED_YEAR), local.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    public static String month(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        return String.format(Locale.ROOT, "m%04d-%02d", local.getYear(), local.getMonthValue());
    }

    public static String key(Period period, Instant at, ZoneId zone) {
        return switch (period) {
            case ALL -> ALL;
            case WEEK -> week(at, zone);
            case MONTH -> month(at, zone);
        };
    }

    /** The three keys an answer at {@code at} adds to: all, its week, its month. */
    public static List<String> keys(Instant at, ZoneId zone) {
        return List.of(ALL, week(at, zone), month(at, zone));
    }
}
