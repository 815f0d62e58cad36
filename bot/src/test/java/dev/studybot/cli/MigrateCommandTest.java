package dev.studybot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybot.config.DatabaseLocation;
import dev.studybot.config.ScoringRules;
import dev.studybot.domain.Member;
import dev.studybot.domain.MemberKey;
import dev.studybot.domain.Mode;
import dev.studybot.domain.Period;
import dev.studybot.domain.Place;
import dev.studybot.domain.Scope;
import dev.studybot.game.AnswerService;
import dev.studybot.knowledge.questions.Question;
import dev.studybot.store.Leaderboard;
import dev.studybot.store.SqlStudyStore;
import dev.studybot.store.ThrowawayPostgresql;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * studybot migrate as a user runs it, against the test JVM's real PostgreSQL server. The command reads the password
 * from STUDYBOT_DATABASE_PASSWORD, which a test cannot set in its own process; without it the driver takes the
 * password from a pgpass file, which the test names by the driver's system property.
 */
class MigrateCommandTest {

    private static final Place PLACE = new Place("slack", "T1", "Acme", "C1", "general");
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final String PGPASSFILE = "org.postgresql.pgpassfile";

    @TempDir
    Path dir;

    private final ThrowawayPostgresql server = ThrowawayPostgresql.get();

    private Path teamFile() {
        Path file = dir.resolve("studybot.db");
        try (SqlStudyStore store = SqlStudyStore.open(file)) {
            AnswerService answers = new AnswerService(store.answers(), ScoringRules.DEFAULTS);
            for (int n = 1; n <= 3; n++) {
                Question question = new Question("q" + n, "fact", List.of("S3"), "Question " + n + "?",
                        List.of("a", "b", "c", "d"), 0, "n.md", n, "because");
                long posted = store.post(PLACE, null, Mode.PRACTICE, question, NOW, NOW.plusSeconds(3600));
                answers.answer(posted, new Member("slack", "U1", "Ann"), PLACE, 0, NOW);
                answers.answer(posted, new Member("slack", "U2", "Bob"), PLACE, n % 2, NOW);
            }
        }
        return file;
    }

    private static Leaderboard board(SqlStudyStore store) {
        return store.leaderboard(PLACE, Scope.GROUP, Period.ALL, new MemberKey("slack", "U2"), 10, NOW);
    }

    /** Runs the command with {@code password} where the driver finds it, for the server's databases. */
    private CliTestSupport.Run withPassword(String password, Supplier<CliTestSupport.Run> run) throws IOException {
        Path pgpass = Files.writeString(dir.resolve("pgpass"), "*:*:*:*:" + password + "\n");
        System.setProperty(PGPASSFILE, pgpass.toString());
        try {
            return run.get();
        } finally {
            System.clearProperty(PGPASSFILE);
        }
    }

    @Test
    void copiesATeamAndPrintsEachTablesCountsOnBothSides() throws IOException {
        Path file = teamFile();
        Leaderboard before;
        try (SqlStudyStore store = SqlStudyStore.open(file)) {
            before = board(store);
        }
        DatabaseLocation.PostgresqlServer target = server.emptyDatabase();

        CliTestSupport.Run run = withPassword(server.password(),
                () -> CliTestSupport.run("", "migrate", "--from", "sqlite:" + file, "--to", target.toString()));

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("Copied " + file + " to " + target + ":"), run.out());
        assertTrue(run.out().matches("(?s).*\\n  answers +6 +6\\n.*"), run.out());
        assertTrue(run.out().matches("(?s).*\\n  members +2 +2\\n.*"), run.out());
        assertTrue(run.out().endsWith("Row counts are equal in all 16 tables." + System.lineSeparator()), run.out());
        try (SqlStudyStore copy = SqlStudyStore.open(target, ZoneId.of("UTC"), server.password())) {
            assertEquals(before, board(copy));
            assertEquals(2, board(copy).players());
        }

        CliTestSupport.Run again = withPassword(server.password(),
                () -> CliTestSupport.run("", "migrate", "--from", "sqlite:" + file, "--to", target.toString()));
        assertEquals(2, again.exitCode());
        assertTrue(again.err().contains("already holds data") && again.err().contains("--replace"), again.err());
    }

    @Test
    void badLocationsAndAWrongPasswordAreRefusedWithoutTheSecret() throws IOException {
        Path file = teamFile();
        CliTestSupport.Run noPrefix = CliTestSupport.run("", "migrate", "--from", file.toString(), "--to",
                "postgresql://127.0.0.1:1/studybot?user=studybot");
        assertEquals(2, noPrefix.exitCode());
        assertTrue(noPrefix.err().contains("it must be sqlite:FILE"), noPrefix.err());

        CliTestSupport.Run toFile = CliTestSupport.run("", "migrate", "--from", "sqlite:" + file, "--to",
                dir.resolve("other.db").toString());
        assertEquals(2, toFile.exitCode());
        assertTrue(toFile.err().contains("--to must be a PostgreSQL database"), toFile.err());

        CliTestSupport.Run missing = CliTestSupport.run("", "migrate", "--from", "sqlite:" + dir.resolve("none.db"),
                "--to", "postgresql://127.0.0.1:1/studybot?user=studybot");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("There is no database at"), missing.err());

        CliTestSupport.Run unreachable = CliTestSupport.run("", "migrate", "--from", "sqlite:" + file, "--to",
                "postgresql://127.0.0.1:1/studybot?user=studybot");
        assertEquals(1, unreachable.exitCode());
        assertTrue(unreachable.err().startsWith("studybot: Cannot connect to the database"
                + " postgresql://127.0.0.1:1/studybot?user=studybot: "), unreachable.err());

        String wrong = "wrong-" + server.password();
        DatabaseLocation.PostgresqlServer target = server.freshDatabase();
        CliTestSupport.Run refused = withPassword(wrong,
                () -> CliTestSupport.run("", "migrate", "--from", "sqlite:" + file, "--to", target.toString()));
        assertEquals(1, refused.exitCode());
        assertTrue(refused.err().contains("password authentication failed"), refused.err());
        assertFalse((refused.out() + refused.err()).contains(wrong));
    }
}
