package dev.studybot.store;

import dev.studybot.domain.MemberKey;
import dev.studybot.knowledge.questions.Question;
import java.time.Instant;
import java.util.Optional;

/** Each member's review schedule (Leitner boxes), inside an {@link AnswerStore} transaction. */
public interface ReviewBoxes {

    /** The question's box for the member, or empty when it is not scheduled. */
    Optional<Integer> box(MemberKey member, String questionId);

    /** Puts the question (stored whole: it may be gone from the notes when due) in {@code box}, due at {@code dueAt}. */
    void put(MemberKey member, Question question, int box, Instant dueAt);

    /** Takes the question off the member's schedule. */
    void remove(MemberKey member, String questionId);
}
