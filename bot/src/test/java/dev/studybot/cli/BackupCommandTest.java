package dev.studybot.cli;

import dev.studybot.domain.MemberKey;
import dev.studybot.config.ScoringRules;
import dev.studybot.game.AnswerService;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybot.knowledge.questions.Question;
import dev.studybot.store.Leaderboard;
import dev.studybot.domain.Member;
import dev.studybot.domain.Mode;
import dev.studybot.domain.Period;
import dev.studybot.domain.Place;
import dev.studybot.domain.Scope;
import dev.studybot.store.SqlStudyStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupCommandTest {

    private static final Place PLACE = new Place("console", "console", "console", "general", "general");

    @TempDir
    Path dir;

    private Leaderboard board(SqlStudyStore store) {
        return store.leaderboard(PLACE, Scope.GROUP, Period.ALL, new MemberKey("console", "alice"), 10, Instant.now());
    }

    @Test
    void theBackupIsACompleteDatabaseWithTheSameScores() {
        Path db = dir.resolve("studybot.db");
        Leaderboard before;
        try (SqlStudyStore store = SqlStudyStore.open(db)) {
            Question question = new Question("q1", "fact", List.of("S3"), "How many nines ___?",
                    List.of("11", "9", "3", "5"), 0, "n.md", 1, "eleven nines");
            Instant now = Instant.now();
            long posted = store.post(PLACE, new Member("console", "alice", "alice"), Mode.PRACTICE, question, now,
                    now.plusSeconds(3600));
            new AnswerService(store.answers(), ScoringRules.DEFAULTS)
                    .answer(posted, new Member("console", "alice", "alice"), PLACE, 0, now);
            before = board(store);
            CliTestSupport.Run run = CliTestSupport.run("", "backup", "--db", db.toString(), "--to",
                    dir.resolve("copies/backup.db").toString());
            assertEquals(0, run.exitCode(), run.err());
        }
        try (SqlStudyStore copy = SqlStudyStore.open(dir.resolve("copies/backup.db"))) {
            assertEquals(before, board(copy));
            assertEquals(1, board(copy).top().get(0).points());
        }
    }

    @Test
    void refusesToOverwriteAndExplainsAMissingDatabase() throws Exception {
        Path existing = Files.writeString(dir.resolve("taken.db"), "x");
        CliTestSupport.Run missing = CliTestSupport.run("", "backup", "--db", dir.resolve("nope.db").toString(),
                "--to", dir.resolve("b.db").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("There is no database at"), missing.err());

        try (SqlStudyStore store = SqlStudyStore.open(dir.resolve("studybot.db"))) {
            assertTrue(board(store).top().isEmpty());
        }
        CliTestSupport.Run taken = CliTestSupport.run("", "backup", "--db", dir.resolve("studybot.db").toString(),
                "--to", existing.toString());
        assertEquals(2, taken.exitCode());
        assertTrue(taken.err().contains("already exists"), taken.err());
        assertEquals("x", Files.readString(existing));
    }

    @Test
    void withoutDbItBacksUpTheDatabaseTheConfigurationNames() throws Exception {
        Path data = dir.resolve("bot-data");
        try (SqlStudyStore store = SqlStudyStore.open(data.resolve("studybot.db"))) {
            Instant now = Instant.now();
            Question question = new Question("q1", "fact", List.of("S3"), "How many nines ___?",
                    List.of("11", "9", "3", "5"), 0, "n.md", 1, "eleven nines");
            new AnswerService(store.answers(), ScoringRules.DEFAULTS)
                    .answer(store.post(PLACE, null, Mode.PRACTICE, question, now, now.plusSeconds(60)),
                    new Member("console", "alice", "alice"), PLACE, 0, now);
        }
        Path config = Files.writeString(dir.resolve("studybot.yml"), "data: " + data + "\n");

        CliTestSupport.Run run = CliTestSupport.run("", "backup", "--config", config.toString(), "--to",
                dir.resolve("copy.db").toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Backed up " + data.resolve("studybot.db")), run.out());
        try (SqlStudyStore copy = SqlStudyStore.open(dir.resolve("copy.db"))) {
            assertEquals(1, board(copy).top().get(0).points());
        }
    }
}
