package dev.studybot.cli;

import dev.studybot.config.StudybotConfig;
import dev.studybot.ops.StartupFailure;
import java.io.UncheckedIOException;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "studybot", mixinStandardHelpOptions = true, versionProvider = StudybotCommand.Version.class,
        description = "A study assistant that answers lookups from your team's notes.",
        subcommands = {RunCommand.class, ConsoleCommand.class, SearchCommand.class, QuestionsCommand.class, EvalCommand.class, BenchCommand.class, BenchQuestionsCommand.class, StoreBenchCommand.class, SlackBenchCommand.class, BackupCommand.class, MigrateCommand.class, HealthCommand.class, CommandLine.HelpCommand.class})
public final class StudybotCommand {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new StudybotCommand());
        // Enum values are written in lower case on the command line (--half holdout).
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // Bad folders, files and settings are the user's to fix: say what is wrong, no stack trace.
            if (e instanceof IllegalArgumentException || e instanceof UncheckedIOException) {
                commandLine.getErr().println("studybot: " + e.getMessage());
                return 2;
            }
            if (e instanceof StartupFailure) {
                commandLine.getErr().println("studybot: " + e.getMessage());
                return 1;
            }
            throw e;
        });
        cli.setExecutionStrategy(parseResult -> {
            if (CommandLine.printHelpIfRequested(parseResult)) {
                return cli.getCommandSpec().exitCodeOnUsageHelp();
            }
            resolveConfiguration(parseResult, System.getenv());
            return new CommandLine.RunLast().execute(parseResult);
        });
        return cli;
    }

    /**
     * Reads the configuration file and environment for the commands about to run, so that their options
     * hold the settled values (option, else environment, else file, else default) before they start; a bad
     * configuration stops here with a message naming the key.
     */
    static void resolveConfiguration(CommandLine.ParseResult parseResult, Map<String, String> env) {
        for (CommandLine commandLine : parseResult.asCommandLineList()) {
            try {
                resolve(commandLine.getCommandSpec(), env);
            } catch (IllegalArgumentException | UncheckedIOException e) {
                throw new CommandLine.ExecutionException(commandLine, e.getMessage(), e);
            }
        }
    }

    /** Resolves the command's (and its mixins') configuration; returns it, or null when it has none. */
    private static StudybotConfig resolve(CommandSpec spec, Map<String, String> env) {
        StudybotConfig config = null;
        if (spec.userObject() instanceof ConsoleCommand console) {
            config = console.resolve(env);
        } else if (spec.userObject() instanceof NotesOptions notes) {
            config = notes.resolve(env);
        }
        for (CommandSpec mixin : spec.mixins().values()) {
            StudybotConfig inner = resolve(mixin, env);
            if (config == null) {
                config = inner;
            }
        }
        return config;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = StudybotCommand.class.getPackage().getImplementationVersion();
            return new String[] {"studybot " + (version == null ? "(development build)" : version)};
        }
    }
}
