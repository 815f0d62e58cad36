package dev.studybot.cli;

import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "studybot", mixinStandardHelpOptions = true, versionProvider = StudybotCommand.Version.class,
        description = "A study assistant that answers lookups from your team's notes.",
        subcommands = {RunCommand.class, ConsoleCommand.class, SearchCommand.class, QuestionsCommand.class, EvalCommand.class, BenchCommand.class, StoreBenchCommand.class, BackupCommand.class, CommandLine.HelpCommand.class})
public final class StudybotCommand {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new StudybotCommand());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // Bad folders, files and settings are the user's to fix: say what is wrong, no stack trace.
            if (e instanceof IllegalArgumentException || e instanceof UncheckedIOException) {
                commandLine.getErr().println("studybot: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cli;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = StudybotCommand.class.getPackage().getImplementationVersion();
            return new String[] {"studybot " + (version == null ? "(development build)" : version)};
        }
    }
}
