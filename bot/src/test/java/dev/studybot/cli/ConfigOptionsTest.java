package dev.studybot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybot.config.DatabaseLocation;
import dev.studybot.config.StudybotConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** --config, the environment and the options, as the commands see them. */
class ConfigOptionsTest {

    @TempDir
    Path dir;

    private Path config() throws IOException {
        return Files.writeString(dir.resolve("studybot.yml"), """
                notes: file-notes
                data: file-data
                question_of_the_day:
                  reveal_before_minutes: 10
                  grace_minutes: 20
                  live_count_seconds: 3
                admins:
                  console: [alice]
                """);
    }

    private static Object command(Map<String, String> env, String... args) {
        CommandLine.ParseResult parsed = StudybotCommand.commandLine().parseArgs(args);
        StudybotCommand.resolveConfiguration(parsed, env);
        return parsed.subcommand().commandSpec().userObject();
    }

    @Test
    void dbTakesAPostgresqlServerButNeverItsPassword() throws IOException {
        String file = config().toString();
        ConsoleCommand onServer = (ConsoleCommand) command(Map.of(), "console", "--config", file,
                "--db", "postgresql://db.internal/studybot?user=bot");
        assertEquals(new DatabaseLocation.PostgresqlServer("jdbc:postgresql://db.internal:5432/studybot", "bot"),
                onServer.db);
        CommandLine.ParameterException refused = assertThrows(CommandLine.ParameterException.class,
                () -> command(Map.of(), "console", "--db", "postgresql://bot:s3cret-pw@db.internal/studybot"));
        assertTrue(refused.getMessage().contains("carries a password"), refused.getMessage());
        assertFalse(refused.getMessage().contains("s3cret-pw"), refused.getMessage());
    }

    @Test
    void consoleTakesTheFileThenTheEnvironmentThenTheOptions() throws IOException {
        String file = config().toString();
        ConsoleCommand fromFile = (ConsoleCommand) command(Map.of(), "console", "--config", file);
        assertEquals(Path.of("file-notes"), fromFile.notes.notes);
        assertEquals(Path.of("file-data"), fromFile.notes.data);
        assertEquals(new DatabaseLocation.SqliteFile(Path.of("file-data", "studybot.db")), fromFile.db);
        assertEquals(Duration.ofMinutes(10), fromFile.settings().revealBeforeNext());
        assertEquals(Duration.ofMinutes(20), fromFile.settings().grace());
        assertEquals(Duration.ofSeconds(3), fromFile.settings().liveCountEvery(), "the live count's edit interval");
        assertEquals(List.of("alice"), fromFile.config().admins().console());

        Map<String, String> env = Map.of("STUDYBOT_NOTES", "env-notes", "STUDYBOT_GRACE_MINUTES", "30",
                "STUDYBOT_DB", "env.db", "STUDYBOT_CONSOLE_ADMINS", "bob");
        ConsoleCommand fromEnv = (ConsoleCommand) command(env, "console", "--config", file);
        assertEquals(Path.of("env-notes"), fromEnv.notes.notes);
        assertEquals(Path.of("file-data"), fromEnv.notes.data);
        assertEquals(new DatabaseLocation.SqliteFile(Path.of("env.db")), fromEnv.db);
        assertEquals(Duration.ofMinutes(30), fromEnv.settings().grace());
        assertEquals(List.of("bob"), fromEnv.config().admins().console());

        ConsoleCommand fromOptions = (ConsoleCommand) command(env, "console", "--config", file, "--notes", "opt-notes",
                "--data", "opt-data", "--db", "opt.db", "--grace", "40", "--reveal-before", "5", "--admins", "carol,dave");
        assertEquals(Path.of("opt-notes"), fromOptions.notes.notes);
        assertEquals(Path.of("opt-data"), fromOptions.notes.data);
        assertEquals(new DatabaseLocation.SqliteFile(Path.of("opt.db")), fromOptions.db);
        assertEquals(Duration.ofMinutes(40), fromOptions.settings().grace());
        assertEquals(Duration.ofMinutes(5), fromOptions.settings().revealBeforeNext());
        assertEquals(List.of("carol", "dave"), fromOptions.config().admins().console());
    }

    @Test
    void runSeesTheSameSettingsAsConsole() throws IOException {
        RunCommand run = (RunCommand) command(Map.of("STUDYBOT_REVEAL_BEFORE_MINUTES", "7"), "run", "--config",
                config().toString(), "--data", "opt-data");
        assertEquals(Path.of("file-notes"), run.console.notes.notes);
        assertEquals(new DatabaseLocation.SqliteFile(Path.of("opt-data", "studybot.db")), run.console.db, "no database set: inside the data folder");
        assertEquals(Duration.ofMinutes(7), run.console.settings().revealBeforeNext());
    }

    @Test
    void withoutAFileTheDefaultsAreAsBefore() {
        ConsoleCommand console = (ConsoleCommand) command(Map.of(), "console");
        assertEquals(Path.of("notes"), console.notes.notes);
        assertEquals(Path.of("data"), console.notes.data);
        assertEquals(new DatabaseLocation.SqliteFile(Path.of("data", "studybot.db")), console.db);
        assertEquals(StudybotConfig.DEFAULTS.questionOfTheDay().graceMinutes(), console.settings().grace().toMinutes());
        assertTrue(console.config().admins().console().isEmpty(), "everyone is an admin");
    }

    @Test
    void searchHonoursTheFilesNotesAndData() throws IOException {
        Path notes = CliTestSupport.writeNotes(dir);
        Path file = Files.writeString(dir.resolve("search.yml"),
                "notes: " + notes + "\ndata: " + dir.resolve("index") + "\n");
        CliTestSupport.Run run = CliTestSupport.run("", "search", "--config", file.toString(), "long polling");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Long polling waits up to 20 seconds"), run.out());
        assertTrue(Files.isDirectory(dir.resolve("index")), "the index is in the configured data folder");
    }

    @Test
    void aBadFileStopsEveryCommandWithItsKey() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.yml"), "question_of_the_day:\n  grace_minutes: soon\n");
        for (String command : List.of("console", "run", "search", "questions")) {
            List<String> args = command.equals("search")
                    ? List.of(command, "--config", file.toString(), "words") : List.of(command, "--config", file.toString());
            CliTestSupport.Run run = CliTestSupport.run("quit\n", args.toArray(String[]::new));
            assertEquals(2, run.exitCode(), command + ": " + run.err());
            assertEquals("studybot: " + file + ": question_of_the_day.grace_minutes must be a whole number of minutes,"
                    + " 0 or more (got \"soon\")", run.err().strip(), command);
            assertFalse(run.err().contains("Exception"), run.err());
        }
        Path unknown = Files.writeString(dir.resolve("unknown.yml"), "scorin: {}\n");
        CliTestSupport.Run run = CliTestSupport.run("quit\n", "console", "--config", unknown.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("studybot: unknown key \"scorin\" in " + unknown + "; known keys: notes,"), run.err());
    }

    @Test
    void negativeOptionsAreNamed() {
        CliTestSupport.Run run = CliTestSupport.run("quit\n", "console", "--grace", "-3");
        assertEquals(2, run.exitCode());
        assertEquals("studybot: --grace must be a whole number of minutes, 0 or more (got -3)", run.err().strip());
    }

    @Test
    void helpNeedsNoValidConfiguration() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.yml"), "nonsense: 1\n");
        CliTestSupport.Run run = CliTestSupport.run("", "--help", "console", "--config", file.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Usage: studybot"), run.out());
    }
}
