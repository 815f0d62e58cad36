package dev.studybot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybot.domain.Member;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A migration whose version is below one already applied (V10 merged after V11 shipped) is applied on the next
 * start rather than refused: branches take their numbers in parallel, and either may reach a database first.
 */
class LateMigrationTest {

    @TempDir
    Path dir;

    @Test
    void aMissingLowerVersionIsAppliedAfterTheHigherOnes() throws SQLException {
        Path file = dir.resolve("studybot.db");
        SqlStudyStore.open(file).close();
        // As if V8 had arrived only now: its tables and its history row are not there yet.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.executeUpdate("DROP TABLE search_votes");
            s.executeUpdate("DROP TABLE searches");
            s.executeUpdate("DELETE FROM flyway_schema_history WHERE version = '8'");
        }

        try (SqlStudyStore store = SqlStudyStore.open(file)) {
            String id = store.searches().record(new Member("slack", "U1", "Ann"), "spot", 3, Optional.empty(),
                    Instant.parse("2026-12-02T09:00:00Z"));
            assertTrue(store.searches().lookup(id).isPresent(), "V8's tables are there");
        }
        List<String> applied = MigrationTest.appliedVersions(file);
        assertEquals("8", applied.get(applied.size() - 1), "applied last, after the higher versions: " + applied);
    }
}
