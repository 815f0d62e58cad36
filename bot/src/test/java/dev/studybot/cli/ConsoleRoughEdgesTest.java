package dev.studybot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console as a new user met it: warnings, counts and a mistyped option. */
class ConsoleRoughEdgesTest {

    @TempDir
    Path dir;

    @Test
    void aBadNotesFileIsWarnedAboutOnce() throws Exception {
        Path notes = CliTestSupport.writeNotes(dir);
        Files.write(notes.resolve("broken.md"), new byte[] {0, 1, 2, 'x', 0, 0});
        PrintStream originalErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliTestSupport.Run run;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            run = CliTestSupport.run("quit\n", "console", "--notes", notes.toString(), "--data",
                    dir.resolve("data").toString(), "--db", dir.resolve("studybot.db").toString());
        } finally {
            System.setErr(originalErr);
        }

        assertEquals(0, run.exitCode(), run.err());
        String warnings = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, warnings.lines().filter(line -> line.contains("broken.md")).count(), warnings);
        assertTrue(run.out().contains("3 passages and "), run.out());
    }

    @Test
    void aGraceThatIsNoNumberSaysWhatIsWanted() throws Exception {
        Path notes = CliTestSupport.writeNotes(dir);
        CliTestSupport.Run run = CliTestSupport.run("quit\n", "console", "--notes", notes.toString(), "--grace", "soon");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("'--grace': it must be a whole number of minutes, 0 or more (got \"soon\")"),
                run.err());
        assertFalse(run.err().contains("is not a long"), run.err());
    }
}
