package dev.studybot.game;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybot.config.ScoringRules;
import dev.studybot.domain.Member;
import dev.studybot.domain.MemberKey;
import dev.studybot.domain.Mode;
import dev.studybot.domain.Place;
import dev.studybot.knowledge.questions.Question;
import dev.studybot.store.PostedAnswers;
import dev.studybot.store.SqlStudyStore;
import dev.studybot.store.Stats;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules of an answer, on a real database file: who may answer, until when, once, for how much, and reviews. */
class AnswerServiceTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);
    private static final Place GENERAL = new Place("slack", "T1", "Acme", "C1", "general");
    private static final Member ANN = new Member("slack", "U1", "Ann");
    private static final Member BOB = new Member("slack", "U2", "Bob");
    /** The right choice of every question below. */
    private static final int RIGHT = 2;
    private static final int WRONG = 0;

    @TempDir
    Path dir;

    private SqlStudyStore store;
    private AnswerService answers;

    @BeforeEach
    void open() {
        store = SqlStudyStore.open(dir.resolve("studybot.db"));
        answers = new AnswerService(store.answers(), ScoringRules.DEFAULTS);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static Question question(int n) {
        return new Question("q" + n, "fact", List.of("EC2", "Spot"), "Question " + n + "?",
                List.of("A", "B", "C", "D"), RIGHT, "aws.md", n, "Because.");
    }

    private long daily(int n, Instant at) {
        return store.post(GENERAL, null, Mode.DAILY, question(n), at, at.plus(DAY));
    }

    private long owned(Member owner, Mode mode, int n) {
        return store.post(GENERAL, owner, mode, question(n), T0, T0.plus(DAY));
    }

    private AnswerOutcome.Recorded recorded(AnswerOutcome outcome) {
        return assertInstanceOf(AnswerOutcome.Recorded.class, outcome);
    }

    private Optional<Integer> box(Member member, int n) {
        return store.answers().inTransaction(tx -> tx.reviews().box(member.key(), question(n).id()));
    }

    @Test
    void onlyTheOwnerMayAnswerAPracticeQuestionAnyoneADailyOne() {
        long practice = owned(ANN, Mode.PRACTICE, 1);
        assertInstanceOf(AnswerOutcome.NotYours.class, answers.answer(practice, BOB, GENERAL, RIGHT, T0));
        // The same user id on another platform is another member.
        assertInstanceOf(AnswerOutcome.NotYours.class,
                answers.answer(practice, new Member("discord", "U1", "Ann"), GENERAL, RIGHT, T0));
        recorded(answers.answer(practice, ANN, GENERAL, RIGHT, T0));

        long daily = daily(2, T0);
        recorded(answers.answer(daily, ANN, GENERAL, RIGHT, T0));
        recorded(answers.answer(daily, BOB, GENERAL, RIGHT, T0));
    }

    @Test
    void answersCountUntilTheQuestionClosesAndNotAMomentLater() {
        long daily = daily(1, T0);
        assertInstanceOf(AnswerOutcome.Expired.class,
                answers.answer(daily, ANN, GENERAL, RIGHT, T0.plus(DAY).plusMillis(1)));
        recorded(answers.answer(daily, BOB, GENERAL, RIGHT, T0.plus(DAY)));
        assertEquals(0, store.stats(GENERAL, ANN.key(), T0.plus(DAY)).answered());
    }

    @Test
    void aSecondAnswerChangesNothingAndTellsTheFirstChoice() {
        long daily = daily(1, T0);
        assertEquals(13, recorded(answers.answer(daily, ANN, GENERAL, RIGHT, T0)).points());
        AnswerOutcome.AlreadyAnswered again = assertInstanceOf(AnswerOutcome.AlreadyAnswered.class,
                answers.answer(daily, ANN, GENERAL, WRONG, T0.plusSeconds(1)));
        assertEquals(RIGHT, again.previousChoice());
        Stats stats = store.stats(GENERAL, ANN.key(), T0.plusSeconds(2));
        assertEquals(1, stats.answered());
        assertEquals(13, stats.dailyPoints());
        assertTrue(box(ANN, 1).isEmpty(), "the wrong second press scheduled no review");
    }

    @Test
    void unknownQuestionsAndChoicesChangeNothingButNamesAreKept() {
        assertInstanceOf(AnswerOutcome.Unknown.class, answers.answer(404, ANN, GENERAL, RIGHT, T0));
        long daily = daily(1, T0);
        assertEquals(4, assertInstanceOf(AnswerOutcome.NoSuchChoice.class,
                answers.answer(daily, ANN, GENERAL, 4, T0)).choice());
        assertInstanceOf(AnswerOutcome.NoSuchChoice.class, answers.answer(daily, ANN, GENERAL, -1, T0));
        answers.answer(daily, new Member("slack", "U1", "Annie"), GENERAL, 4, T0);
        assertEquals(Optional.of(new Member("slack", "U1", "Annie")), store.findMember("slack", "U1"));
        assertEquals(0, store.stats(GENERAL, ANN.key(), T0).answered());
    }

    @Test
    void dailyPointsHaveAnEarlyBonusAndAStreakThatASkippedDayBreaks() {
        assertEquals(13, recorded(answers.answer(daily(0, T0), ANN, GENERAL, RIGHT, T0.plusSeconds(60))).points());
        AnswerOutcome.Recorded second = recorded(answers.answer(daily(1, T0.plus(DAY)), ANN, GENERAL, RIGHT,
                T0.plus(DAY).plus(Duration.ofMinutes(61))));
        assertEquals(2, second.streak());
        assertEquals(10 + 2, second.points(), "late: no early bonus, streak bonus 2");
        daily(2, T0.plus(DAY.multipliedBy(2))); // skipped
        AnswerOutcome.Recorded afterSkip = recorded(answers.answer(daily(3, T0.plus(DAY.multipliedBy(3))), ANN,
                GENERAL, RIGHT, T0.plus(DAY.multipliedBy(3))));
        assertEquals(1, afterSkip.streak());
        AnswerOutcome.Recorded wrong = recorded(answers.answer(daily(4, T0.plus(DAY.multipliedBy(4))), ANN, GENERAL,
                WRONG, T0.plus(DAY.multipliedBy(4))));
        assertEquals(0, wrong.points());
        assertEquals(0, wrong.streak());

        long practice = owned(ANN, Mode.PRACTICE, 9);
        AnswerOutcome.Recorded p = recorded(answers.answer(practice, ANN, GENERAL, RIGHT, T0));
        assertEquals(1, p.points());
        assertEquals(0, p.streak());
        Stats stats = store.stats(GENERAL, ANN.key(), T0.plus(DAY.multipliedBy(5)));
        assertEquals(13 + 12 + 13, stats.dailyPoints());
        assertEquals(1, stats.practicePoints());
    }

    @Test
    void theScoringRulesGivenAreTheOnesApplied() {
        AnswerService generous = new AnswerService(store.answers(), new ScoringRules(20, 5, 10, 3, 2, 4));
        assertEquals(25, recorded(generous.answer(daily(0, T0), ANN, GENERAL, RIGHT, T0.plusSeconds(60))).points());
        assertEquals(4, recorded(generous.answer(owned(ANN, Mode.PRACTICE, 1), ANN, GENERAL, RIGHT, T0)).points());
    }

    @Test
    void wrongAnswersGoToTheFirstBoxAndRightReviewsMoveThemUpAndOff() {
        recorded(answers.answer(owned(ANN, Mode.PRACTICE, 1), ANN, GENERAL, WRONG, T0));
        assertEquals(Optional.of(1), box(ANN, 1));
        assertEquals(Optional.of(question(1)), store.nextReview(ANN, T0));

        for (int expected = 2; expected <= 5; expected++) {
            recorded(answers.answer(owned(ANN, Mode.REVIEW, 1), ANN, GENERAL, RIGHT, T0));
            assertEquals(Optional.of(expected), box(ANN, 1));
        }
        assertTrue(store.nextReview(ANN, T0.plus(Duration.ofDays(13))).isEmpty(), "box 5 is due after 14 days");
        recorded(answers.answer(owned(ANN, Mode.REVIEW, 1), ANN, GENERAL, RIGHT, T0));
        assertTrue(box(ANN, 1).isEmpty(), "learnt: off the schedule");

        // A right daily or practice answer leaves the schedule alone; a wrong one puts it back in box 1.
        recorded(answers.answer(owned(ANN, Mode.PRACTICE, 2), ANN, GENERAL, RIGHT, T0));
        assertTrue(box(ANN, 2).isEmpty());
        recorded(answers.answer(owned(ANN, Mode.PRACTICE, 3), ANN, GENERAL, WRONG, T0));
        recorded(answers.answer(owned(ANN, Mode.REVIEW, 3), ANN, GENERAL, RIGHT, T0));
        recorded(answers.answer(owned(ANN, Mode.REVIEW, 3), ANN, GENERAL, WRONG, T0));
        assertEquals(Optional.of(1), box(ANN, 3));
    }

    @Test
    void anAnswerThatFailsHalfWayLeavesNothingBehind() {
        long daily = daily(1, T0);
        MemberKey ann = ANN.key();
        assertThrows(IllegalStateException.class, () -> store.answers().inTransaction(tx -> {
            tx.answers().keepNames(ANN, GENERAL);
            tx.answers().record(new PostedAnswers.Answer(daily, ann, RIGHT, true, 13, 1, T0));
            throw new IllegalStateException("the rules failed after the answer was written");
        }));
        assertTrue(store.findMember("slack", "U1").isEmpty(), "rolled back, member and all");
        assertEquals(13, recorded(answers.answer(daily, ANN, GENERAL, RIGHT, T0)).points());
    }
}
