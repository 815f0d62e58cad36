package dev.studybot.store;

import dev.studybot.config.DatabaseLocation;
import dev.studybot.domain.MemberKey;
import dev.studybot.game.AnswerOutcome;
import static dev.studybot.store.StoreFixtures.answer;
import dev.studybot.domain.Member;
import dev.studybot.domain.Place;
import dev.studybot.domain.Mode;
import dev.studybot.domain.Period;
import dev.studybot.domain.Scope;
import static dev.studybot.store.StoreFixtures.ANN;
import static dev.studybot.store.StoreFixtures.BOB;
import static dev.studybot.store.StoreFixtures.CAT;
import static dev.studybot.store.StoreFixtures.DAY;
import static dev.studybot.store.StoreFixtures.GENERAL;
import static dev.studybot.store.StoreFixtures.RANDOM;
import static dev.studybot.store.StoreFixtures.T0;
import static dev.studybot.store.StoreFixtures.postDaily;
import static dev.studybot.store.StoreFixtures.question;
import static dev.studybot.store.StoreFixtures.right;
import static dev.studybot.store.StoreFixtures.wrong;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybot.knowledge.questions.Question;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(StoreEngine.class)
class SqlStudyStoreTest {

    @Parameter
    StoreEngine engine;

    private DatabaseLocation database;


    @TempDir
    Path dir;

    SqlStudyStore store;

    @BeforeEach
    void open() {
        database = engine.freshDatabase(dir);
        store = engine.open(database);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private AnswerOutcome.Recorded recorded(AnswerOutcome outcome) {
        return assertInstanceOf(AnswerOutcome.Recorded.class, outcome);
    }

    private int points(Member member, Place place, Scope scope, Period period, Instant now) {
        Leaderboard board = store.leaderboard(place, scope, period, member.key(), 100, now);
        return board.top().stream().filter(r -> r.userId().equals(member.userId()))
                .mapToInt(Leaderboard.Row::points).findFirst().orElse(0);
    }

    @Test
    void postedQuestionsAreStoredWhole() {
        Question q = new Question("abc123", "term", List.of("IAM", "Roles", "Trust"), "Which term is \"quoted\" ›?",
                List.of("one", "two, three", "[four]", "fünf"), 2, "notes/iam.md", 42, "Line one\nline two");
        long id = store.post(GENERAL, ANN, Mode.PRACTICE, q, T0, T0.plus(DAY));
        Posted posted = store.posted(id).orElseThrow();
        assertEquals(new Posted(id, Mode.PRACTICE, q, "slack", "T1", "C1", "U1", T0, T0.plus(DAY)), posted);
        assertTrue(store.posted(id + 100).isEmpty());
    }

    @Test
    void earlyBonusAndStreakGrowthUpToTheCap() {
        int[] expected = {13, 15, 17, 19, 21, 23, 23, 23};
        for (int day = 0; day < expected.length; day++) {
            Instant at = T0.plus(DAY.multipliedBy(day));
            long id = postDaily(store, GENERAL, day, at);
            AnswerOutcome.Recorded r = recorded(answer(store, id, ANN, GENERAL, right(question(day)), at.plusSeconds(600)));
            assertEquals(expected[day], r.points(), "day " + day);
            assertEquals(day + 1, r.streak());
            assertTrue(r.correct());
        }
        // Late: no early bonus, streak 9 still capped.
        Instant at = T0.plus(DAY.multipliedBy(8));
        long id = postDaily(store, GENERAL, 8, at);
        assertEquals(20, recorded(answer(store, id, ANN, GENERAL, right(question(8)), at.plus(Duration.ofMinutes(61)))).points());
        Stats stats = store.stats(GENERAL, ANN.key(), at.plus(Duration.ofHours(2)));
        assertEquals(9, stats.currentStreak());
        assertEquals(9, stats.bestStreak());
        assertEquals(13 + 15 + 17 + 19 + 21 + 23 + 23 + 23 + 20, stats.dailyPoints());
    }

    @Test
    void wrongAnswerResetsAndSkippingBreaksTheStreak() {
        long q0 = postDaily(store, GENERAL, 0, T0);
        long q1 = postDaily(store, GENERAL, 1, T0.plus(DAY));
        long q2 = postDaily(store, GENERAL, 2, T0.plus(DAY.multipliedBy(2)));
        long q3 = postDaily(store, GENERAL, 3, T0.plus(DAY.multipliedBy(3)));
        long q4 = postDaily(store, GENERAL, 4, T0.plus(DAY.multipliedBy(4)));
        long q5 = postDaily(store, GENERAL, 5, T0.plus(DAY.multipliedBy(5)));
        // A daily question in another channel does not count for this channel's streak.
        long other = postDaily(store, RANDOM, 6, T0.plus(DAY.multipliedBy(2)).plusSeconds(60));

        assertEquals(1, recorded(answer(store, q0, ANN, GENERAL, right(question(0)), T0.plusSeconds(5))).streak());
        assertEquals(2, recorded(answer(store, q1, ANN, GENERAL, right(question(1)), T0.plus(DAY).plusSeconds(5))).streak());
        AnswerOutcome.Recorded wrongOne = recorded(answer(store, q2, ANN, GENERAL, wrong(question(2)),
                T0.plus(DAY.multipliedBy(2)).plusSeconds(5)));
        assertEquals(0, wrongOne.points());
        assertEquals(0, wrongOne.streak());
        assertEquals(0, store.stats(GENERAL, ANN.key(), T0.plus(DAY.multipliedBy(2)).plusSeconds(10)).currentStreak());
        assertEquals(1, recorded(answer(store, other, ANN, RANDOM, right(question(6)),
                T0.plus(DAY.multipliedBy(2)).plusSeconds(100))).streak());
        AnswerOutcome.Recorded restart = recorded(answer(store, q3, ANN, GENERAL, right(question(3)),
                T0.plus(DAY.multipliedBy(3)).plusSeconds(5)));
        assertEquals(1, restart.streak());
        assertEquals(13, restart.points());
        // q4 left unanswered: q5 starts again at 1.
        assertEquals(1, recorded(answer(store, q5, ANN, GENERAL, right(question(5)),
                T0.plus(DAY.multipliedBy(5)).plusSeconds(5))).streak());

        Stats stats = store.stats(GENERAL, ANN.key(), T0.plus(DAY.multipliedBy(5)).plusSeconds(10));
        assertEquals(1, stats.currentStreak());
        assertEquals(2, stats.bestStreak());
        // The next daily question closes unanswered: the current streak is gone.
        postDaily(store, GENERAL, 7, T0.plus(DAY.multipliedBy(6)));
        assertEquals(1, store.stats(GENERAL, ANN.key(), T0.plus(DAY.multipliedBy(6)).plusSeconds(10)).currentStreak());
        assertEquals(0, store.stats(GENERAL, ANN.key(), T0.plus(DAY.multipliedBy(7)).plusSeconds(10)).currentStreak());
        assertTrue(q4 > 0);
    }

    @Test
    void practiceAndReviewScoreSeparately() {
        long daily = postDaily(store, GENERAL, 0, T0);
        long practice = store.post(GENERAL, ANN, Mode.PRACTICE, question(1), T0, T0.plus(DAY));
        long practiceWrong = store.post(GENERAL, ANN, Mode.PRACTICE, question(2), T0, T0.plus(DAY));
        long review = store.post(GENERAL, ANN, Mode.REVIEW, question(3), T0, T0.plus(DAY));
        assertEquals(13, recorded(answer(store, daily, ANN, GENERAL, right(question(0)), T0)).points());
        AnswerOutcome.Recorded p = recorded(answer(store, practice, ANN, GENERAL, right(question(1)), T0));
        assertEquals(1, p.points());
        assertEquals(0, p.streak());
        assertEquals(0, recorded(answer(store, practiceWrong, ANN, GENERAL, wrong(question(2)), T0)).points());
        assertEquals(1, recorded(answer(store, review, ANN, GENERAL, right(question(3)), T0)).points());

        Leaderboard board = store.leaderboard(GENERAL, Scope.GROUP, Period.ALL, ANN.key(), 10, T0);
        assertEquals(new Leaderboard.Row(1, "U1", "Ann", 15, 13, 2, 4, 3), board.top().get(0));
        Stats stats = store.stats(GENERAL, ANN.key(), T0);
        assertEquals(13, stats.dailyPoints());
        assertEquals(2, stats.practicePoints());
        assertEquals(4, stats.answered());
        assertEquals(3, stats.correct());
        assertEquals(1, stats.currentStreak()); // practice does not touch the daily streak
        assertEquals(1, stats.reviewsDue()); // the wrong practice answer
    }

    @Test
    void doublePressIsAlreadyAnsweredAndChangesNothing() {
        long id = postDaily(store, GENERAL, 0, T0);
        recorded(answer(store, id, ANN, GENERAL, right(question(0)), T0.plusSeconds(1)));
        AnswerOutcome again = answer(store, id, ANN, GENERAL, wrong(question(0)), T0.plusSeconds(2));
        AnswerOutcome.AlreadyAnswered already = assertInstanceOf(AnswerOutcome.AlreadyAnswered.class, again);
        assertEquals(right(question(0)), already.previousChoice());
        assertEquals(id, already.posted().id());
        assertEquals(13, points(ANN, GENERAL, Scope.GROUP, Period.ALL, T0));
        assertEquals(1, store.stats(GENERAL, ANN.key(), T0).answered());
        assertTrue(store.nextReview(ANN, T0.plus(DAY)).isEmpty()); // the wrong second press scheduled nothing
    }

    @Test
    void expiredNotYoursAndUnknown() {
        long daily = postDaily(store, GENERAL, 0, T0);
        AnswerOutcome late = answer(store, daily, ANN, GENERAL, right(question(0)), T0.plus(DAY).plusMillis(1));
        assertEquals(daily, assertInstanceOf(AnswerOutcome.Expired.class, late).posted().id());
        recorded(answer(store, daily, BOB, GENERAL, right(question(0)), T0.plus(DAY))); // the last moment counts

        long practice = store.post(GENERAL, ANN, Mode.PRACTICE, question(1), T0, T0.plus(DAY));
        assertInstanceOf(AnswerOutcome.NotYours.class, answer(store, practice, BOB, GENERAL, right(question(1)), T0));
        // The same user id on another platform is another member.
        assertInstanceOf(AnswerOutcome.NotYours.class, answer(store, practice,
                new Member("discord", "U1", "Ann"), GENERAL, right(question(1)), T0));
        recorded(answer(store, practice, ANN, GENERAL, right(question(1)), T0));

        assertInstanceOf(AnswerOutcome.Unknown.class, answer(store, 9999, ANN, GENERAL, 0, T0));
        assertEquals(4, assertInstanceOf(AnswerOutcome.NoSuchChoice.class, answer(store, daily, CAT, GENERAL, 4, T0)).choice());
        assertInstanceOf(AnswerOutcome.NoSuchChoice.class, answer(store, daily, CAT, GENERAL, -1, T0));
        assertEquals(1, points(ANN, GENERAL, Scope.GROUP, Period.ALL, T0));
        assertEquals(10, points(BOB, GENERAL, Scope.GROUP, Period.ALL, T0));
    }

    @Test
    void leaderboardTiesShareRanksAndTheCallerOutsideTheTopGetsARow() {
        // 13 members: points 13 for m00..m02 (early), 10 for m03..m04 (late), wrong for the rest.
        long id = postDaily(store, GENERAL, 0, T0);
        for (int i = 12; i >= 0; i--) {
            Member m = new Member("slack", "m" + String.format("%02d", i), "Member " + (char) ('M' - i));
            int choice = i < 5 ? right(question(0)) : wrong(question(0));
            Instant at = i < 3 ? T0.plusSeconds(10) : T0.plus(Duration.ofHours(2));
            recorded(answer(store, id, m, GENERAL, choice, at));
        }
        Leaderboard board = store.leaderboard(GENERAL, Scope.GROUP, Period.ALL,
                new MemberKey("slack", "m12"), 10, T0.plus(DAY));
        assertEquals(13, board.players());
        assertEquals(10, board.top().size());
        assertEquals(List.of(1, 1, 1, 4, 4, 6, 6, 6, 6, 6), board.top().stream().map(Leaderboard.Row::rank).toList());
        // Ties ordered by display name: "Member K" (m02) before "Member L" (m01) before "Member M" (m00).
        assertEquals(List.of("m02", "m01", "m00", "m04", "m03"),
                board.top().subList(0, 5).stream().map(Leaderboard.Row::userId).toList());
        // m12 is "Member A": first by name among the zeros, so inside the top 10; m05 ("Member H") is not.
        assertNull(board.caller());
        Leaderboard outside = store.leaderboard(GENERAL, Scope.GROUP, Period.ALL,
                new MemberKey("slack", "m05"), 10, T0.plus(DAY));
        assertNotNull(outside.caller());
        assertEquals(new Leaderboard.Row(6, "m05", "Member H", 0, 0, 0, 1, 0), outside.caller());
        Leaderboard top3 = store.leaderboard(GENERAL, Scope.GROUP, Period.ALL,
                new MemberKey("slack", "m03"), 3, T0.plus(DAY));
        assertEquals(4, top3.caller().rank());
        assertEquals(10, top3.caller().points());
        // A caller with no entry, and a group nobody has seen.
        assertNull(store.leaderboard(GENERAL, Scope.GROUP, Period.ALL, new MemberKey("slack", "nobody"), 3, T0)
                .caller());
        Leaderboard none = store.leaderboard(new Place("slack", "T9", "x", "C9", "y"), Scope.CHANNEL, Period.WEEK,
                new MemberKey("slack", "m00"), 10, T0);
        assertEquals(0, none.players());
        assertTrue(none.top().isEmpty());
    }

    @Test
    void channelAndGroupScopes() {
        long a = postDaily(store, GENERAL, 0, T0);
        long b = postDaily(store, RANDOM, 1, T0);
        recorded(answer(store, a, ANN, GENERAL, right(question(0)), T0));
        recorded(answer(store, b, BOB, RANDOM, right(question(1)), T0.plus(Duration.ofHours(3))));
        assertEquals(13, points(ANN, GENERAL, Scope.CHANNEL, Period.ALL, T0));
        assertEquals(0, points(BOB, GENERAL, Scope.CHANNEL, Period.ALL, T0));
        assertEquals(10, points(BOB, RANDOM, Scope.CHANNEL, Period.WEEK, T0));
        assertEquals(10, points(BOB, GENERAL, Scope.GROUP, Period.MONTH, T0));
        assertEquals(2, store.leaderboard(RANDOM, Scope.GROUP, Period.ALL, null, 10, T0).players());
        assertEquals(1, store.leaderboard(RANDOM, Scope.CHANNEL, Period.ALL, null, 10, T0).players());
    }

    @Test
    void weeksAndMonthsFollowTheGroupTimeZone() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        assertEquals(ZoneId.of("UTC"), store.timeZone(GENERAL.group()));
        store.setTimeZone(GENERAL.group(), berlin);
        assertEquals(berlin, store.timeZone(GENERAL.group()));

        // Sunday 2026-03-01 23:30 in Berlin = 22:30 UTC (week 9 both ways); Monday 00:30 Berlin = Sunday
        // 23:30 UTC (week 10 in Berlin, week 9 in UTC). Month: 2026-03-31 23:30 UTC is April 1st in Berlin.
        Instant sunday = Instant.parse("2026-03-01T22:30:00Z");
        Instant monday = Instant.parse("2026-03-01T23:30:00Z");
        long q1 = store.post(GENERAL, null, Mode.DAILY, question(1), sunday.minusSeconds(600), sunday.plus(DAY));
        recorded(answer(store, q1, ANN, GENERAL, right(question(1)), sunday)); // 13, week 9
        recorded(answer(store, q1, BOB, GENERAL, right(question(1)), monday)); // 10, week 10 in Berlin

        Instant sundayNight = Instant.parse("2026-03-01T22:45:00Z");
        Leaderboard week9 = store.leaderboard(GENERAL, Scope.GROUP, Period.WEEK, ANN.key(), 10, sundayNight);
        assertEquals(List.of("U1"), week9.top().stream().map(Leaderboard.Row::userId).toList());
        // "Now" Sunday 23:45 UTC is Monday in Berlin: week 10 has Bob only.
        Leaderboard week10 = store.leaderboard(GENERAL, Scope.CHANNEL, Period.WEEK, ANN.key(), 10,
                Instant.parse("2026-03-01T23:45:00Z"));
        assertEquals(List.of("U2"), week10.top().stream().map(Leaderboard.Row::userId).toList());
        assertNull(week10.caller()); // Ann has no points this week

        Instant lastOfMarch = Instant.parse("2026-03-31T23:30:00Z");
        long q2 = store.post(GENERAL, null, Mode.DAILY, question(2), lastOfMarch, lastOfMarch.plus(DAY));
        recorded(answer(store, q2, CAT, GENERAL, right(question(2)), lastOfMarch));
        assertEquals(List.of("U3"), store.leaderboard(GENERAL, Scope.GROUP, Period.MONTH, null, 10, lastOfMarch)
                .top().stream().map(Leaderboard.Row::userId).toList());
        assertEquals(2, store.leaderboard(GENERAL, Scope.GROUP, Period.MONTH, null, 10,
                Instant.parse("2026-03-31T21:00:00Z")).players());

        // Back to UTC: the week and month totals are recomputed in UTC.
        store.setTimeZone(GENERAL.group(), ZoneOffset.UTC);
        Leaderboard utcWeek9 = store.leaderboard(GENERAL, Scope.GROUP, Period.WEEK, null, 10, sundayNight);
        assertEquals(List.of("U1", "U2"), utcWeek9.top().stream().map(Leaderboard.Row::userId).toList());
        assertEquals(3, store.leaderboard(GENERAL, Scope.GROUP, Period.MONTH, null, 10, lastOfMarch).players());
    }

    @Test
    void leitnerProgressionThroughReviews() {
        long practice = store.post(GENERAL, ANN, Mode.PRACTICE, question(1), T0, T0.plus(DAY));
        recorded(answer(store, practice, ANN, GENERAL, wrong(question(1)), T0));
        assertEquals(Optional.of(question(1)), store.nextReview(ANN, T0));
        assertTrue(store.nextReview(BOB, T0).isEmpty());
        assertTrue(store.nextReview(ANN, T0.minusSeconds(1)).isEmpty());

        Instant now = T0;
        int[] days = {1, 3, 7, 14};
        for (int step = 0; step < days.length; step++) {
            long review = store.post(GENERAL, ANN, Mode.REVIEW, store.nextReview(ANN, now).orElseThrow(), now, now.plus(DAY));
            recorded(answer(store, review, ANN, GENERAL, right(question(1)), now));
            assertTrue(store.nextReview(ANN, now.plus(Duration.ofDays(days[step])).minusSeconds(1)).isEmpty(), "step " + step);
            now = now.plus(Duration.ofDays(days[step]));
            assertEquals(Optional.of(question(1)), store.nextReview(ANN, now), "step " + step);
            assertEquals(1, store.stats(GENERAL, ANN.key(), now).reviewsDue());
        }
        // Box 5 answered wrong: back to box 1, due at once.
        long review = store.post(GENERAL, ANN, Mode.REVIEW, question(1), now, now.plus(DAY));
        recorded(answer(store, review, ANN, GENERAL, wrong(question(1)), now));
        assertEquals(Optional.of(question(1)), store.nextReview(ANN, now));
        // Then right five times in a row: boxes 2, 3, 4, 5, and off the schedule.
        for (int step = 0; step <= days.length; step++) {
            long again = store.post(GENERAL, ANN, Mode.REVIEW, question(1), now, now.plus(DAY));
            recorded(answer(store, again, ANN, GENERAL, right(question(1)), now));
            now = now.plus(Duration.ofDays(step < days.length ? days[step] : 30));
        }
        assertTrue(store.nextReview(ANN, now.plus(Duration.ofDays(365))).isEmpty());
        assertEquals(0, store.stats(GENERAL, ANN.key(), now).reviewsDue());
    }

    @Test
    void statsWeakestTopics() {
        String[][] topics = {{"EC2", "Spot", "Fleets"}, {"EC2", "Spot"}, {"S3", "Classes"}, {"S3", "Classes", "IA"},
                {"IAM", "Roles"}, {"IAM", "Roles"}, {"VPC", "NACL"}, {"VPC", "NACL"}, {"KMS"}};
        boolean[] correct = {true, false, false, false, true, true, true, false, false};
        for (int i = 0; i < topics.length; i++) {
            Question q = question(i, topics[i]);
            long id = store.post(GENERAL, ANN, Mode.PRACTICE, q, T0, T0.plus(DAY));
            recorded(answer(store, id, ANN, GENERAL, correct[i] ? right(q) : wrong(q), T0));
        }
        Stats stats = store.stats(GENERAL, ANN.key(), T0);
        assertEquals("Ann", stats.displayName());
        assertEquals(List.of(new Stats.TopicAccuracy("S3 › Classes", 2, 0),
                new Stats.TopicAccuracy("EC2 › Spot", 2, 1),
                new Stats.TopicAccuracy("VPC › NACL", 2, 1)), stats.weakestTopics());
        assertEquals(5, stats.reviewsDue());
        Stats nobody = store.stats(GENERAL, new MemberKey("slack", "U404"), T0);
        assertEquals(0, nobody.answered());
        assertTrue(nobody.weakestTopics().isEmpty());
    }

    @Test
    void namesAreUpdatedAndMembersFound() {
        long id = postDaily(store, GENERAL, 0, T0);
        answer(store, id, ANN, GENERAL, right(question(0)), T0);
        answer(store, id, new Member("slack", "U1", "Annie"), GENERAL, right(question(0)), T0);
        assertEquals(Optional.of(new Member("slack", "U1", "Annie")), store.findMember("slack", "annie"));
        assertEquals(Optional.of(new Member("slack", "U1", "Annie")), store.findMember("slack", "U1"));
        assertTrue(store.findMember("discord", "U1").isEmpty());
        assertEquals("Annie", store.leaderboard(GENERAL, Scope.GROUP, Period.ALL, null, 1, T0).top().get(0).displayName());
    }

    @Test
    void reopeningShowsTheSameLeaderboard() {
        for (int day = 0; day < 3; day++) {
            Instant at = T0.plus(DAY.multipliedBy(day));
            long id = postDaily(store, GENERAL, day, at);
            answer(store, id, ANN, GENERAL, right(question(day)), at.plusSeconds(30));
            answer(store, id, BOB, GENERAL, day == 1 ? wrong(question(day)) : right(question(day)), at.plus(Duration.ofHours(2)));
        }
        Instant now = T0.plus(DAY.multipliedBy(2)).plusSeconds(3600 * 3);
        List<Leaderboard> before = List.of(store.leaderboard(GENERAL, Scope.GROUP, Period.ALL, BOB.key(), 10, now),
                store.leaderboard(GENERAL, Scope.CHANNEL, Period.WEEK, BOB.key(), 1, now),
                store.leaderboard(GENERAL, Scope.GROUP, Period.MONTH, ANN.key(), 10, now));
        Stats stats = store.stats(GENERAL, ANN.key(), now);
        store.close();
        store = engine.open(database);
        assertEquals(before, List.of(store.leaderboard(GENERAL, Scope.GROUP, Period.ALL, BOB.key(), 10, now),
                store.leaderboard(GENERAL, Scope.CHANNEL, Period.WEEK, BOB.key(), 1, now),
                store.leaderboard(GENERAL, Scope.GROUP, Period.MONTH, ANN.key(), 10, now)));
        assertEquals(stats, store.stats(GENERAL, ANN.key(), now));
        assertEquals(13 + 15 + 17, before.get(0).top().get(0).points());
        assertEquals(2, before.get(1).caller().rank());
    }
}
