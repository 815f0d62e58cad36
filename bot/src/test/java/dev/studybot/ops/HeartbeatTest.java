package dev.studybot.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeartbeatTest {

    @TempDir
    Path data;

    @Test
    void aBeatingBotIsHealthyAndAStoppedOneGoesStale() {
        Instant start = Instant.parse("2026-11-24T10:00:00Z");
        try (Heartbeat ignored = Heartbeat.start(data, Clock.fixed(start, ZoneOffset.UTC), () -> null)) {
            assertNull(Heartbeat.problem(data, Clock.fixed(start.plusSeconds(20), ZoneOffset.UTC)));
        }
        Instant later = start.plus(Heartbeat.STALE_AFTER).plus(Duration.ofSeconds(1));
        String problem = Heartbeat.problem(data, Clock.fixed(later, ZoneOffset.UTC));
        assertTrue(problem != null && problem.contains("61 s old"), problem);
    }

    @Test
    void aLiveBotThatKnowsItIsBrokenIsUnhealthyAtOnce() {
        Instant start = Instant.parse("2026-03-02T09:00:00Z");
        try (Heartbeat ignored = Heartbeat.start(data, Clock.fixed(start, ZoneOffset.UTC), () -> "the database file was deleted")) {
            assertEquals("the database file was deleted", Heartbeat.problem(data, Clock.fixed(start, ZoneOffset.UTC)));
        }
    }

    @Test
    void noHeartbeatFileIsUnhealthy() {
        String problem = Heartbeat.problem(data.resolve("elsewhere"), Clock.systemUTC());
        assertTrue(problem != null && problem.contains("no heartbeat"), problem);
    }
}
