package dev.studybot.store;

import static dev.studybot.store.StoreFixtures.answer;
import dev.studybot.config.DatabaseLocation;
import dev.studybot.domain.Member;
import dev.studybot.domain.Mode;
import static dev.studybot.store.StoreFixtures.ANN;
import static dev.studybot.store.StoreFixtures.BOB;
import static dev.studybot.store.StoreFixtures.CAT;
import static dev.studybot.store.StoreFixtures.GENERAL;
import static dev.studybot.store.StoreFixtures.RANDOM;
import static dev.studybot.store.StoreFixtures.T0;
import static dev.studybot.store.StoreFixtures.postDaily;
import static dev.studybot.store.StoreFixtures.question;
import static dev.studybot.store.StoreFixtures.right;
import static dev.studybot.store.StoreFixtures.wrong;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybot.itemanalysis.ReportReason;
import dev.studybot.knowledge.questions.Question;
import dev.studybot.store.QuestionFeedbackStore.FlaggedQuestion;
import dev.studybot.store.QuestionFeedbackStore.ReportOutcome;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(StoreEngine.class)
class QuestionFeedbackStoreTest {

    @Parameter
    StoreEngine engine;

    private DatabaseLocation database;


    @TempDir
    Path dir;

    SqlStudyStore store;
    QuestionFeedbackStore feedback;

    @BeforeEach
    void open() {
        database = engine.freshDatabase(dir);
        store = engine.open(database);
        feedback = store.questionFeedback();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aMemberReportsAQuestionOnceAndTwoMembersRetireIt() {
        long posted = postDaily(store, GENERAL, 1, T0);

        ReportOutcome first = feedback.report(posted, ANN, ReportReason.WRONG_ANSWER, T0);
        ReportOutcome again = feedback.report(posted, ANN, ReportReason.UNCLEAR, T0.plusSeconds(5));

        assertTrue(assertInstanceOf(ReportOutcome.Recorded.class, first).retiredBecause().isEmpty());
        assertEquals(ReportReason.WRONG_ANSWER, assertInstanceOf(ReportOutcome.AlreadyReported.class, again).earlier());
        assertFalse(feedback.retired().contains("q1"), "one member's report (twice) is not enough");

        ReportOutcome second = feedback.report(posted, BOB, ReportReason.UNCLEAR, T0.plusSeconds(9));

        assertEquals("reported by 2 members (wrong answer, unclear)",
                assertInstanceOf(ReportOutcome.Recorded.class, second).retiredBecause().orElseThrow());
        assertEquals(java.util.Set.of("q1"), feedback.retired());
    }

    @Test
    void reportsOnDifferentPostsOfTheSameQuestionAddUp() {
        Question q = question(2);
        long practice = store.post(RANDOM, ANN, Mode.PRACTICE, q, T0, T0.plus(Duration.ofHours(1)));
        long daily = store.post(GENERAL, null, Mode.DAILY, q, T0, T0.plus(Duration.ofHours(1)));

        feedback.report(practice, ANN, ReportReason.NOT_USEFUL, T0);
        feedback.report(daily, CAT, ReportReason.NOT_USEFUL, T0);

        assertEquals(java.util.Set.of("q2"), feedback.retired());
    }

    @Test
    void aReportOnAQuestionNeverPostedChangesNothing() {
        assertInstanceOf(ReportOutcome.Unknown.class, feedback.report(404, ANN, ReportReason.UNCLEAR, T0));
        assertTrue(feedback.flagged(10).isEmpty());
    }

    @Test
    void retirementOutlivesARestart() {
        long posted = postDaily(store, GENERAL, 3, T0);
        feedback.report(posted, ANN, ReportReason.UNCLEAR, T0);
        feedback.report(posted, BOB, ReportReason.UNCLEAR, T0);
        store.close();

        store = engine.open(database);

        assertEquals(java.util.Set.of("q3"), store.questionFeedback().retired());
    }

    /** Ten members: the five who get every other question right pick a wrong choice here, the five others do not. */
    private void misleadingQuestionAnsweredBy(int members) {
        long target = postDaily(store, GENERAL, 50, T0);
        for (int m = 0; m < members; m++) {
            Member member = new Member("slack", "M" + m, "Member " + m);
            boolean strong = m % 2 == 0;
            for (int other = 0; other < 4; other++) {
                long posted = postDaily(store, GENERAL, 100 + m * 10 + other, T0);
                Question q = question(100 + m * 10 + other);
                answer(store, posted, member, GENERAL, strong ? right(q) : wrong(q), T0.plusSeconds(1));
            }
            Question q = question(50);
            answer(store, target, member, GENERAL, strong ? wrong(q) : right(q), T0.plusSeconds(2));
        }
    }

    @Test
    void aQuestionTheStrongGetWrongIsRetiredOnceTenAnswersBackIt() {
        misleadingQuestionAnsweredBy(9);

        assertTrue(feedback.reviewAnswers("q50", T0.plusSeconds(3)).isEmpty(), "nine answers are too few to judge");

        Member tenth = new Member("slack", "M9", "Member 9");
        long posted = postDaily(store, GENERAL, 190, T0);
        answer(store, posted, tenth, GENERAL, wrong(question(190)), T0.plusSeconds(1));
        answer(store, store.post(GENERAL, null, Mode.DAILY, question(50), T0, T0.plus(Duration.ofDays(1))), tenth,
                GENERAL, right(question(50)), T0.plusSeconds(2));

        String why = feedback.reviewAnswers("q50", T0.plusSeconds(3)).orElseThrow();

        assertTrue(why.startsWith("negative discrimination (-"), why);
        assertTrue(feedback.retired().contains("q50"));
    }

    @Test
    void aQuestionTheStrongGetRightStaysInService() {
        for (int m = 0; m < 12; m++) {
            Member member = new Member("slack", "M" + m, "Member " + m);
            boolean strong = m % 2 == 0;
            long other = postDaily(store, GENERAL, 200 + m, T0);
            answer(store, other, member, GENERAL, strong ? right(question(200 + m)) : wrong(question(200 + m)), T0);
            long target = postDaily(store, GENERAL, 60, T0);
            answer(store, target, member, GENERAL, strong ? right(question(60)) : wrong(question(60)), T0);
        }

        assertTrue(feedback.reviewAnswers("q60", T0).isEmpty());
        assertTrue(feedback.question("q60").orElseThrow().analysis().discrimination().getAsDouble() > 0.9);
    }

    @Test
    void flaggedListsRetiredQuestionsFirstThenReportedOnesWithTheirAnswers() {
        long once = postDaily(store, GENERAL, 4, T0);
        long twice = postDaily(store, GENERAL, 5, T0);
        answer(store, once, CAT, GENERAL, wrong(question(4)), T0);
        answer(store, once, BOB, GENERAL, right(question(4)), T0);
        feedback.report(once, ANN, ReportReason.WRONG_ANSWER, T0.plusSeconds(60));
        feedback.report(twice, ANN, ReportReason.UNCLEAR, T0);
        feedback.report(twice, BOB, ReportReason.UNCLEAR, T0);

        List<FlaggedQuestion> flagged = feedback.flagged(10);

        assertEquals(List.of("q5", "q4"), flagged.stream().map(FlaggedQuestion::questionId).toList());
        assertTrue(flagged.get(0).retiredBecause().isPresent());
        FlaggedQuestion reported = flagged.get(1);
        assertTrue(reported.retiredBecause().isEmpty());
        assertEquals(List.of(ReportReason.WRONG_ANSWER), reported.reports());
        assertEquals(question(4).prompt(), reported.prompt());
        assertEquals(2, reported.analysis().answered());
        assertEquals(Map.entry(question(4).choices().get(wrong(question(4))), 1),
                reported.analysis().mostPickedWrong().orElseThrow());
        assertEquals(1, feedback.flagged(1).size());
    }

    @Test
    void aRestoredQuestionIsBackForGoodAndFurtherReportsDoNotRetireIt() {
        long posted = postDaily(store, GENERAL, 6, T0);
        feedback.report(posted, ANN, ReportReason.UNCLEAR, T0);
        feedback.report(posted, BOB, ReportReason.UNCLEAR, T0);

        FlaggedQuestion restored = feedback.restore("q6", T0.plusSeconds(60)).orElseThrow();
        ReportOutcome third = feedback.report(posted, CAT, ReportReason.WRONG_ANSWER, T0.plusSeconds(120));

        assertTrue(restored.restored());
        assertFalse(feedback.retired().contains("q6"));
        assertTrue(assertInstanceOf(ReportOutcome.Recorded.class, third).retiredBecause().isEmpty());
        assertFalse(feedback.retired().contains("q6"));
        assertTrue(feedback.restore("q6", T0).isEmpty(), "restoring what is in service changes nothing");
        assertTrue(feedback.restore("nope", T0).isEmpty());
    }

    static {
        // Keep the fixture's clock in one place: every test starts at T0.
        assertEquals(Instant.parse("2026-03-02T09:00:00Z"), T0);
    }
}
