package dev.studybot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {

    @TempDir
    Path dir;

    @Test
    void consoleAnswersPipedLinesUntilQuit() throws Exception {
        Path notes = CliTestSupport.writeNotes(dir);
        CliTestSupport.Run run = CliTestSupport.run("""
                /study search long polling
                /study quiz
                /study help
                how long is the spot interruption warning
                quit
                placement groups
                """, "run", "--notes", notes.toString(), "--data", dir.resolve("data").toString());

        assertEquals(0, run.exitCode(), run.err());
        String out = run.out();
        assertTrue(out.contains("Long polling waits up to 20 seconds"), out);
        assertTrue(out.contains("/study quiz is not available yet"), out);
        assertTrue(out.contains("/study search <words>"), out);
        assertTrue(out.contains("two-minute interruption notice"), out);
        assertTrue(!out.contains("cluster: low latency"), "nothing is answered after quit: " + out);
    }
}
