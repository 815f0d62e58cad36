package dev.studybot.store;

import dev.studybot.config.DatabaseLocation;
import dev.studybot.game.AnswerOutcome;
import static dev.studybot.store.StoreFixtures.answer;
import dev.studybot.domain.Member;
import dev.studybot.domain.Place;
import dev.studybot.domain.Mode;
import dev.studybot.domain.Period;
import dev.studybot.domain.Scope;
import static dev.studybot.store.StoreFixtures.DAY;
import static dev.studybot.store.StoreFixtures.GENERAL;
import static dev.studybot.store.StoreFixtures.RANDOM;
import static dev.studybot.store.StoreFixtures.T0;
import static dev.studybot.store.StoreFixtures.question;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(StoreEngine.class)
class ConcurrencyTest {

    @Parameter
    StoreEngine engine;


    private static final int THREADS = 8;
    private static final int PER_THREAD = 200;
    private static final int MEMBERS = 40;
    private static final int QUESTIONS = 30;

    @TempDir
    Path dir;

    private record Submission(long posted, Member member, Place place, int choice, Instant at) {
    }

    /**
     * 8 threads × 200 answers, a third of them deliberate duplicates of another thread's (same member, same
     * question, often another choice), all released at once; and, to race across connections as a second
     * bot process would, half the threads go through a second store on the same file.
     */
    @Test
    @Timeout(120)
    void concurrentAnswersRecordOnceAndTotalsAddUp() throws Exception {
        DatabaseLocation database = engine.freshDatabase(dir);
        try (SqlStudyStore first = engine.open(database); SqlStudyStore second = engine.open(database)) {
            List<Long> posted = new ArrayList<>();
            for (int i = 0; i < QUESTIONS; i++) {
                Place place = i % 2 == 0 ? GENERAL : RANDOM;
                Instant at = T0.plus(Duration.ofHours(i));
                posted.add(first.post(place, null, Mode.DAILY, question(i), at, at.plus(DAY.multipliedBy(5))));
            }
            Random random = new Random(42);
            List<Submission> distinct = new ArrayList<>();
            for (int n = 0; distinct.size() < THREADS * PER_THREAD * 2 / 3; n++) {
                int q = n % QUESTIONS;
                int m = n / QUESTIONS;
                Member member = new Member("slack", "u" + m, "User " + m);
                Place place = q % 2 == 0 ? GENERAL : RANDOM;
                distinct.add(new Submission(posted.get(q), member, place, random.nextInt(4),
                        T0.plus(Duration.ofHours(q)).plusSeconds(60 + random.nextInt(7200))));
            }
            List<Submission> all = new ArrayList<>(distinct);
            while (all.size() < THREADS * PER_THREAD) {
                Submission d = distinct.get(random.nextInt(distinct.size()));
                all.add(new Submission(d.posted(), d.member(), d.place(), random.nextInt(4), d.at().plusSeconds(1)));
            }
            Collections.shuffle(all, random);

            Map<String, Integer> recorded = new ConcurrentHashMap<>();
            AtomicInteger recordedCount = new AtomicInteger();
            AtomicInteger alreadyCount = new AtomicInteger();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                StudyStore store = t % 2 == 0 ? first : second;
                List<Submission> mine = all.subList(t * PER_THREAD, (t + 1) * PER_THREAD);
                futures.add(pool.submit(() -> {
                    start.await();
                    for (Submission s : mine) {
                        AnswerOutcome outcome = answer(store, s.posted(), s.member(), s.place(), s.choice(), s.at());
                        String key = s.posted() + "/" + s.member().userId();
                        if (outcome instanceof AnswerOutcome.Recorded r) {
                            recordedCount.incrementAndGet();
                            Integer previous = recorded.putIfAbsent(key, r.points());
                            assertEquals(null, previous, "recorded twice: " + key);
                        } else {
                            assertInstanceOf(AnswerOutcome.AlreadyAnswered.class, outcome);
                            alreadyCount.incrementAndGet();
                        }
                        // Readers run beside the writers.
                        if (s.choice() == 0) {
                            store.leaderboard(s.place(), Scope.CHANNEL, Period.WEEK, s.member().key(), 10, s.at());
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(100, TimeUnit.SECONDS); // rethrows anything that escaped
            }
            pool.shutdown();

            assertEquals(distinct.size(), recordedCount.get());
            assertEquals(all.size() - distinct.size(), alreadyCount.get());
            int expectedPoints = recorded.values().stream().mapToInt(Integer::intValue).sum();

            try (Connection c = engine.connect(database); Statement s = c.createStatement()) {
                assertEquals(distinct.size(), count(s, "SELECT COUNT(*) FROM answers"));
                assertEquals(distinct.size(), count(s, "SELECT COUNT(DISTINCT posted_ref || '/' || member_ref) FROM answers"));
                assertEquals(expectedPoints, count(s, "SELECT SUM(points) FROM answers"));
                // Every scope and period adds up to the answers.
                assertEquals(expectedPoints, count(s,
                        "SELECT SUM(points) FROM score_totals WHERE scope_kind = 'GROUP' AND period_key = 'all'"));
                assertEquals(expectedPoints, count(s,
                        "SELECT SUM(points) FROM score_totals WHERE scope_kind = 'CHANNEL' AND period_key = 'all'"));
                assertEquals(expectedPoints, count(s,
                        "SELECT SUM(points) FROM score_totals WHERE scope_kind = 'GROUP' AND period_key LIKE 'w%'"));
                assertEquals(expectedPoints, count(s,
                        "SELECT SUM(points) FROM score_totals WHERE scope_kind = 'CHANNEL' AND period_key LIKE 'm%'"));
                assertEquals(distinct.size(), count(s,
                        "SELECT SUM(answered) FROM score_totals WHERE scope_kind = 'GROUP' AND period_key = 'all'"));
                assertEquals(0, count(s, """
                        SELECT COUNT(*) FROM score_totals t
                        WHERE t.scope_kind = 'GROUP' AND t.period_key = 'all' AND t.points <> (
                            SELECT SUM(a.points) FROM answers a WHERE a.member_ref = t.member_ref)"""));
            }
            Leaderboard board = second.leaderboard(GENERAL, Scope.GROUP, Period.ALL, null, 1000, T0);
            assertEquals(expectedPoints, board.top().stream().mapToInt(Leaderboard.Row::points).sum());
            assertTrue(board.players() > MEMBERS / 2);
        }
    }

    private static int count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
