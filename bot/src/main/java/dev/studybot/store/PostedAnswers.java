package dev.studybot.store;

import dev.studybot.domain.Member;
import dev.studybot.domain.MemberKey;
import dev.studybot.domain.Place;
import java.time.Instant;
import java.util.Optional;

/** Posted questions, the answers to them and the score totals they add to, inside an {@link AnswerStore} transaction. */
public interface PostedAnswers {

    /** Creates or renames the member and, when given, the place: names follow every press, whether it counts or not. */
    void keepNames(Member member, Place place);

    Optional<Posted> posted(long postedId);

    /**
     * The member's answer to the daily question posted in the same channel just before {@code postedId}; empty when
     * the channel had none before it.
     */
    Optional<EarlierDaily> earlierDaily(long postedId, MemberKey member);

    /**
     * Records the answer and adds it to the channel's and the group's totals (all time, and the week and month of
     * its time in the group's zone; daily points apart from practice and review points). One answer per member and
     * question, kept by the database: returns false, changing nothing, when the member answered before.
     */
    boolean record(Answer answer);

    /** The choice of the member's recorded answer to {@code postedId}. */
    int recordedChoice(long postedId, MemberKey member);

    /** @param answeredCorrectly false when the member answered it wrong or not at all */
    record EarlierDaily(boolean answeredCorrectly, int streak) {
    }

    /** @param streak the member's daily streak after this answer (0 for practice and review) */
    record Answer(long postedId, MemberKey member, int choice, boolean correct, int points, int streak, Instant at) {
    }
}
