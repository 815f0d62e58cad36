package dev.studybot.game;

import dev.studybot.store.Posted;

/** What happened to a pressed answer button. Only {@link Recorded} changes any score. */
public sealed interface AnswerOutcome {

    /**
     * @param points points awarded (0 when wrong)
     * @param streak the member's daily streak after this answer (0 for practice and review)
     */
    record Recorded(Posted posted, int choice, boolean correct, int points, int streak) implements AnswerOutcome {
    }

    /** This member answered this question before; nothing changed. */
    record AlreadyAnswered(Posted posted, int previousChoice) implements AnswerOutcome {
    }

    /** Answers closed at {@code posted.expiresAt()}; nothing changed. */
    record Expired(Posted posted) implements AnswerOutcome {
    }

    /** A practice or review question belongs to someone else; nothing changed. */
    record NotYours(Posted posted) implements AnswerOutcome {
    }

    /** The question has no choice {@code choice} (a typed answer, an old button); nothing changed. */
    record NoSuchChoice(Posted posted, int choice) implements AnswerOutcome {
    }

    /** No such question; nothing changed. */
    record Unknown() implements AnswerOutcome {
    }
}
