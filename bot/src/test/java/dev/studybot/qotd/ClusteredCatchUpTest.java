package dev.studybot.qotd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.studybot.chat.Reply;
import dev.studybot.config.DatabaseLocation;
import dev.studybot.domain.Place;
import dev.studybot.knowledge.questions.Question;
import dev.studybot.store.Schedule;
import dev.studybot.store.SqlStudyStore;
import dev.studybot.store.ThrowawayPostgresql;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A replica of a cluster starting after a schedule's time passed: the missed question is posted through the shared
 * timer within the grace period, once however often replicas start (here: one after the other, as Quartz allows one
 * clustered scheduler per JVM), and not at all beyond it.
 */
class ClusteredCatchUpTest {

    private static final Place GENERAL = new Place("console", "team", "team", "general", "general");

    private final ThrowawayPostgresql server = ThrowawayPostgresql.get();
    private final RecordingPoster poster = new RecordingPoster();

    private static boolean questionOfTheDay(Reply reply) {
        return RecordingPoster.heading(reply).startsWith("Question of the day");
    }

    private void startAndStop(SqlStudyStore store, Duration grace, Runnable whileRunning) {
        List<Question> pool = List.of(new Question("q1", "fact", List.of("Queues"), "Question ___?",
                List.of("right", "wrong a", "wrong b", "wrong c"), 0, "n.md", 1, "explanation"));
        QuestionOfTheDay daily = new QuestionOfTheDay(store, store, pool, poster, Clock.systemUTC(),
                new QuestionOfTheDay.Settings(Duration.ofMinutes(30), Duration.ofHours(23), grace), 7);
        try (DailyScheduler scheduler = DailyScheduler.start(daily, store,
                QuartzJobStore.clustered(store.serverPool().orElseThrow()))) {
            whileRunning.run();
        }
    }

    @Test
    void aFireMissedWithinTheGraceIsPostedOnceAcrossStartsAndNotAfterIt() {
        DatabaseLocation.PostgresqlServer database = server.freshDatabase();
        try (SqlStudyStore store = SqlStudyStore.open(database, ZoneOffset.UTC, server.password())) {
            LocalTime tenMinutesAgo = LocalTime.ofInstant(Instant.now().minus(10, ChronoUnit.MINUTES), ZoneOffset.UTC);
            store.saveSchedule(new Schedule(GENERAL, tenMinutesAgo, ZoneOffset.UTC, false, List.of()));

            startAndStop(store, Duration.ofMinutes(5), () -> Awaitility.await("beyond the grace: nothing")
                    .during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                    .until(() -> poster.count(ClusteredCatchUpTest::questionOfTheDay) == 0));
            startAndStop(store, Duration.ofHours(2), () -> poster.await(ClusteredCatchUpTest::questionOfTheDay,
                    Duration.ofSeconds(15)));
            startAndStop(store, Duration.ofHours(2), () -> Awaitility.await("a later start posts it no more")
                    .during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                    .until(() -> poster.count(ClusteredCatchUpTest::questionOfTheDay) == 1));

            assertEquals(1, poster.count(ClusteredCatchUpTest::questionOfTheDay));
            assertEquals(1, store.unrevealed().size(), "one question of the day, its reveal pending");
        }
    }
}
