package dev.studybot.game;

import dev.studybot.config.ScoringRules;
import dev.studybot.domain.Member;
import dev.studybot.domain.MemberKey;
import dev.studybot.domain.Mode;
import dev.studybot.domain.Place;
import dev.studybot.store.AnswerStore;
import dev.studybot.store.Posted;
import dev.studybot.store.PostedAnswers;
import dev.studybot.store.ReviewBoxes;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The rules of a pressed answer button: who may answer a posted question and until when, one answer per member,
 * what it scores ({@link Scoring}) and where it moves the question in the member's review boxes ({@link Leitner}).
 * All of it runs in one transaction of the {@link AnswerStore}, so a double press or a race records once.
 */
public final class AnswerService {

    private final AnswerStore store;
    private final ScoringRules scoring;

    public AnswerService(AnswerStore store, ScoringRules scoring) {
        this.store = Objects.requireNonNull(store, "store");
        this.scoring = Objects.requireNonNull(scoring, "scoring");
    }

    /**
     * Records {@code member}'s answer to question {@code postedId} at {@code at}. Scores, streaks and the review
     * schedule change only when the outcome is {@link AnswerOutcome.Recorded}; the member's and the place's names
     * are kept whatever the outcome.
     */
    public AnswerOutcome answer(long postedId, Member member, Place place, int choice, Instant at) {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(at, "at");
        return store.inTransaction(tx -> {
            PostedAnswers answers = tx.answers();
            answers.keepNames(member, place);
            Optional<Posted> found = answers.posted(postedId);
            if (found.isEmpty()) {
                return new AnswerOutcome.Unknown();
            }
            Posted posted = found.get();
            MemberKey who = member.key();
            if (choice < 0 || choice >= posted.question().choices().size()) {
                return new AnswerOutcome.NoSuchChoice(posted, choice);
            }
            // A question is posted on one platform, to a member of it.
            if (posted.ownerUserId() != null && !new MemberKey(posted.platform(), posted.ownerUserId()).equals(who)) {
                return new AnswerOutcome.NotYours(posted);
            }
            if (at.isAfter(posted.expiresAt())) {
                return new AnswerOutcome.Expired(posted);
            }
            boolean correct = choice == posted.question().answer();
            int streak = posted.mode() == Mode.DAILY && correct ? dailyStreak(answers, postedId, who) : 0;
            Scoring.Score score = Scoring.score(scoring, posted.mode(), correct, posted.postedAt(), at, streak);
            if (!answers.record(new PostedAnswers.Answer(postedId, who, choice, correct, score.points(), score.streak(),
                    at))) {
                return new AnswerOutcome.AlreadyAnswered(posted, answers.recordedChoice(postedId, who));
            }
            moveReviewBox(tx.reviews(), who, posted, correct, at);
            return new AnswerOutcome.Recorded(posted, choice, correct, score.points(), score.streak());
        });
    }

    /** The streak a correct answer to this daily question reaches (see {@link Scoring#streak}). */
    private static int dailyStreak(PostedAnswers answers, long postedId, MemberKey member) {
        return answers.earlierDaily(postedId, member)
                .map(earlier -> Scoring.streak(true, true, earlier.answeredCorrectly(), earlier.streak()))
                .orElseGet(() -> Scoring.streak(true, false, false, 0));
    }

    private static void moveReviewBox(ReviewBoxes reviews, MemberKey member, Posted posted, boolean correct,
                                      Instant at) {
        String questionId = posted.question().id();
        Leitner.Step step = Leitner.after(posted.mode(), correct, reviews.box(member, questionId).orElse(null), at);
        if (step instanceof Leitner.Step.Schedule schedule) {
            reviews.put(member, posted.question(), schedule.box(), schedule.dueAt());
        } else if (step instanceof Leitner.Step.Remove) {
            reviews.remove(member, questionId);
        }
    }
}
