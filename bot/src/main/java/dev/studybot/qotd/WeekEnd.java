package dev.studybot.qotd;

import dev.studybot.domain.Place;
import java.time.Instant;

/** What follows the reveal of the last question of a channel's scheduled week: its summary, where one is wanted. */
public interface WeekEnd {

    /** @param during an instant in the week that ended (its last question's post) */
    void ended(Place channel, Instant during);

    /** No summary: the default (question_of_the_day.weekly_summary off). */
    WeekEnd NONE = (channel, during) -> {
    };
}
