package dev.studybot.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/** Runs the real command line in-process, with notes written by the test. */
final class CliTestSupport {

    record Run(int exitCode, String out, String err) {
    }

    private CliTestSupport() {
    }

    static Path writeNotes(Path folder) throws IOException {
        Path notes = Files.createDirectories(folder.resolve("notes"));
        Files.writeString(notes.resolve("compute.md"), """
                # EC2
                ## Spot Instances
                - Spot capacity can be reclaimed with a two-minute interruption notice
                  - the notice shows up in instance metadata
                - cheaper than on-demand for batch jobs

                ## Placement Groups
                - cluster: low latency inside one rack
                - spread: at most 7 instances per AZ per group
                """);
        Files.writeString(notes.resolve("queues.txt"), """
                SQS

                • Visibility timeout hides a received message from other consumers
                  • default 30 seconds, can be raised to 12 hours
                • Long polling waits up to 20 seconds for messages
                """);
        return notes;
    }

    static Run run(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = StudybotCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        InputStream originalIn = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            int code = cli.execute(args);
            return new Run(code, out.toString(), err.toString());
        } finally {
            System.setIn(originalIn);
        }
    }
}
