package dev.studybot.store;

import dev.studybot.domain.Place;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A channel's question of the day for one (local) day.
 *
 * @param revealedAt when the answer was revealed, or null while it is still open
 */
public record DailyPost(long postedId, Place place, LocalDate day, Instant postedAt, Instant revealAt,
                        Instant revealedAt) {
}
