package dev.studybot.store;

import static dev.studybot.store.StoreFixtures.CAT;
import static dev.studybot.store.StoreFixtures.answer;
import dev.studybot.domain.Mode;
import dev.studybot.domain.Period;
import dev.studybot.domain.Scope;
import static dev.studybot.store.StoreFixtures.ANN;
import static dev.studybot.store.StoreFixtures.BOB;
import static dev.studybot.store.StoreFixtures.GENERAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationTest {

    private static final List<String> ALL_VERSIONS = List.of("1", "2", "2.1", "3", "4", "5", "6", "7", "8", "9", "10",
            "11");

    @TempDir
    Path dir;

    @Test
    void migratesAnEmptyFileAndCreatesFolders() throws SQLException {
        Path file = dir.resolve("a/b/studybot.db");
        try (SqlStudyStore store = SqlStudyStore.open(file)) {
            assertEquals(0, store.leaderboard(GENERAL, Scope.GROUP, Period.ALL, ANN.key(), 10, Instant.now())
                    .players());
        }
        assertEquals(ALL_VERSIONS, appliedVersions(file));
        // Opening again applies nothing new.
        SqlStudyStore.open(file).close();
        assertEquals(ALL_VERSIONS, appliedVersions(file));
    }

    @Test
    void walAndForeignKeysAreOn() throws Exception {
        Path file = dir.resolve("studybot.db");
        try (SqlStudyStore store = SqlStudyStore.open(file)) {
            try (Connection c = SqliteDatabase.config(org.sqlite.SQLiteConfig.TransactionMode.DEFERRED)
                    .createConnection(store.url()); Statement s = c.createStatement()) {
                assertEquals("wal", single(s, "PRAGMA journal_mode"));
                assertEquals("1", single(s, "PRAGMA foreign_keys"));
                assertEquals("1", single(s, "PRAGMA synchronous")); // NORMAL
                assertEquals("10000", single(s, "PRAGMA busy_timeout"));
                // Foreign keys really refuse an answer to no question.
                org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, () -> s.executeUpdate(
                        "INSERT INTO answers (posted_ref, member_ref, choice, correct, points, answered_at) "
                                + "VALUES (999, 999, 0, 0, 0, 0)"));
            }
        }
        // The journal mode is stored in the file itself.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            assertEquals("wal", single(s, "PRAGMA journal_mode"));
        }
    }

    @Test
    void upgradesAVersionOneFileAndBackfillsTotals() throws SQLException {
        Path file = dir.resolve("old.db");
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        SqlStudyStore.flyway(url, "1").migrate();
        assertEquals(List.of("1"), appliedVersions(file));
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO members (id, platform, user_id, display_name) VALUES "
                    + "(1, 'slack', 'U1', 'Ann'), (2, 'slack', 'U2', 'Bob'), (3, 'slack', 'U3', 'Cat')");
            s.executeUpdate("INSERT INTO study_groups (id, platform, group_id, name, time_zone) VALUES "
                    + "(1, 'slack', 'T1', 'Acme', 'Europe/Berlin')");
            s.executeUpdate("INSERT INTO channels (id, group_ref, channel_id, name) VALUES (1, 1, 'C1', 'general'), "
                    + "(2, 1, 'C2', 'random')");
            // Daily question on Sunday 2026-03-01 21:00 UTC (22:00 Berlin), a practice question for Ann.
            long sunday = Instant.parse("2026-03-01T21:00:00Z").toEpochMilli();
            s.executeUpdate("INSERT INTO posted (id, mode, channel_ref, owner_ref, posted_at, expires_at, question_id, "
                    + "kind, topic, topic_key, prompt, choices, answer, file, line, explanation) VALUES "
                    + "(1, 'DAILY', 1, NULL, " + sunday + ", " + (sunday + 86_400_000L) + ", 'q1', 'fact', "
                    + "'[\"EC2\",\"Spot\"]', 'EC2 › Spot', 'Old question one?', '[\"a\",\"b\",\"c\",\"d\"]', 1, "
                    + "'aws.md', 3, 'Because.'), "
                    + "(2, 'PRACTICE', 2, 1, " + sunday + ", " + (sunday + 86_400_000L) + ", 'q2', 'fact', "
                    + "'[\"S3\"]', 'S3', 'Old question two?', '[\"a\",\"b\",\"c\",\"d\"]', 0, 'aws.md', 9, 'Why.')");
            // Ann: daily correct at 22:30 UTC (23:30 Sunday in Berlin) for 13, practice correct on Monday
            // 00:30 Berlin (Sunday 23:30 UTC) for 1. Bob: daily correct late for 10. Cat: wrong.
            s.executeUpdate("INSERT INTO answers (posted_ref, member_ref, choice, correct, points, streak, answered_at) "
                    + "VALUES (1, 1, 1, 1, 13, 1, " + Instant.parse("2026-03-01T21:30:00Z").toEpochMilli() + "), "
                    + "(2, 1, 0, 1, 1, 0, " + Instant.parse("2026-03-01T23:30:00Z").toEpochMilli() + "), "
                    + "(1, 2, 1, 1, 10, 1, " + Instant.parse("2026-03-01T22:45:00Z").toEpochMilli() + "), "
                    + "(1, 3, 2, 0, 0, 0, " + Instant.parse("2026-03-01T22:50:00Z").toEpochMilli() + ")");
        }

        try (SqlStudyStore store = SqlStudyStore.open(file)) {
            assertEquals(ALL_VERSIONS, appliedVersions(file));
            Instant now = Instant.parse("2026-03-01T22:55:00Z"); // Sunday 23:55 in Berlin: week 9
            Leaderboard all = store.leaderboard(GENERAL, Scope.GROUP, Period.ALL, CAT.key(), 10, now);
            assertEquals(3, all.players());
            assertEquals(List.of(
                    new Leaderboard.Row(1, "U1", "Ann", 14, 13, 1, 2, 2),
                    new Leaderboard.Row(2, "U2", "Bob", 10, 10, 0, 1, 1),
                    new Leaderboard.Row(3, "U3", "Cat", 0, 0, 0, 1, 0)), all.top());
            assertNull(all.caller());

            // Week 9 in Berlin has Ann's daily answer only; her practice answer was on Monday in Berlin.
            Leaderboard week9 = store.leaderboard(GENERAL, Scope.GROUP, Period.WEEK, ANN.key(), 10, now);
            assertEquals(13, week9.top().get(0).points());
            assertEquals("U1", week9.top().get(0).userId());
            Leaderboard week10 = store.leaderboard(GENERAL, Scope.GROUP, Period.WEEK, ANN.key(), 10,
                    Instant.parse("2026-03-02T08:00:00Z"));
            assertEquals(1, week10.players());
            assertEquals(1, week10.top().get(0).points());

            Leaderboard channel = store.leaderboard(GENERAL, Scope.CHANNEL, Period.ALL, ANN.key(), 10, now);
            assertEquals(13, channel.top().get(0).points());
            assertEquals(3, channel.players());

            // The upgraded file goes on working: a new answer adds to the backfilled totals.
            long id = store.post(GENERAL, null, Mode.DAILY, StoreFixtures.question(5), now, now.plusSeconds(3600));
            answer(store, id, BOB, GENERAL, StoreFixtures.right(StoreFixtures.question(5)), now.plusSeconds(60));
            Leaderboard after = store.leaderboard(GENERAL, Scope.GROUP, Period.ALL, BOB.key(), 10, now);
            assertEquals("U2", after.top().get(0).userId());
            assertEquals(10 + 13 + 2, after.top().get(0).points()); // early bonus, streak 2 (+2)
            assertEquals(ANN.userId(), after.top().get(1).userId());
        }
    }

    /** A version-2 file (2.1 applied, as the study game shipped) gains the question-of-the-day tables. */
    @Test
    void upgradesAVersionTwoFileToTheQuestionOfTheDay() throws SQLException {
        Path file = dir.resolve("v2.db");
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        SqlStudyStore.flyway(url, "2.1").migrate();
        assertEquals(List.of("1", "2", "2.1"), appliedVersions(file));
        Instant monday = StoreFixtures.T0;
        long oldDaily;
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            assertEquals(0, count(s, "SELECT COUNT(*) FROM sqlite_master WHERE name IN ('schedules', 'daily_posts')"));
            s.executeUpdate("INSERT INTO members (id, platform, user_id, display_name) VALUES (1, 'slack', 'U1', 'Ann')");
            s.executeUpdate("INSERT INTO study_groups (id, platform, group_id, name) VALUES (1, 'slack', 'T1', 'Acme')");
            s.executeUpdate("INSERT INTO channels (id, group_ref, channel_id, name) VALUES (1, 1, 'C1', 'general')");
            oldDaily = 7;
            s.executeUpdate("INSERT INTO posted (id, mode, channel_ref, owner_ref, posted_at, expires_at, question_id, "
                    + "kind, topic, topic_key, prompt, choices, answer, file, line, explanation) VALUES "
                    + "(7, 'DAILY', 1, NULL, " + monday.toEpochMilli() + ", " + monday.plus(StoreFixtures.DAY).toEpochMilli()
                    + ", 'old-q', 'fact', '[\"EC2\"]', 'EC2', 'Old?', '[\"a\",\"b\"]', 1, 'aws.md', 3, 'Why.')");
            s.executeUpdate("INSERT INTO answers (posted_ref, member_ref, choice, correct, points, streak, answered_at) "
                    + "VALUES (7, 1, 1, 1, 13, 1, " + monday.plusSeconds(60).toEpochMilli() + ")");
        }

        try (SqlStudyStore store = SqlStudyStore.open(file)) {
            assertEquals(ALL_VERSIONS, appliedVersions(file));
            // Old data is intact and readable through the new interface.
            assertEquals(Set.of("old-q"), store.askedQuestionIds(GENERAL.channel()));
            assertEquals(new RevealStats(1, 1, "Ann", monday.plusSeconds(60)), store.revealStats(oldDaily));
            assertEquals(List.of(), store.unrevealed());
            assertEquals(List.of(), store.schedules());
            // And the new tables work.
            LocalDate day = LocalDate.of(2026, 3, 3);
            Instant at = monday.plus(StoreFixtures.DAY);
            long id = store.postDaily(GENERAL, day, StoreFixtures.question(1), at, at.plusSeconds(3600)).orElseThrow();
            assertTrue(id > oldDaily);
            assertEquals(Set.of("old-q", "q1"), store.askedQuestionIds(GENERAL.channel()));
            assertEquals(List.of(id), store.unrevealed().stream().map(DailyPost::postedId).toList());
        }
        SqlStudyStore.open(file).close();
        assertEquals(ALL_VERSIONS, appliedVersions(file));
    }

    /** Groups of a version-3 file never chose a zone (no command could set one): they follow the default. */
    @Test
    void upgradesAVersionThreeFileWithGroupsFollowingTheDefaultZone() throws SQLException {
        Path file = dir.resolve("v3.db");
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        SqlStudyStore.flyway(url, "3").migrate();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO study_groups (id, platform, group_id, name) VALUES (1, 'slack', 'T1', 'Acme')");
        }
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        try (SqlStudyStore store = SqlStudyStore.open(file, berlin)) {
            assertEquals(ALL_VERSIONS, appliedVersions(file));
            assertEquals(berlin, store.timeZone(GENERAL.group()));
        }
    }

    /** Questions posted before reports existed can be reported, and their answers analysed, after the upgrade. */
    @Test
    void upgradesAVersionFourFileToQuestionFeedback() throws SQLException {
        long posted = 7;
        Path file = fileAtVersion("4", s -> {
            s.executeUpdate("INSERT INTO members (id, platform, user_id, display_name) VALUES (1, 'slack', 'U1', 'Ann')");
            insertOldDailyQuestion(s, posted);
            s.executeUpdate("INSERT INTO answers (posted_ref, member_ref, choice, correct, points, answered_at)"
                    + " VALUES (" + posted + ", 1, 1, 0, 0, 0)");
        });
        try (SqlStudyStore store = SqlStudyStore.open(file)) {
            assertEquals(ALL_VERSIONS, appliedVersions(file));
            store.questionFeedback().report(posted, StoreFixtures.BOB, dev.studybot.itemanalysis.ReportReason.UNCLEAR,
                    StoreFixtures.T0);
            QuestionFeedbackStore.FlaggedQuestion flagged = store.questionFeedback().question("q1").orElseThrow();
            assertEquals(1, flagged.analysis().answered());
            assertEquals(1, flagged.reports().size());
            assertEquals("Old prompt?", flagged.prompt());
            assertEquals("B", flagged.analysis().mostPickedWrong().orElseThrow().getKey());
        }
    }

    /** A question of the day posted before its message id was kept is still open, delivered, and has no id. */
    @Test
    void upgradesAVersionSixFileWithoutMessageIds() throws SQLException {
        long posted = 9;
        Path file = fileAtVersion("6", s -> {
            insertOldDailyQuestion(s, posted);
            s.executeUpdate("INSERT INTO daily_posts (posted_ref, channel_ref, day, posted_at, reveal_at, delivered_at)"
                    + " VALUES (" + posted + ", 1, '2026-11-24', 0, 9e12, 5)");
        });
        try (SqlStudyStore store = SqlStudyStore.open(file)) {
            assertEquals(ALL_VERSIONS, appliedVersions(file));
            assertEquals(java.util.Optional.of(java.time.Instant.ofEpochMilli(5)), store.deliveries().deliveredAt(posted));
            assertTrue(store.deliveries().message(posted).isEmpty(), "no id: its reveal is a message of its own");
            assertEquals(1, store.unrevealed().size());
        }
    }

    /** Rows written straight into an old file. */
    private interface OldRows {
        void insert(Statement s) throws SQLException;
    }

    /** A database file brought up to {@code version} only, holding {@code rows}. */
    private Path fileAtVersion(String version, OldRows rows) throws SQLException {
        Path file = dir.resolve("v" + version + ".db");
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        SqlStudyStore.flyway(url, version).migrate();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            rows.insert(s);
        }
        return file;
    }

    /** A question of the day (question id q1) in a Slack channel, as the versions before 5 stored it. */
    private static void insertOldDailyQuestion(Statement s, long posted) throws SQLException {
        s.executeUpdate("INSERT INTO study_groups (id, platform, group_id, name) VALUES (1, 'slack', 'T1', 'Acme')");
        s.executeUpdate("INSERT INTO channels (id, group_ref, channel_id, name) VALUES (1, 1, 'C1', 'general')");
        s.executeUpdate("INSERT INTO posted (id, mode, channel_ref, posted_at, expires_at, question_id, kind, topic,"
                + " prompt, choices, answer, file, line, explanation) VALUES (" + posted + ", 'DAILY', 1, 0, 9e12,"
                + " 'q1', 'fact', '[\"EC2\"]', 'Old prompt?', '[\"A\",\"B\"]', 0, 'aws.md', 3, 'Because.')");
    }

    private static int count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static List<String> appliedVersions(Path file) throws SQLException {
        List<String> versions = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(
                     "SELECT version FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL "
                             + "ORDER BY installed_rank")) {
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
        }
        return versions;
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
