package dev.studybot.config;

import dev.studybot.knowledge.questions.QuestionGenerator;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Everything {@code config/studybot.yml} sets, after environment variables (and, through
 * {@link #withCommandLine}, command-line options) have overridden it. Secrets are not here: tokens come
 * from the environment only (see {@code .env.example}).
 *
 * @param source           where the values come from, for messages: the file, or "built-in defaults"
 * @param notes            the notes folder
 * @param data             the data folder (search index; the database too unless {@code database} is set)
 * @param database         the SQLite database file, or null: {@code studybot.db} in the data folder
 * @param timeZone         the time zone for groups that have none set
 * @param logLevel         how much to log
 * @param scoring          the point values
 * @param questionOfTheDay reveal and grace times
 * @param admins           admin user ids per platform
 * @param questions        which generated questions are served
 */
public record StudybotConfig(String source, Path notes, Path data, Path database, ZoneId timeZone, LogLevel logLevel,
                             ScoringRules scoring, QuestionOfTheDayTimes questionOfTheDay, Admins admins,
                             Questions questions) {

    /** The file read when no {@code --config} (or {@code STUDYBOT_CONFIG}) names one, when it exists. */
    public static final Path DEFAULT_FILE = Path.of("config", "studybot.yml");
    public static final String DATABASE_FILE_NAME = "studybot.db";

    /** What studybot uses with no file, no environment variables and no options. */
    public static final StudybotConfig DEFAULTS = new StudybotConfig("built-in defaults", Path.of("notes"),
            Path.of("data"), null, ZoneId.of("UTC"), LogLevel.INFO, ScoringRules.DEFAULTS,
            new QuestionOfTheDayTimes(30, 120), new Admins(List.of(), List.of(), List.of()), new Questions(QuestionGenerator.DEFAULT_MIN_SCORE));

    public StudybotConfig {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(notes, "notes");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(logLevel, "logLevel");
        Objects.requireNonNull(scoring, "scoring");
        Objects.requireNonNull(questionOfTheDay, "questionOfTheDay");
        Objects.requireNonNull(admins, "admins");
        Objects.requireNonNull(questions, "questions");
    }

    /**
     * Which generated questions are served.
     *
     * @param minScore the quality score (0 to 1) a generated question needs to be in the pool
     */
    public record Questions(double minScore) {
        public Questions {
            if (!(minScore >= 0 && minScore <= 1)) {
                throw new IllegalArgumentException("A question's minimum score is between 0 and 1.");
            }
        }
    }

    /**
     * Reveal and grace times of the question of the day.
     *
     * @param revealBeforeMinutes reveal a question this long before the channel's next one
     * @param graceMinutes        after a restart, post a question whose time passed at most this long ago
     */
    public record QuestionOfTheDayTimes(long revealBeforeMinutes, long graceMinutes) {
        public QuestionOfTheDayTimes {
            if (revealBeforeMinutes < 0 || graceMinutes < 0) {
                throw new IllegalArgumentException("Reveal and grace times are minutes, 0 or more.");
            }
        }
    }

    /**
     * Admin user ids per platform.
     *
     * @param console who may use the admin commands in the console; empty: everyone
     * @param slack   Slack user ids that count as admins besides workspace admins and owners
     * @param discord Discord user ids that count as admins besides members with Manage Server
     */
    public record Admins(List<String> console, List<String> slack, List<String> discord) {
        public Admins {
            console = List.copyOf(console);
            slack = List.copyOf(slack);
            discord = List.copyOf(discord);
        }
    }

    /** The same settings, said to come from {@code newSource}. */
    public StudybotConfig withSource(String newSource) {
        return new StudybotConfig(newSource, notes, data, database, timeZone, logLevel, scoring, questionOfTheDay,
                admins, questions);
    }

    /** The database file: {@link #database} when set, otherwise {@code studybot.db} in the data folder. */
    public Path databaseFile() {
        return database != null ? database : data.resolve(DATABASE_FILE_NAME);
    }

    /**
     * These settings with the command-line options that were given; null means "not given". Options
     * override the file and the environment.
     *
     * @throws ConfigException when a number is negative; the message names the option
     */
    public StudybotConfig withCommandLine(Path notesOption, Path dataOption, Path dbOption, Long revealBeforeOption,
                                          Long graceOption, List<String> consoleAdminsOption) {
        if (revealBeforeOption != null && revealBeforeOption < 0) {
            throw new ConfigException("--reveal-before must be a whole number of minutes, 0 or more (got "
                    + revealBeforeOption + ")");
        }
        if (graceOption != null && graceOption < 0) {
            throw new ConfigException("--grace must be a whole number of minutes, 0 or more (got " + graceOption + ")");
        }
        List<String> consoleAdmins = admins.console();
        if (consoleAdminsOption != null) {
            consoleAdmins = consoleAdminsOption.stream().map(String::strip).filter(id -> !id.isEmpty()).toList();
        }
        return new StudybotConfig(source,
                notesOption != null ? notesOption : notes,
                dataOption != null ? dataOption : data,
                dbOption != null ? dbOption : database,
                timeZone, logLevel, scoring,
                new QuestionOfTheDayTimes(
                        revealBeforeOption != null ? revealBeforeOption : questionOfTheDay.revealBeforeMinutes(),
                        graceOption != null ? graceOption : questionOfTheDay.graceMinutes()),
                new Admins(consoleAdmins, admins.slack(), admins.discord()), questions);
    }
}
