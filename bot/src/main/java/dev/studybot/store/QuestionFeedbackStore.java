package dev.studybot.store;

import dev.studybot.domain.Member;
import dev.studybot.itemanalysis.ItemAnalysis;
import dev.studybot.itemanalysis.ReportReason;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What members say about questions and how the questions fare, and which ones are out of service: a question
 * reported by enough members, or one the stronger members get wrong more often, is retired from the pool until
 * an admin restores it.
 */
public interface QuestionFeedbackStore {

    /** Records {@code member}'s report on the question posted as {@code postedId}; one report per member per question. */
    ReportOutcome report(long postedId, Member member, ReportReason reason, Instant at);

    /**
     * Looks at the question's answers after a new one, and retires it when they say so; returns why it was. The
     * answers are judged when their number reaches the rules' count, and after every fifth answer from then on.
     */
    Optional<String> reviewAnswers(String questionId, Instant at);

    /** Ids of the questions out of service now. */
    Set<String> retired();

    /** Whether the question may be asked: not retired. Checked on every pick, so it is quick. */
    boolean inService(String questionId);

    /** Retired questions first (latest first), then those reported but still in service; at most {@code limit}. */
    List<FlaggedQuestion> flagged(int limit);

    /** Puts a retired question back into the pool for good (the automatic rules leave it alone after this). */
    Optional<FlaggedQuestion> restore(String questionId, Instant at);

    /** Everything known about one question (asked at least once), for admins. */
    Optional<FlaggedQuestion> question(String questionId);

    sealed interface ReportOutcome {
        /** @param retiredBecause why this report took the question out of service, if it did */
        record Recorded(Posted posted, ReportReason reason, Optional<String> retiredBecause) implements ReportOutcome {
        }

        record AlreadyReported(Posted posted, ReportReason earlier) implements ReportOutcome {
        }

        record Unknown() implements ReportOutcome {
        }
    }

    /**
     * A question with what members said and did about it.
     *
     * @param retiredBecause why it is out of service; empty while in service
     * @param restored       whether an admin put it back (the automatic rules leave it alone)
     */
    record FlaggedQuestion(String questionId, List<String> topic, String prompt, List<ReportReason> reports,
                           ItemAnalysis analysis, Optional<String> retiredBecause, boolean restored) {
        public FlaggedQuestion {
            topic = List.copyOf(topic);
            reports = List.copyOf(reports);
        }
    }
}
