package dev.studybot.store;

import dev.studybot.domain.MessageRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The delivery state of each question of the day and its reveal: recorded before the platform is called, marked
 * done only after the platform took it, so a failed post is retried instead of counting as seen.
 */
public interface DailyDeliveryStore {

    /** What is being delivered. */
    enum Stage { POST, REVEAL }

    /** The platform took the question of the day, as {@code message}: both are stored at once. */
    void delivered(long postedId, Instant at, MessageRef message);

    /** Where the platform keeps the question of the day; empty before it took it, or when posted before V7. */
    Optional<MessageRef> message(long postedId);

    /** When the platform took it, or empty while it has not. */
    Optional<Instant> deliveredAt(long postedId);

    /** Counts a failed attempt and returns how many there have been for that stage. */
    int failed(long postedId, Stage stage);

    /** Questions of the day stored but not delivered yet, and not closed. */
    List<Long> undelivered();

    /** Stops answers counting from {@code at} on (the reveal is about to go out). */
    void closeAnswers(long postedId, Instant at);
}
