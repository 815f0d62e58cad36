package dev.studybot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {

    @TempDir
    Path dir;

    @Test
    void withoutTokensRunIsTheConsoleAndStopsAtQuit() throws Exception {
        Path notes = CliTestSupport.writeNotes(dir);
        CliTestSupport.Run run = CliTestSupport.run("""
                /study search long polling
                @alice #quiz /study quiz
                how long is the spot interruption warning
                /study nonsense
                /study about
                quit
                placement groups
                """, "run", "--notes", notes.toString(), "--data", dir.resolve("data").toString(),
                "--db", dir.resolve("studybot.db").toString());

        assertEquals(0, run.exitCode(), run.err());
        String out = run.out();
        assertTrue(out.contains("Long polling waits up to 20 seconds"), out);
        assertTrue(out.contains("> @alice #quiz /study quiz"), "scripted input is echoed: " + out);
        assertTrue(out.contains("Practice question") && out.contains("[1a] "), out);
        assertTrue(out.contains("two-minute interruption notice"), "plain text is looked up: " + out);
        assertTrue(out.contains("I don't know \"/study nonsense\""), out);
        assertTrue(out.contains("Notes: 2 files, 3 passages") && out.contains("Up for 0d 00h"), out);
        assertFalse(out.contains("cluster: low latency"), "nothing is answered after quit: " + out);
    }

    @Test
    void aDamagedDatabaseStopsStartWithOneLineSayingWhatToDo() throws Exception {
        Path notes = CliTestSupport.writeNotes(dir);
        Path db = dir.resolve("studybot.db");
        byte[] junk = new byte[4096];
        new Random(16).nextBytes(junk);
        Files.write(db, junk);

        CliTestSupport.Run run = CliTestSupport.run("quit\n", "run", "--notes", notes.toString(), "--data",
                dir.resolve("data").toString(), "--db", db.toString());

        assertEquals(1, run.exitCode(), run.err());
        assertEquals(1, run.err().lines().count(), "one line, no stack trace: " + run.err());
        assertTrue(run.err().startsWith("studybot: The database " + db.toAbsolutePath() + " is not an SQLite database"),
                run.err());
        assertTrue(run.err().contains("backup"), run.err());
    }
}
