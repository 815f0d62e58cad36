package dev.studybot.cli;

import dev.studybot.chat.Plural;
import dev.studybot.config.DatabaseLocation;
import dev.studybot.config.StudybotConfig;
import dev.studybot.console.ConsoleChat;
import dev.studybot.ops.Logs;
import dev.studybot.qotd.QuestionOfTheDay;
import dev.studybot.study.StudyBot;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "console", description = {
        "Chat with studybot in the terminal, or script it on stdin: lines may start with @user and #channel;",
        "/study <command> runs a command, a button key like 12b presses that button, other text is looked up."})
final class ConsoleCommand implements Callable<Integer> {

    private static final String LOG_FILE_NAME = "studybot.log";

    @Mixin
    NotesOptions notes;

    @Option(names = "--db", paramLabel = "FILE|URL", converter = DatabaseConverter.class,
            description = "Database for scores and questions: " + DatabaseConverter.FORMS_AND_DEFAULT)
    DatabaseLocation db;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Fixes which practice questions come up, for repeatable scripts. Default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--reveal-before", paramLabel = "MINUTES", converter = MinutesConverter.class,
            description = "Reveal a question of the day this long before the next one."
                    + " Default: $STUDYBOT_REVEAL_BEFORE_MINUTES, else the configuration, else 30")
    Long revealBeforeMinutes;

    @Option(names = "--grace", paramLabel = "MINUTES", converter = MinutesConverter.class,
            description = "After a restart, post a question whose time passed at most this long ago."
                    + " Default: $STUDYBOT_GRACE_MINUTES, else the configuration, else 120")
    Long graceMinutes;

    @Option(names = "--admins", paramLabel = "USER", split = ",",
            description = "Who may set the question of the day in the console (comma-separated)."
                    + " Default: $STUDYBOT_CONSOLE_ADMINS, else admins.console in the configuration, else everyone")
    List<String> admins;

    @Spec
    CommandSpec spec;

    /** The configuration file, then the environment, then these options; set by {@link #resolve}. */
    private StudybotConfig config;

    @Override
    public Integer call() throws IOException {
        return run(spec.commandLine().getOut(), null);
    }

    /**
     * Settles every setting: options given on the command line win over the environment, which wins over
     * the configuration file. Fills in {@link #db} and the notes options. Runs once.
     */
    StudybotConfig resolve(Map<String, String> env) {
        if (config == null) {
            StudybotConfig fromFileAndEnv = notes.resolve(env);
            config = fromFileAndEnv.withCommandLine(notes.notes, notes.data, db, revealBeforeMinutes, graceMinutes,
                    admins);
            db = config.databaseLocation();
        }
        return config;
    }

    StudybotConfig config() {
        return resolve(System.getenv());
    }

    QuestionOfTheDay.Settings settings() {
        StudybotConfig.QuestionOfTheDayTimes times = config().questionOfTheDay();
        QuestionOfTheDay.Settings defaults = QuestionOfTheDay.Settings.DEFAULTS;
        return new QuestionOfTheDay.Settings(Duration.ofMinutes(times.revealBeforeMinutes()),
                defaults.revealWithoutSchedule(), Duration.ofMinutes(times.graceMinutes()), defaults.firstRetry(),
                Duration.ofSeconds(times.liveCountSeconds()));
    }

    /** @param banner a line to print first (why the console was started), or null */
    int run(PrintWriter out, String banner) throws IOException {
        boolean interactive = System.console() != null;
        StudybotConfig config = config();
        // The terminal is the conversation; the log goes to a file beside the index.
        Path logFile = notes.data.resolve(LOG_FILE_NAME);
        Logs.toFile(logFile, config.logLevel());
        try (BotAssembly parts = new BotAssembly(notes, db, config, seed, NotesOptions.warningsTo(System.err))) {
            if (banner != null) {
                out.println(banner);
            }
            out.printf("studybot console: %s and %s from %s (log: %s). Type /study help, or quit.%n",
                    Plural.of(parts.knowledge.lastSync().passages(), "passage"),
                    Plural.of(parts.questions.questions().size(), "question"), notes.notes, logFile);
            out.flush();
            ConsoleChat console = new ConsoleChat(new BufferedReader(new InputStreamReader(System.in,
                    StandardCharsets.UTF_8)), out, interactive, config.admins().console().isEmpty(), notes.data);
            StudyBot bot = parts.start(console.poster(), settings(), seed);
            console.start(parts.chat(bot));
        }
        return 0;
    }
}
