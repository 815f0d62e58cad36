package dev.studybot.store;

import static dev.studybot.store.StoreFixtures.ANN;
import static dev.studybot.store.StoreFixtures.GENERAL;
import static dev.studybot.store.StoreFixtures.T0;
import static dev.studybot.store.StoreFixtures.answer;
import static dev.studybot.store.StoreFixtures.postDaily;
import static dev.studybot.store.StoreFixtures.question;
import static dev.studybot.store.StoreFixtures.right;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybot.config.DatabaseLocation;
import dev.studybot.domain.Period;
import dev.studybot.domain.Scope;
import dev.studybot.ops.CapturedLogs;
import dev.studybot.ops.StartupFailure;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * What only the PostgreSQL engine has: its own migrations, a password to keep out of every log line, and a server
 * that can go away.
 */
class PostgresqlStoreTest {

    private static final ZoneId UTC = ZoneId.of("UTC");

    @TempDir
    Path dir;

    private final ThrowawayPostgresql server = ThrowawayPostgresql.get();

    @Test
    void theWholeHistoryAppliesOnAnEmptyDatabaseWithTheVersionsSqliteHas() throws SQLException {
        DatabaseLocation.PostgresqlServer empty = server.emptyDatabase();
        SqlStudyStore.open(empty, UTC, server.password()).close();
        DatabaseLocation file = new DatabaseLocation.SqliteFile(dir.resolve("studybot.db"));
        SqlStudyStore.open(file, UTC, null).close();

        String history = "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank";
        List<String> onPostgresql;
        try (Connection c = server.connect(empty)) {
            onPostgresql = strings(c, history);
            // PostgreSQL's own V1 ran (identity ids), and so did the shared V4 (no version of its own).
            assertEquals(List.of("YES"), strings(c, "SELECT is_identity FROM information_schema.columns"
                    + " WHERE table_name = 'members' AND column_name = 'id'"));
            assertEquals(List.of("zone_chosen"), strings(c, "SELECT column_name FROM information_schema.columns"
                    + " WHERE table_name = 'study_groups' AND column_name = 'zone_chosen'"));
        }
        try (Connection c = StoreEngine.SQLITE.connect(file)) {
            assertEquals(strings(c, history), onPostgresql);
        }
        assertTrue(onPostgresql.containsAll(List.of("1", "2", "2.1", "3", "4", "5", "6")), onPostgresql.toString());
    }

    /** The Java migration 2.1 fills week and month totals on PostgreSQL too, from a version-2 database's answers. */
    @Test
    void aVersionTwoDatabaseIsUpgradedWithItsWeekTotalsBackfilled() throws SQLException {
        DatabaseLocation.PostgresqlServer database = server.emptyDatabase();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(database.jdbcUrl());
        dataSource.setUser(database.user());
        dataSource.setPassword(server.password());
        Migrations.flyway(dataSource, Dialect.POSTGRESQL, "2").migrate();
        long sunday = Instant.parse("2026-03-01T21:00:00Z").toEpochMilli(); // 22:00 in Berlin, week 9
        try (Connection c = server.connect(database); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO members (id, platform, user_id, display_name) VALUES (1, 'slack', 'U1', 'Ann')");
            s.executeUpdate("INSERT INTO study_groups (id, platform, group_id, name, time_zone) VALUES "
                    + "(1, 'slack', 'T1', 'Acme', 'Europe/Berlin')");
            s.executeUpdate("INSERT INTO channels (id, group_ref, channel_id, name) VALUES (1, 1, 'C1', 'general')");
            s.executeUpdate("INSERT INTO posted (id, mode, channel_ref, owner_ref, posted_at, expires_at, question_id, kind,"
                    + " topic, topic_key, prompt, choices, answer, file, line, explanation) VALUES (1, 'DAILY', 1, NULL, "
                    + sunday + ", " + (sunday + 86_400_000L) + ", 'q1', 'fact', '[\"EC2\"]', 'EC2', 'Old question?',"
                    + " '[\"a\",\"b\"]', 1, 'aws.md', 3, 'Because.')");
            // 23:30 UTC is already Monday, week 10, in Berlin.
            s.executeUpdate("INSERT INTO answers (posted_ref, member_ref, choice, correct, points, streak, answered_at)"
                    + " VALUES (1, 1, 1, 1, 13, 1, " + Instant.parse("2026-03-01T23:30:00Z").toEpochMilli() + ")");
        }
        try (SqlStudyStore store = SqlStudyStore.open(database, UTC, server.password())) {
            Instant mondayInBerlin = Instant.parse("2026-03-02T08:00:00Z");
            assertEquals(13, store.leaderboard(GENERAL, Scope.GROUP, Period.WEEK, null, 10, mondayInBerlin).top().get(0)
                    .points());
            assertEquals(13, store.leaderboard(GENERAL, Scope.CHANNEL, Period.MONTH, null, 10, mondayInBerlin).top()
                    .get(0).points());
            assertEquals(0, store.leaderboard(GENERAL, Scope.GROUP, Period.WEEK, null, 10, Instant.ofEpochMilli(sunday))
                    .players());
        }
    }

    @Test
    void thePasswordIsInNoLogLineNorMessage() {
        String wrong = "not-the-password-" + System.nanoTime();
        try (CapturedLogs logs = CapturedLogs.everything()) {
            try (SqlStudyStore store = SqlStudyStore.open(server.freshDatabase(), UTC, server.password())) {
                long posted = postDaily(store, GENERAL, 1, T0);
                answer(store, posted, ANN, GENERAL, right(question(1)), T0.plusSeconds(5));
                assertEquals(1, store.leaderboard(GENERAL, Scope.GROUP, Period.ALL, null, 10, T0).players());
            }
            StartupFailure refused = assertThrows(StartupFailure.class,
                    () -> SqlStudyStore.open(server.freshDatabase(), UTC, wrong));
            assertTrue(refused.getMessage().contains("password authentication failed"), refused.getMessage());
            assertFalse(refused.getMessage().contains(wrong), refused.getMessage());

            String logged = logs.text();
            assertTrue(logged.contains("studybot-postgresql"), "the pool's own lines are captured too");
            assertFalse(logged.contains(server.password()), logged);
            assertFalse(logged.contains(wrong), logged);
        }
    }

    @Test
    void aServerThatCannotBeReachedIsAProblemUntilItAnswersAgain() throws SQLException {
        DatabaseLocation.PostgresqlServer database = server.freshDatabase();
        try (SqlStudyStore store = SqlStudyStore.open(database, UTC, server.password())) {
            assertNull(store.fileProblem());
            server.refuseConnections(database, true);
            String problem = store.fileProblem();
            assertTrue(problem != null && problem.startsWith("the database " + database + " cannot be reached"), problem);
            server.refuseConnections(database, false);
            assertNull(store.fileProblem());
            assertTrue(postDaily(store, GENERAL, 1, T0) > 0);
        }
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }
}
