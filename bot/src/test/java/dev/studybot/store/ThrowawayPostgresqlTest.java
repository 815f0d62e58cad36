package dev.studybot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without server binaries the PostgreSQL tests fail, saying what to install, rather than being skipped. */
class ThrowawayPostgresqlTest {

    @TempDir
    Path dir;

    @Test
    void withoutBinariesTheFailureSaysWhatToInstall() throws IOException {
        Path nothing = Files.createDirectories(dir.resolve("usr/lib/postgresql"));
        String message = assertThrows(IllegalStateException.class,
                () -> ThrowawayPostgresql.findBinaries(null, nothing)).getMessage();
        assertTrue(message.contains("apt-get install postgresql") && message.contains(ThrowawayPostgresql.BIN_VARIABLE),
                message);
        String configured = assertThrows(IllegalStateException.class,
                () -> ThrowawayPostgresql.findBinaries(dir.toString(), nothing)).getMessage();
        assertTrue(configured.contains(ThrowawayPostgresql.BIN_VARIABLE + "=" + dir + " has no initdb"), configured);
    }

    @Test
    void theNewestVersionIsTaken() throws IOException {
        Path debian = dir.resolve("postgresql");
        for (String version : new String[] {"9", "15", "13"}) {
            Path initdb = Files.createDirectories(debian.resolve(version).resolve("bin")).resolve("initdb");
            Files.createFile(initdb, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        }
        assertEquals(debian.resolve("15/bin"), ThrowawayPostgresql.findBinaries("", debian));
    }
}
