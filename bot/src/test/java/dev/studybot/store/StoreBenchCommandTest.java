package dev.studybot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybot.cli.StoreBenchCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class StoreBenchCommandTest {

    @Test
    void benchRunsOnSmallNumbersAndPrintsItsSummaryLast() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new StoreBenchCommand());
        cli.setOut(new PrintWriter(out));
        int status = cli.execute("--users", "300", "--answers", "20000", "--rounds", "3");
        assertEquals(0, status);
        String[] lines = out.toString().strip().split("\n");
        String last = lines[lines.length - 1];
        assertTrue(last.matches("users=300 answers=20000 populate_ms=\\d+ p50_us=\\d+ p99_us=\\d+"), last);
    }
}
