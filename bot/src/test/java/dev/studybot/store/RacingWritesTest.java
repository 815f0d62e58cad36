package dev.studybot.store;

import static dev.studybot.store.StoreFixtures.ANN;
import static dev.studybot.store.StoreFixtures.DAY;
import static dev.studybot.store.StoreFixtures.GENERAL;
import static dev.studybot.store.StoreFixtures.RANDOM;
import static dev.studybot.store.StoreFixtures.T0;
import static dev.studybot.store.StoreFixtures.answer;
import static dev.studybot.store.StoreFixtures.question;
import static dev.studybot.store.StoreFixtures.right;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybot.config.DatabaseLocation;
import dev.studybot.domain.Member;
import dev.studybot.domain.Mode;
import dev.studybot.domain.Place;
import dev.studybot.game.AnswerOutcome;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Writes that race on the same rows, from many threads and two stores on one database (as two bot processes would
 * be): what one writer at a time guarantees on SQLite must hold on PostgreSQL, where writers run side by side.
 */
@ParameterizedClass
@EnumSource(StoreEngine.class)
class RacingWritesTest {

    private static final int THREADS = 16;

    @Parameter
    StoreEngine engine;

    @TempDir
    Path dir;

    private DatabaseLocation database;
    private SqlStudyStore first;
    private SqlStudyStore second;
    private ExecutorService pool;

    @BeforeEach
    void open() {
        database = engine.freshDatabase(dir);
        first = engine.open(database);
        second = engine.open(database);
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterEach
    void close() {
        pool.shutdownNow();
        first.close();
        second.close();
    }

    /** Runs the tasks all at once (released together once every thread is ready) and returns their results. */
    private <T> List<T> race(List<Callable<T>> tasks) throws Exception {
        CountDownLatch ready = new CountDownLatch(tasks.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> task : tasks) {
            futures.add(pool.submit(() -> {
                ready.countDown();
                start.await();
                return task.call();
            }));
        }
        ready.await();
        start.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(f.get(60, TimeUnit.SECONDS));
        }
        return results;
    }

    @Test
    @Timeout(120)
    void oneMemberPressingEveryButtonOfAQuestionAtOnceIsRecordedOnce() throws Exception {
        int rounds = 5;
        int expectedPoints = 0;
        for (int round = 0; round < rounds; round++) {
            Instant at = T0.plus(DAY.multipliedBy(round));
            long posted = first.post(GENERAL, null, Mode.DAILY, question(round), at, at.plus(DAY));
            List<Callable<AnswerOutcome>> presses = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                StudyStore store = t % 2 == 0 ? first : second;
                int choice = t % 4;
                presses.add(() -> answer(store, posted, ANN, GENERAL, choice, at.plusSeconds(30)));
            }
            List<AnswerOutcome> outcomes = race(presses);

            List<AnswerOutcome.Recorded> recorded = outcomes.stream().filter(AnswerOutcome.Recorded.class::isInstance)
                    .map(AnswerOutcome.Recorded.class::cast).toList();
            assertEquals(1, recorded.size(), "round " + round + ": " + outcomes);
            int kept = recorded.get(0).choice();
            for (AnswerOutcome other : outcomes) {
                if (other != recorded.get(0)) {
                    // Every other press is told which choice counted.
                    assertEquals(kept, assertInstanceOf(AnswerOutcome.AlreadyAnswered.class, other).previousChoice());
                }
            }
            expectedPoints += recorded.get(0).points();
        }
        try (Connection c = engine.connect(database)) {
            assertEquals(rounds, number(c, "SELECT COUNT(*) FROM answers"));
            assertEquals(expectedPoints, number(c, "SELECT SUM(points) FROM answers"));
            assertEquals(expectedPoints, number(c,
                    "SELECT points FROM score_totals WHERE scope_kind = 'GROUP' AND period_key = 'all'"));
        }
    }

    /**
     * Moving a group to another time zone recounts its week and month totals from its answers, while answers to
     * the group keep coming, each adding to the weeks and months of the zone it read: after every move, every total
     * must be the sum of the answers it counts, in the zone the group is in (an answer that read the old zone must
     * not land after the recount). Each round races one move against answers to two new questions, then checks.
     */
    @Test
    @Timeout(120)
    void aTimeZoneMoveRacingAnswersLeavesEveryTotalTheSumOfItsAnswers() throws Exception {
        List<ZoneId> zones = List.of(ZoneId.of("Pacific/Kiritimati"), ZoneId.of("Pacific/Pago_Pago"));
        for (int round = 0; round < 8; round++) {
            // Sunday night UTC: which week an answer is in depends on the zone.
            Instant at = Instant.parse("2026-03-01T22:00:00Z").plus(Duration.ofDays(7L * round));
            long general = first.post(GENERAL, null, Mode.PRACTICE, question(2 * round), at, at.plus(DAY));
            long random = first.post(RANDOM, null, Mode.PRACTICE, question(2 * round + 1), at, at.plus(DAY));
            ZoneId next = zones.get(round % zones.size());
            List<Callable<Boolean>> work = new ArrayList<>();
            work.add(() -> {
                second.setTimeZone(GENERAL.group(), next);
                return true;
            });
            for (int t = 0; t < THREADS - 1; t++) {
                StudyStore store = t % 2 == 0 ? first : second;
                Member member = new Member("slack", "u" + t, "User " + t);
                Instant answeredAt = at.plusSeconds(60 + t);
                int generalRight = right(question(2 * round));
                int randomRight = right(question(2 * round + 1));
                work.add(() -> answer(store, general, member, GENERAL, generalRight, answeredAt)
                        instanceof AnswerOutcome.Recorded
                        && answer(store, random, member, RANDOM, randomRight, answeredAt) instanceof AnswerOutcome.Recorded);
            }
            assertFalse(race(work).contains(false));

            try (Connection c = engine.connect(database)) {
                assertEquals(expectedTotals(c, next), totals(c), "round " + round);
            }
        }
    }

    /** scope kind, scope, period, member -> points, recounted from the answers with weeks and months in {@code zone}. */
    private static Map<List<Object>, Long> expectedTotals(Connection c, ZoneId zone) throws SQLException {
        Map<List<Object>, Long> totals = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT ch.group_ref, p.channel_ref, a.member_ref, a.points, a.answered_at
                FROM answers a JOIN posted p ON p.id = a.posted_ref JOIN channels ch ON ch.id = p.channel_ref""");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                Instant at = Instant.ofEpochMilli(rs.getLong(5));
                for (String period : List.of(PeriodKeys.ALL, PeriodKeys.week(at, zone), PeriodKeys.month(at, zone))) {
                    totals.merge(List.of("GROUP", rs.getLong(1), period, rs.getLong(3)), rs.getLong(4), Long::sum);
                    totals.merge(List.of("CHANNEL", rs.getLong(2), period, rs.getLong(3)), rs.getLong(4), Long::sum);
                }
            }
        }
        return totals;
    }

    private static Map<List<Object>, Long> totals(Connection c) throws SQLException {
        Map<List<Object>, Long> totals = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT scope_kind, scope_ref, period_key, member_ref, points FROM score_totals WHERE answered > 0");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                totals.put(List.of(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getLong(4)), rs.getLong(5));
            }
        }
        assertTrue(totals.size() > 0);
        return totals;
    }

    private static long number(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
