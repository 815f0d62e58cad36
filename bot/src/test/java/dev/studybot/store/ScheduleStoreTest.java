package dev.studybot.store;

import dev.studybot.config.DatabaseLocation;
import dev.studybot.domain.ChannelKey;
import dev.studybot.game.AnswerOutcome;
import static dev.studybot.store.StoreFixtures.answer;
import dev.studybot.domain.Member;
import dev.studybot.domain.Place;
import dev.studybot.domain.Mode;
import static dev.studybot.store.StoreFixtures.ANN;
import static dev.studybot.store.StoreFixtures.BOB;
import static dev.studybot.store.StoreFixtures.CAT;
import static dev.studybot.store.StoreFixtures.GENERAL;
import static dev.studybot.store.StoreFixtures.RANDOM;
import static dev.studybot.store.StoreFixtures.T0;
import static dev.studybot.store.StoreFixtures.question;
import static dev.studybot.store.StoreFixtures.right;
import static dev.studybot.store.StoreFixtures.wrong;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybot.knowledge.questions.Question;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(StoreEngine.class)
class ScheduleStoreTest {

    @Parameter
    StoreEngine engine;

    private DatabaseLocation database;


    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    private static final Place ACME_OPS = new Place("slack", "T2", "Ops Inc", "C9", "ops");

    @TempDir
    Path dir;

    @BeforeEach
    void freshDatabase() {
        database = engine.freshDatabase(dir);
    }

    // ------------------------------------------------------------------------------------------ schedules

    @Test
    void schedulesAreCreatedReplacedListedRemovedAndSurviveReopening() {
        Schedule general = new Schedule(GENERAL, LocalTime.of(9, 30), BERLIN, true, List.of("EC2", "S3 › Buckets"));
        Schedule random = new Schedule(RANDOM, LocalTime.of(17, 0), ZoneId.of("UTC"), false, List.of());
        Schedule ops = new Schedule(ACME_OPS, LocalTime.of(7, 5), ZoneId.of("America/New_York"), true, List.of("IAM"));
        try (SqlStudyStore store = engine.open(database)) {
            assertEquals(Optional.empty(), store.schedule(GENERAL.channel()));
            assertEquals(List.of(), store.schedules());
            store.saveSchedule(random);
            store.saveSchedule(ops);
            store.saveSchedule(general);
            assertEquals(Optional.of(general), store.schedule(GENERAL.channel()));
            // Stable order: platform, group, channel.
            assertEquals(List.of(general, random, ops), store.schedules());

            // Saving again replaces the schedule, and renames the group and channel.
            Place renamed = new Place("slack", "T1", "Acme Corp", "C1", "general-chat");
            Schedule replaced = new Schedule(renamed, LocalTime.of(8, 0), ZoneId.of("UTC"), false, List.of());
            store.saveSchedule(replaced);
            assertEquals(Optional.of(replaced), store.schedule(GENERAL.channel()));
            assertEquals(3, store.schedules().size());
            // The group's name is shared by its channels.
            assertEquals(new Place("slack", "T1", "Acme Corp", "C2", "random"),
                    store.schedule(RANDOM.channel()).orElseThrow().place());
        }
        try (SqlStudyStore store = engine.open(database)) {
            Place renamed = new Place("slack", "T1", "Acme Corp", "C1", "general-chat");
            assertEquals(Optional.of(new Schedule(renamed, LocalTime.of(8, 0), ZoneId.of("UTC"), false, List.of())),
                    store.schedule(GENERAL.channel()));
            assertEquals(Optional.of(ops), store.schedule(new ChannelKey("slack", "T2", "C9")));

            assertTrue(store.removeSchedule(RANDOM.channel()));
            assertFalse(store.removeSchedule(RANDOM.channel()));
            assertFalse(store.removeSchedule(new ChannelKey("slack", "T1", "nope")));
            assertFalse(store.removeSchedule(new ChannelKey("discord", "T1", "C1")));
            assertEquals(Optional.empty(), store.schedule(RANDOM.channel()));
            assertEquals(List.of("C1", "C9"), store.schedules().stream().map(s -> s.place().channelId()).toList());
        }
        try (SqlStudyStore store = engine.open(database)) {
            assertEquals(2, store.schedules().size());
        }
    }

    @Test
    void aScheduleKeepsItsTimeToTheMinute() {
        try (SqlStudyStore store = engine.open(database)) {
            store.saveSchedule(new Schedule(GENERAL, LocalTime.of(23, 59, 42, 7), BERLIN, false, List.of()));
            assertEquals(LocalTime.of(23, 59), store.schedule(GENERAL.channel()).orElseThrow().time());
        }
    }

    // ------------------------------------------------------------------------------------------ posting

    @Test
    void oneQuestionPerChannelPerDay() throws SQLException {
        Instant at = T0;
        Instant reveal = at.plus(Duration.ofHours(8));
        try (SqlStudyStore store = engine.open(database)) {
            OptionalLong first = store.postDaily(GENERAL, MONDAY, question(1), at, reveal);
            assertTrue(first.isPresent());
            // The same channel and day again: nothing, whatever the question.
            assertEquals(OptionalLong.empty(), store.postDaily(GENERAL, MONDAY, question(2), at.plusSeconds(5), reveal));
            assertEquals(OptionalLong.empty(), store.postDaily(GENERAL, MONDAY, question(1), at, reveal));
            // Another channel the same day, and the same channel another day, work.
            OptionalLong random = store.postDaily(RANDOM, MONDAY, question(3), at, reveal);
            OptionalLong tuesday = store.postDaily(GENERAL, MONDAY.plusDays(1), question(4), at.plus(StoreFixtures.DAY),
                    reveal.plus(StoreFixtures.DAY));
            assertTrue(random.isPresent());
            assertTrue(tuesday.isPresent());
            assertEquals(3, Set.of(first.getAsLong(), random.getAsLong(), tuesday.getAsLong()).size());

            // The posted question: DAILY, nobody's, closing at the reveal.
            Posted posted = store.posted(first.getAsLong()).orElseThrow();
            assertEquals(Mode.DAILY, posted.mode());
            assertNull(posted.ownerUserId());
            assertEquals(question(1), posted.question());
            assertEquals(at, posted.postedAt());
            assertEquals(reveal, posted.expiresAt());
            assertEquals("C1", posted.channelId());

            DailyPost daily = store.daily(GENERAL.channel(), MONDAY).orElseThrow();
            assertEquals(new DailyPost(first.getAsLong(), GENERAL, MONDAY, at, reveal, null), daily);
            assertEquals(Optional.empty(), store.daily(GENERAL.channel(), MONDAY.plusDays(2)));
            assertEquals(Optional.empty(), store.daily(new ChannelKey("slack", "T1", "C3"), MONDAY));

            // The refused calls left nothing behind.
            try (Connection c = engine.connect(database); Statement s = c.createStatement()) {
                assertEquals(3, count(s, "SELECT COUNT(*) FROM posted"));
                assertEquals(3, count(s, "SELECT COUNT(*) FROM daily_posts"));
            }
        }
        // And it holds across a reopen.
        try (SqlStudyStore store = engine.open(database)) {
            assertEquals(OptionalLong.empty(), store.postDaily(GENERAL, MONDAY, question(9), at, reveal));
        }
    }

    @Test
    void theSchemaItselfRefusesASecondQuestionForTheDay() throws SQLException {
        try (SqlStudyStore store = engine.open(database)) {
            long first = store.postDaily(GENERAL, MONDAY, question(1), T0, T0.plusSeconds(3600)).orElseThrow();
            long other = store.post(GENERAL, null, Mode.DAILY, question(2), T0, T0.plusSeconds(3600));
            long practice = store.post(GENERAL, ANN, Mode.PRACTICE, question(3), T0, T0.plusSeconds(3600));
            try (Connection c = engine.connect(database); Statement s = c.createStatement()) {
                long channel = count(s, "SELECT channel_ref FROM daily_posts");
                // Same channel, same day.
                SQLException sameDay = assertThrows(SQLException.class, () -> s.executeUpdate(
                        "INSERT INTO daily_posts (posted_ref, channel_ref, day, posted_at, reveal_at) VALUES ("
                                + other + ", " + channel + ", '2026-03-02', 0, 0)"));
                assertTrue(SqlRows.isUniqueViolation(sameDay), sameDay.getMessage());
                // The same posted question on two days.
                SQLException samePosted = assertThrows(SQLException.class, () -> s.executeUpdate(
                        "INSERT INTO daily_posts (posted_ref, channel_ref, day, posted_at, reveal_at) VALUES ("
                                + first + ", " + channel + ", '2026-03-03', 0, 0)"));
                assertTrue(SqlRows.isUniqueViolation(samePosted), samePosted.getMessage());
                // Not a daily question.
                assertThrows(SQLException.class, () -> s.executeUpdate(
                        "INSERT INTO daily_posts (posted_ref, channel_ref, day, posted_at, reveal_at) VALUES ("
                                + practice + ", " + channel + ", '2026-03-04', 0, 0)"));
                // A day that is not YYYY-MM-DD.
                assertThrows(SQLException.class, () -> s.executeUpdate(
                        "INSERT INTO daily_posts (posted_ref, channel_ref, day, posted_at, reveal_at) VALUES ("
                                + other + ", " + channel + ", '3/4/2026', 0, 0)"));
                assertEquals(1, count(s, "SELECT COUNT(*) FROM daily_posts"));
            }
        }
    }

    /**
     * 8 threads post the same channel's question for the same day at once, half of them through a second
     * store on the same file (as a second bot process would): exactly one posts.
     */
    @Test
    @Timeout(60)
    void racingPostersPostOnce() throws Exception {
        int threads = 8;
        for (int round = 0; round < 5; round++) {
            LocalDate day = MONDAY.plusDays(round);
            Instant at = T0.plus(StoreFixtures.DAY.multipliedBy(round));
            try (SqlStudyStore first = engine.open(database);
                 SqlStudyStore second = engine.open(database)) {
                CountDownLatch ready = new CountDownLatch(threads);
                CountDownLatch start = new CountDownLatch(1);
                ExecutorService pool = Executors.newFixedThreadPool(threads);
                List<Future<OptionalLong>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    ScheduleStore store = t % 2 == 0 ? first : second;
                    Question q = question(100 + round * threads + t);
                    results.add(pool.submit(() -> {
                        ready.countDown();
                        start.await();
                        return store.postDaily(GENERAL, day, q, at, at.plus(Duration.ofHours(8)));
                    }));
                }
                ready.await();
                start.countDown();
                List<Long> won = new ArrayList<>();
                for (Future<OptionalLong> f : results) {
                    OptionalLong id = f.get(30, TimeUnit.SECONDS);
                    id.ifPresent(won::add);
                }
                pool.shutdown();
                assertEquals(1, won.size(), "round " + round + ": " + won);

                try (Connection c = engine.connect(database); Statement s = c.createStatement()) {
                    assertEquals(round + 1, count(s, "SELECT COUNT(*) FROM posted"));
                    assertEquals(round + 1, count(s, "SELECT COUNT(*) FROM daily_posts"));
                    assertEquals(won.get(0), count(s,
                            "SELECT posted_ref FROM daily_posts WHERE day = '" + day + "'"));
                }
                assertEquals(won.get(0), second.daily(GENERAL.channel(), day).orElseThrow().postedId());
            }
        }
    }

    // ------------------------------------------------------------------------------------------ answering, revealing

    @Test
    void answersCloseAtTheReveal() {
        Instant reveal = T0.plus(Duration.ofHours(8));
        try (SqlStudyStore store = engine.open(database)) {
            long id = store.postDaily(GENERAL, MONDAY, question(1), T0, reveal).orElseThrow();
            assertInstanceOf(AnswerOutcome.Recorded.class,
                    answer(store, id, ANN, GENERAL, right(question(1)), reveal));
            assertInstanceOf(AnswerOutcome.Expired.class,
                    answer(store, id, BOB, GENERAL, right(question(1)), reveal.plusMillis(1)));
            assertInstanceOf(AnswerOutcome.Expired.class,
                    answer(store, id, CAT, GENERAL, wrong(question(1)), reveal.plus(Duration.ofHours(1))));
            assertEquals(new RevealStats(1, 1, "Ann", reveal), store.revealStats(id));
        }
    }

    @Test
    void unrevealedQuestionsAreRevealedOnceAndItSurvivesReopening() {
        Instant at = T0;
        long general;
        long random;
        long tuesday;
        try (SqlStudyStore store = engine.open(database)) {
            assertEquals(List.of(), store.unrevealed());
            tuesday = store.postDaily(GENERAL, MONDAY.plusDays(1), question(3), at.plus(StoreFixtures.DAY),
                    at.plus(StoreFixtures.DAY).plus(Duration.ofHours(8))).orElseThrow();
            general = store.postDaily(GENERAL, MONDAY, question(1), at, at.plus(Duration.ofHours(8))).orElseThrow();
            random = store.postDaily(RANDOM, MONDAY, question(2), at, at.plus(Duration.ofHours(2))).orElseThrow();
            // A plain daily question (not a question of the day) is nothing to reveal.
            store.post(GENERAL, null, Mode.DAILY, question(4), at, at.plusSeconds(60));

            // Earliest reveal first, due or not.
            assertEquals(List.of(random, general, tuesday), ids(store.unrevealed()));
            assertEquals(new DailyPost(random, RANDOM, MONDAY, at, at.plus(Duration.ofHours(2)), null),
                    store.unrevealed().get(0));

            Instant revealedAt = at.plus(Duration.ofHours(2)).plusSeconds(3);
            assertTrue(store.markRevealed(random, revealedAt));
            assertFalse(store.markRevealed(random, revealedAt.plusSeconds(60)));
            assertFalse(store.markRevealed(999_999, revealedAt));
            assertEquals(List.of(general, tuesday), ids(store.unrevealed()));
            assertEquals(revealedAt, store.daily(RANDOM.channel(), MONDAY).orElseThrow().revealedAt());
        }
        try (SqlStudyStore store = engine.open(database)) {
            assertEquals(List.of(general, tuesday), ids(store.unrevealed()));
            assertFalse(store.markRevealed(random, T0.plus(StoreFixtures.DAY)));
            // The first reveal's time stays.
            assertEquals(at.plus(Duration.ofHours(2)).plusSeconds(3),
                    store.daily(RANDOM.channel(), MONDAY).orElseThrow().revealedAt());
            assertTrue(store.markRevealed(general, T0.plus(Duration.ofHours(8))));
        }
        try (SqlStudyStore store = engine.open(database)) {
            assertEquals(List.of(tuesday), ids(store.unrevealed()));
            assertFalse(store.markRevealed(general, T0.plus(Duration.ofHours(9))));
        }
    }

    @Test
    void askedQuestionIdsAreTheChannelsDailyQuestions() {
        try (SqlStudyStore store = engine.open(database)) {
            assertEquals(Set.of(), store.askedQuestionIds(GENERAL.channel()));
            store.postDaily(GENERAL, MONDAY, question(1), T0, T0.plusSeconds(3600));
            store.postDaily(GENERAL, MONDAY.plusDays(1), question(2), T0.plus(StoreFixtures.DAY),
                    T0.plus(StoreFixtures.DAY).plusSeconds(3600));
            store.postDaily(RANDOM, MONDAY, question(3), T0, T0.plusSeconds(3600));
            // Practice and review questions in the channel do not count.
            store.post(GENERAL, ANN, Mode.PRACTICE, question(4), T0, T0.plusSeconds(60));
            store.post(GENERAL, ANN, Mode.REVIEW, question(5), T0, T0.plusSeconds(60));

            assertEquals(Set.of("q1", "q2"), store.askedQuestionIds(GENERAL.channel()));
            assertEquals(Set.of("q3"), store.askedQuestionIds(RANDOM.channel()));
            assertEquals(Set.of(), store.askedQuestionIds(new ChannelKey("slack", "T2", "C1")));
            assertEquals(Set.of(), store.askedQuestionIds(new ChannelKey("discord", "T1", "C1")));
        }
    }

    @Test
    void revealStatsCountAnswersAndNameTheFirstRightAnswerByTime() {
        Question q = question(2);
        Instant reveal = T0.plus(Duration.ofHours(8));
        try (SqlStudyStore store = engine.open(database)) {
            long id = store.postDaily(GENERAL, MONDAY, q, T0, reveal).orElseThrow();
            assertEquals(new RevealStats(0, 0, null, null), store.revealStats(id));

            Member dan = new Member("slack", "U4", "Dan");
            Member eve = new Member("slack", "U5", "Eve");
            // Recorded out of time order: Cat answers wrong first, Bob right at 10:00 but recorded after
            // Ann's right answer at 11:00; Dan right at 12:00; Eve wrong.
            answer(store, id, CAT, GENERAL, wrong(q), T0.plusSeconds(60));
            answer(store, id, ANN, GENERAL, right(q), T0.plus(Duration.ofHours(2)));
            answer(store, id, BOB, GENERAL, right(q), T0.plus(Duration.ofHours(1)));
            answer(store, id, dan, GENERAL, right(q), T0.plus(Duration.ofHours(3)));
            answer(store, id, eve, GENERAL, wrong(q), T0.plus(Duration.ofHours(4)));
            // A second press changes nothing.
            answer(store, id, CAT, GENERAL, right(q), T0.plus(Duration.ofHours(5)));
            // Too late.
            answer(store, id, new Member("slack", "U6", "Fay"), GENERAL, right(q), reveal.plusSeconds(1));

            assertEquals(new RevealStats(5, 3, "Bob", T0.plus(Duration.ofHours(1))), store.revealStats(id));

            // Only wrong answers: counted, nobody named.
            long other = store.postDaily(RANDOM, MONDAY, q, T0, reveal).orElseThrow();
            answer(store, other, ANN, RANDOM, wrong(q), T0.plusSeconds(5));
            assertEquals(new RevealStats(1, 0, null, null), store.revealStats(other));
            // An unknown question.
            assertEquals(new RevealStats(0, 0, null, null), store.revealStats(999_999));
        }
    }

    @Test
    void theMemberNameShownIsTheLatest() {
        Question q = question(1);
        try (SqlStudyStore store = engine.open(database)) {
            long id = store.postDaily(GENERAL, MONDAY, q, T0, T0.plus(Duration.ofHours(8))).orElseThrow();
            answer(store, id, ANN, GENERAL, right(q), T0.plusSeconds(30));
            // Ann renamed herself while answering elsewhere.
            long practice = store.post(GENERAL, null, Mode.PRACTICE, question(2), T0, T0.plusSeconds(3600));
            answer(store, practice, new Member("slack", "U1", "Annie"), GENERAL, 0, T0.plusSeconds(40));
            assertEquals("Annie", store.revealStats(id).firstRight());
        }
    }

    private static List<Long> ids(List<DailyPost> posts) {
        return posts.stream().map(DailyPost::postedId).toList();
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
