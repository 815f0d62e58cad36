package dev.studybot.qotd;

import dev.studybot.store.Schedule;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Date arithmetic of a schedule, in its time zone. A local time that a daylight-saving change skips
 * (02:30 on the spring-forward night) moves to the first valid instant after it, and one that occurs
 * twice happens once (the first); so every scheduled day has exactly one time.
 */
final class DailyTimes {

    private DailyTimes() {
    }

    static boolean isScheduledDay(Schedule schedule, LocalDate day) {
        return !schedule.weekdaysOnly() || day.getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue();
    }

    /** Whether {@code day} is the last scheduled day of its week (Monday to Sunday): Friday or Sunday. */
    static boolean endsItsWeek(Schedule schedule, LocalDate day) {
        return day.getDayOfWeek() == (schedule.weekdaysOnly() ? DayOfWeek.FRIDAY : DayOfWeek.SUNDAY);
    }

    /** The scheduled instant on {@code day} (whether or not the schedule runs that day). */
    static Instant at(Schedule schedule, LocalDate day) {
        return ZonedDateTime.ofLocal(day.atTime(schedule.time()), schedule.zone(), null).toInstant();
    }

    /** The latest scheduled instant at or before {@code now}, looking back a week at most. */
    static Optional<Instant> latestAtOrBefore(Schedule schedule, Instant now) {
        LocalDate today = now.atZone(schedule.zone()).toLocalDate();
        for (int back = 0; back <= 7; back++) {
            LocalDate day = today.minusDays(back);
            Instant at = at(schedule, day);
            if (isScheduledDay(schedule, day) && !at.isAfter(now)) {
                return Optional.of(at);
            }
        }
        return Optional.empty();
    }

    /** The next scheduled instant strictly after {@code after}. */
    static Instant nextAfter(Schedule schedule, Instant after) {
        LocalDate day = after.atZone(schedule.zone()).toLocalDate();
        for (int ahead = 0; ; ahead++) {
            LocalDate candidate = day.plusDays(ahead);
            Instant at = at(schedule, candidate);
            if (isScheduledDay(schedule, candidate) && at.isAfter(after)) {
                return at;
            }
        }
    }

    static LocalDate localDay(Schedule schedule, Instant at) {
        return at.atZone(schedule.zone()).toLocalDate();
    }
}
