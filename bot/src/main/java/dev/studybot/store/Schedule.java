package dev.studybot.store;

import dev.studybot.domain.Place;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * When a channel gets its question of the day.
 *
 * @param time         local time of day in {@code zone}
 * @param weekdaysOnly Monday to Friday only, or every day
 * @param topics       only questions whose heading path mentions one of these (empty: any topic)
 */
public record Schedule(Place place, LocalTime time, ZoneId zone, boolean weekdaysOnly, List<String> topics) {

    public Schedule {
        topics = List.copyOf(topics);
    }
}
