package dev.studybot.qotd;

import dev.studybot.domain.Place;
import java.time.Instant;

/** When the question of the day's later steps happen; {@link DailyScheduler} on Quartz is the real one. */
interface DailyTimer {

    /** Reveals posted question {@code postedId} at {@code at} (once, however often asked). */
    void revealAt(long postedId, Instant at);

    /** Tries again to deliver posted question {@code postedId} at {@code at}. */
    void deliverAt(long postedId, Instant at);

    /** Posts the channel's question for the day of a fire missed at {@code missed}, now (once, however often asked). */
    void postFor(Place place, Instant missed);

    /** Until a timer is attached nothing is timed: tests drive the class by hand. */
    DailyTimer NONE = new DailyTimer() {
        @Override
        public void revealAt(long postedId, Instant at) {
        }

        @Override
        public void deliverAt(long postedId, Instant at) {
        }

        @Override
        public void postFor(Place place, Instant missed) {
        }
    };
}
