package dev.studybot.store;

import static dev.studybot.store.StoreFixtures.ANN;
import static dev.studybot.store.StoreFixtures.BOB;
import static dev.studybot.store.StoreFixtures.CAT;
import static dev.studybot.store.StoreFixtures.DAY;
import static dev.studybot.store.StoreFixtures.GENERAL;
import static dev.studybot.store.StoreFixtures.RANDOM;
import static dev.studybot.store.StoreFixtures.T0;
import static dev.studybot.store.StoreFixtures.answer;
import static dev.studybot.store.StoreFixtures.question;
import static dev.studybot.store.StoreFixtures.right;
import static dev.studybot.store.StoreFixtures.wrong;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybot.config.DatabaseLocation;
import dev.studybot.domain.MessageRef;
import dev.studybot.domain.Mode;
import dev.studybot.domain.Period;
import dev.studybot.domain.Scope;
import dev.studybot.itemanalysis.ReportReason;
import dev.studybot.ops.StartupFailure;
import dev.studybot.store.SqliteToPostgresql.TableCount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** studybot migrate's copy, from a real SQLite file to the test JVM's real PostgreSQL server. */
class SqliteToPostgresqlTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final String TOKEN = "xoxb-1234-5678-movedmovedmovedmoved";

    @TempDir
    Path dir;

    private final ThrowawayPostgresql server = ThrowawayPostgresql.get();

    /** A team's file with rows in every table, written through the store as the bot writes them. */
    private Path teamFile() {
        Path file = dir.resolve("team.db");
        try (SqlStudyStore store = SqlStudyStore.open(file)) {
            store.setTimeZone(GENERAL.group(), BERLIN);
            for (int n = 1; n <= 6; n++) {
                long practice = store.post(RANDOM, ANN, Mode.PRACTICE, question(n), T0.plus(DAY.multipliedBy(n)),
                        T0.plus(DAY.multipliedBy(n + 1)));
                answer(store, practice, ANN, RANDOM, n % 2 == 0 ? right(question(n)) : wrong(question(n)),
                        T0.plus(DAY.multipliedBy(n)));
                answer(store, practice, BOB, RANDOM, right(question(n)), T0.plus(DAY.multipliedBy(n)));
            }
            store.saveSchedule(new Schedule(GENERAL, LocalTime.of(9, 0), BERLIN, true, List.of("EC2")));
            store.mentions().saveMention(GENERAL, new dev.studybot.domain.Mention("S0123ABCD", "@oncall"));
            long daily = store.postDaily(GENERAL, LocalDate.of(2026, 3, 2), question(7), T0, T0.plus(DAY))
                    .orElseThrow();
            store.deliveries().delivered(daily, T0, new MessageRef("C1", "1700000000.000100"));
            answer(store, daily, CAT, GENERAL, right(question(7)), T0.plusSeconds(60));
            store.questionFeedback().report(daily, ANN, ReportReason.WRONG_ANSWER, T0.plusSeconds(90));
            store.questionFeedback().report(daily, BOB, ReportReason.UNCLEAR, T0.plusSeconds(95)); // retires it
            String lookup = store.searches().record(ANN, "spot notice", 3,
                    Optional.of(new SearchHistory.TopResult("compute.md:3", "two-minute notice")), T0);
            store.searches().vote(lookup, BOB, true, T0.plusSeconds(5));
            Installations installations = store.installations(TokenCipher.fromBase64(InstallationsStoreTest.KEY));
            installations.save(new Installations.Installation("slack", "T0ACME001", "Acme", null, "A0APP0001", "U0BOT0001",
                    "B0BOT0001", "commands", TOKEN, "U0ADMIN01", T0));
            installations.addState("a-state", T0.plusSeconds(600), T0);
        }
        return file;
    }

    private static Leaderboard board(StudyStore store, Period period) {
        return store.leaderboard(RANDOM, Scope.GROUP, period, ANN.key(), 10, T0.plus(DAY.multipliedBy(6)));
    }

    @Test
    void everyTableArrivesWholeWithItsIdsAndTheLeaderboardsReadTheSame() throws SQLException {
        Path file = teamFile();
        List<Leaderboard> before;
        try (SqlStudyStore store = SqlStudyStore.open(file)) {
            before = List.of(board(store, Period.ALL), board(store, Period.WEEK), board(store, Period.MONTH));
        }
        DatabaseLocation.PostgresqlServer target = server.emptyDatabase(); // not even Flyway's history: migrate makes it

        List<TableCount> counts = SqliteToPostgresql.migrate(file, target, server.password(), false);

        Map<String, Long> inFile = fileCounts(file);
        assertEquals(inFile.keySet(), counts.stream().map(TableCount::table).collect(Collectors.toSet()),
                "every table of the file is copied");
        for (TableCount count : counts) {
            assertTrue(count.sqlite() > 0, count.table() + " had rows to copy: the fixture fills every table");
            assertEquals(inFile.get(count.table()), count.sqlite(), count.table());
            assertEquals(count.sqlite(), count.postgresql(), count.table());
        }
        List<String> order = counts.stream().map(TableCount::table).toList();
        assertTrue(order.indexOf("posted") < order.indexOf("daily_posts"), order.toString());
        assertTrue(order.indexOf("members") < order.indexOf("answers"), order.toString());

        try (SqlStudyStore copy = SqlStudyStore.open(target, ZoneId.of("UTC"), server.password())) {
            assertEquals(before, List.of(board(copy, Period.ALL), board(copy, Period.WEEK), board(copy, Period.MONTH)));
            assertEquals(BERLIN, copy.timeZone(GENERAL.group()));
            assertEquals(TOKEN, copy.installations(TokenCipher.fromBase64(InstallationsStoreTest.KEY))
                    .find("slack", "T0ACME001").orElseThrow().botToken(), "a sealed token opens on the server, same key");
            assertEquals(1, copy.unrevealed().size());
            assertEquals(Optional.of(new MessageRef("C1", "1700000000.000100")),
                    copy.deliveries().message(copy.unrevealed().get(0).postedId()));
            assertEquals(1, copy.questionFeedback().retired().size());
            // The id sequences were moved past the copied ids: a new question gets the next one.
            long next = copy.post(GENERAL, ANN, Mode.PRACTICE, question(8), T0, T0.plus(DAY));
            assertEquals(inFile.get("posted") + 1, next);
        }
    }

    @Test
    void aTargetWithDataIsRefusedUnlessReplacedAndThenHoldsOnlyTheFile() throws SQLException {
        Path file = teamFile();
        DatabaseLocation.PostgresqlServer target = server.freshDatabase();
        try (SqlStudyStore other = SqlStudyStore.open(target, ZoneId.of("UTC"), server.password())) {
            long posted = other.post(GENERAL, CAT, Mode.PRACTICE, question(40), T0, T0.plus(DAY));
            answer(other, posted, CAT, GENERAL, right(question(40)), T0);
        }

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> SqliteToPostgresql.migrate(file, target, server.password(), false));
        assertTrue(refused.getMessage().contains("already holds data (") && refused.getMessage().contains("--replace"),
                refused.getMessage());
        assertEquals(1, count(target, "answers"), "nothing was copied");

        List<TableCount> counts = SqliteToPostgresql.migrate(file, target, server.password(), true);
        assertTrue(counts.stream().allMatch(TableCount::equal), counts.toString());
        assertEquals(fileCounts(file).get("answers"), count(target, "answers"));
        try (Connection c = server.connect(target); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM posted WHERE question_id = 'q40'")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "the target's own rows are gone");
        }
    }

    @Test
    void aMissingFileAWrongPasswordAndAnUnreachableServerAreSaidPlainly() throws Exception {
        DatabaseLocation.PostgresqlServer target = server.freshDatabase();
        IllegalArgumentException noFile = assertThrows(IllegalArgumentException.class,
                () -> SqliteToPostgresql.migrate(dir.resolve("nope.db"), target, server.password(), false));
        assertEquals("There is no database at " + dir.resolve("nope.db") + " to migrate.", noFile.getMessage());
        assertFalse(Files.exists(dir.resolve("nope.db")), "no empty file is made in its place");

        Path file = teamFile();
        String wrong = "not-" + server.password();
        StartupFailure badPassword = assertThrows(StartupFailure.class,
                () -> SqliteToPostgresql.migrate(file, target, wrong, false));
        assertTrue(badPassword.getMessage().contains("password authentication failed"), badPassword.getMessage());
        assertFalse(badPassword.getMessage().contains(wrong), badPassword.getMessage());

        DatabaseLocation.PostgresqlServer nowhere = (DatabaseLocation.PostgresqlServer) DatabaseLocation.parse(
                "postgresql://127.0.0.1:1/studybot?user=postgres");
        StartupFailure unreachable = assertThrows(StartupFailure.class,
                () -> SqliteToPostgresql.migrate(file, nowhere, server.password(), false));
        assertTrue(unreachable.getMessage().startsWith("Cannot connect to the database " + nowhere + ": "),
                unreachable.getMessage());
        assertTrue(unreachable.getMessage().contains("refused"), unreachable.getMessage());
    }

    private static Map<String, Long> fileCounts(Path file) throws SQLException {
        try (Connection c = StoreEngine.SQLITE.connect(new DatabaseLocation.SqliteFile(file));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'"
                     + " AND name <> 'flyway_schema_history' AND name NOT LIKE 'sqlite%'")) { // not SQLite's statistics
            List<String> tables = new ArrayList<>();
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
            Map<String, Long> counts = new HashMap<>();
            for (String table : tables) {
                try (Statement t = c.createStatement(); ResultSet n = t.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    n.next();
                    counts.put(table, n.getLong(1));
                }
            }
            return counts;
        }
    }

    private long count(DatabaseLocation.PostgresqlServer at, String table) throws SQLException {
        try (Connection c = server.connect(at); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
