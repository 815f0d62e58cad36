package dev.studybot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bench-slack runs the real adapter and bot against the loopback stand-in; here only that it measures, not how fast. */
class SlackBenchCommandTest {

    private static final Pattern ROUND = Pattern.compile("delay_ms=(\\d+) concurrency=(\\d+) requests=(\\d+) busy=(\\d+)"
            + " ack_p50_ms=([\\d.]+) ack_p99_ms=([\\d.]+) reply_p50_ms=([\\d.]+) reply_p99_ms=([\\d.]+) replies_per_s=(\\d+)");

    @TempDir
    Path dir;

    @Test
    void printsOneLineOfFiguresPerDelayAndConcurrency() throws Exception {
        Path notes = CliTestSupport.writeNotes(dir);
        Path data = dir.resolve("data");
        CliTestSupport.Run run = CliTestSupport.run("", "bench-slack", "--notes", notes.toString(), "--data", data.toString(),
                "--requests", "8", "--concurrency", "2", "--delays", "0,10");

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(2, lines.size(), run.out());
        String[][] expected = {{"0", "2"}, {"10", "2"}};
        for (int i = 0; i < lines.size(); i++) {
            Matcher round = ROUND.matcher(lines.get(i));
            assertTrue(round.matches(), lines.get(i));
            assertEquals(expected[i][0], round.group(1));
            assertEquals(expected[i][1], round.group(2));
            assertEquals("8", round.group(3));
            assertEquals("0", round.group(4), "nothing refused as busy at this load");
            assertTrue(Double.parseDouble(round.group(5)) <= Double.parseDouble(round.group(6)), lines.get(i));
            assertTrue(Double.parseDouble(round.group(7)) <= Double.parseDouble(round.group(8)), lines.get(i));
            assertTrue(Integer.parseInt(round.group(9)) > 0, lines.get(i));
        }
        assertTrue(Files.isDirectory(data.resolve("index")), "the index is kept in --data for the next run");
    }
}
