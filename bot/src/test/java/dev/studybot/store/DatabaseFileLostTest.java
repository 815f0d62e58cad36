package dev.studybot.store;

import static dev.studybot.store.StoreFixtures.answer;
import static dev.studybot.store.StoreFixtures.ANN;
import static dev.studybot.store.StoreFixtures.BOB;
import static dev.studybot.store.StoreFixtures.GENERAL;
import static dev.studybot.store.StoreFixtures.T0;
import static dev.studybot.store.StoreFixtures.postDaily;
import static dev.studybot.store.StoreFixtures.question;
import static dev.studybot.store.StoreFixtures.right;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import ch.qos.logback.classic.Level;
import dev.studybot.ops.CapturedLogs;
import dev.studybot.ops.StartupFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database file deleted or replaced under a running bot: no answer may be acknowledged into the void. */
class DatabaseFileLostTest {

    @TempDir
    Path dir;
    private final CapturedLogs logs = CapturedLogs.studybot();

    @AfterEach
    void closeLogs() {
        logs.close();
    }

    @Test
    void afterTheFileIsDeletedNoWriteIsAcknowledgedAndTheProblemIsSaidOnce() throws Exception {
        Path db = dir.resolve("studybot.db");
        try (SqlStudyStore store = SqlStudyStore.open(db)) {
            long posted = postDaily(store, GENERAL, 1, T0);
            answer(store, posted, ANN, GENERAL, right(question(1)), T0.plusSeconds(60));
            assertNull(store.fileProblem());

            Files.delete(db);

            StoreException refused = assertThrows(StoreException.class,
                    () -> answer(store, posted, BOB, GENERAL, right(question(1)), T0.plusSeconds(120)));
            assertTrue(refused.getMessage().contains("was deleted"), refused.getMessage());
            assertThrows(StoreException.class, () -> postDaily(store, GENERAL, 2, T0.plusSeconds(180)));
            assertTrue(store.fileProblem().contains("deleted while studybot ran"), store.fileProblem());
            assertEquals(1, logs.events().stream().filter(event -> event.getLevel() == Level.ERROR).count(), logs.text());
        }
    }

    @Test
    void aFileMovedInOverTheDatabaseIsNoLessLost() throws Exception {
        Path db = dir.resolve("studybot.db");
        Path other = dir.resolve("other.db");
        SqlStudyStore.open(other).close();
        try (SqlStudyStore store = SqlStudyStore.open(db)) {
            postDaily(store, GENERAL, 1, T0);
            Files.move(other, db, StandardCopyOption.REPLACE_EXISTING);

            assertThrows(StoreException.class, () -> postDaily(store, GENERAL, 2, T0.plusSeconds(60)));
            assertTrue(store.fileProblem().contains("replaced by another file"), store.fileProblem());
        }
    }

    @Test
    void aReadOnlyDatabaseIsRefusedAtStartWithOneLineSayingWhatToDo() throws Exception {
        Path db = dir.resolve("studybot.db");
        SqlStudyStore.open(db).close();
        assertTrue(db.toFile().setWritable(false, false));
        try {
            assumeFalse(Files.isWritable(db), "running as root: every file is writable");
            StartupFailure refused = assertThrows(StartupFailure.class, () -> SqlStudyStore.open(db));
            assertTrue(refused.getMessage().contains("cannot be written"), refused.getMessage());
        } finally {
            db.toFile().setWritable(true, false);
        }
    }
}
