package dev.studybot.store;

import dev.studybot.config.DatabaseLocation;
import static dev.studybot.store.StoreFixtures.ANN;
import static dev.studybot.store.StoreFixtures.GENERAL;
import static dev.studybot.store.StoreFixtures.T0;
import static dev.studybot.store.StoreFixtures.answer;
import static dev.studybot.store.StoreFixtures.postDaily;
import static dev.studybot.store.StoreFixtures.question;
import static dev.studybot.store.StoreFixtures.right;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybot.domain.Period;
import dev.studybot.domain.Scope;
import dev.studybot.ops.CapturedLogs;
import dev.studybot.ops.StartupFailure;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only the PostgreSQL engine has: its own migrations, and a password to keep out of every log line. */
class PostgresqlStoreTest {

    private static final ZoneId UTC = ZoneId.of("UTC");

    @TempDir
    Path dir;

    private final ThrowawayPostgresql server = ThrowawayPostgresql.get();

    @Test
    void theWholeHistoryAppliesOnAnEmptyDatabaseWithTheVersionsSqliteHas() throws SQLException {
        DatabaseLocation.PostgresqlServer empty = server.emptyDatabase();
        SqliteStudyStore.open(empty, UTC, server.password()).close();
        DatabaseLocation file = new DatabaseLocation.SqliteFile(dir.resolve("studybot.db"));
        SqliteStudyStore.open(file, UTC, null).close();

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

    @Test
    void thePasswordIsInNoLogLineNorMessage() {
        String wrong = "not-the-password-" + System.nanoTime();
        try (CapturedLogs logs = CapturedLogs.everything()) {
            try (SqliteStudyStore store = SqliteStudyStore.open(server.freshDatabase(), UTC, server.password())) {
                long posted = postDaily(store, GENERAL, 1, T0);
                answer(store, posted, ANN, GENERAL, right(question(1)), T0.plusSeconds(5));
                assertEquals(1, store.leaderboard(GENERAL, Scope.GROUP, Period.ALL, null, 10, T0).players());
            }
            StartupFailure refused = assertThrows(StartupFailure.class,
                    () -> SqliteStudyStore.open(server.freshDatabase(), UTC, wrong));
            assertTrue(refused.getMessage().contains("password authentication failed"), refused.getMessage());
            assertFalse(refused.getMessage().contains(wrong), refused.getMessage());

            String logged = logs.text();
            assertTrue(logged.contains("studybot-postgresql"), "the pool's own lines are captured too");
            assertFalse(logged.contains(server.password()), logged);
            assertFalse(logged.contains(wrong), logged);
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
