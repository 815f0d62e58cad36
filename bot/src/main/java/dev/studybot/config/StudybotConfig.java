package dev.studybot.config;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.studybot.knowledge.questions.QuestionGenerator;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Everything {@code config/studybot.yml} sets, after environment variables (and, through
 * {@link #withCommandLine}, command-line options) have overridden it. {@link ConfigLoader} binds the file onto
 * these records; each {@link Setting} names its key's environment variable and kind. Secrets are not here:
 * tokens come from the environment only (see {@code .env.example}).
 *
 * @param source           where the values come from, for messages: the file, or "built-in defaults"
 * @param notes            the notes folder
 * @param data             the data folder (search index; the database too unless {@code database} is set)
 * @param database         the SQLite database file or PostgreSQL server, or null: {@code studybot.db} in the data folder
 * @param timeZone         the time zone for groups that have none set
 * @param logLevel         how much to log
 * @param scoring          the point values
 * @param questionOfTheDay reveal and grace times
 * @param admins           admin user ids per platform
 * @param questions        which generated questions are served
 * @param slack            how to reach Slack, besides its tokens
 * @param discord          how to reach Discord, besides its token
 */
public record StudybotConfig(
        // Not a key: the loader supplies it, and a "source" key in the file is refused as unknown.
        @JsonIgnore @JacksonInject(ConfigLoader.SOURCE) String source,
        @Setting(env = "STUDYBOT_NOTES", kind = Kind.PATH) Path notes,
        @Setting(env = "STUDYBOT_DATA", kind = Kind.PATH) Path data,
        @Setting(env = "STUDYBOT_DB", kind = Kind.DATABASE) DatabaseLocation database,
        @Setting(env = "STUDYBOT_TIME_ZONE", kind = Kind.TIME_ZONE) ZoneId timeZone,
        @Setting(env = "STUDYBOT_LOG_LEVEL", kind = Kind.LOG_LEVEL) LogLevel logLevel,
        ScoringRules scoring, QuestionOfTheDayTimes questionOfTheDay, Admins admins, Questions questions,
        Slack slack, Discord discord) {

    /** The file read when no {@code --config} (or {@code STUDYBOT_CONFIG}) names one, when it exists. */
    public static final Path DEFAULT_FILE = Path.of("config", "studybot.yml");
    public static final String DATABASE_FILE_NAME = "studybot.db";

    /** What studybot uses with no file, no environment variables and no options. */
    public static final StudybotConfig DEFAULTS = new StudybotConfig("built-in defaults", Path.of("notes"),
            Path.of("data"), null, ZoneId.of("UTC"), LogLevel.INFO, ScoringRules.DEFAULTS,
            new QuestionOfTheDayTimes(30, 120, 5, false), new Admins(List.of(), List.of(), List.of()),
            new Questions(QuestionGenerator.DEFAULT_MIN_SCORE), new Slack(3000, "0.0.0.0", "https://slack.com/api/", null, null),
            new Discord(null, null, null, Shards.ALL));

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
        Objects.requireNonNull(slack, "slack");
        Objects.requireNonNull(discord, "discord");
    }

    /**
     * Which generated questions are served.
     *
     * @param minScore the quality score (0 to 1) a generated question needs to be in the pool
     */
    public record Questions(@Setting(env = "STUDYBOT_QUESTIONS_MIN_SCORE", kind = Kind.SHARE) double minScore) {
        public Questions {
            if (!(minScore >= 0 && minScore <= 1)) {
                throw new IllegalArgumentException("A question's minimum score is between 0 and 1.");
            }
        }
    }

    /**
     * Reveal and grace times of the question of the day, and how often its post is edited with the live count.
     *
     * @param revealBeforeMinutes reveal a question this long before the channel's next one
     * @param graceMinutes        after a restart, post a question whose time passed at most this long ago
     * @param liveCountSeconds    at most one edit of a post with its live count this often (batching the answers
     *                            in between): lower shows answers sooner, but brings the platforms' rate limits closer
     * @param weeklySummary       after the last question of a channel's week is revealed, post the week's board
     *                            with its chart there
     */
    public record QuestionOfTheDayTimes(
            @Setting(env = "STUDYBOT_REVEAL_BEFORE_MINUTES", kind = Kind.MINUTES) long revealBeforeMinutes,
            @Setting(env = "STUDYBOT_GRACE_MINUTES", kind = Kind.MINUTES) long graceMinutes,
            @Setting(env = "STUDYBOT_LIVE_COUNT_SECONDS", kind = Kind.SECONDS) long liveCountSeconds,
            @Setting(env = "STUDYBOT_WEEKLY_SUMMARY", kind = Kind.SWITCH) boolean weeklySummary) {
        public QuestionOfTheDayTimes {
            if (revealBeforeMinutes < 0 || graceMinutes < 0) {
                throw new IllegalArgumentException("Reveal and grace times are minutes, 0 or more.");
            }
            if (liveCountSeconds < 1) {
                throw new IllegalArgumentException("The live count is edited at most every second.");
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
    public record Admins(@Setting(env = "STUDYBOT_CONSOLE_ADMINS", kind = Kind.NAMES) List<String> console,
                         @Setting(env = "STUDYBOT_SLACK_ADMINS", kind = Kind.SLACK_IDS) List<String> slack,
                         @Setting(env = "STUDYBOT_DISCORD_ADMINS", kind = Kind.DISCORD_IDS) List<String> discord) {
        public Admins {
            console = List.copyOf(console);
            slack = List.copyOf(slack);
            discord = List.copyOf(discord);
        }
    }

    /**
     * How to reach Slack, besides the tokens (environment only).
     *
     * @param port        where HTTP mode listens for {@code POST /slack/events}
     * @param bindAddress the address HTTP mode listens on ({@code 0.0.0.0}: every interface, as a container needs)
     * @param apiUrl      the Web API base URL, ending with '/'
     * @param clientId    the app's client id, for the install flow into many workspaces, or null: one workspace
     * @param redirectUri the install flow's redirect URL ({@code https://HOST/slack/oauth_redirect}), or null
     */
    public record Slack(@Setting(env = "STUDYBOT_SLACK_PORT", kind = Kind.PORT) int port,
                        @Setting(env = "STUDYBOT_SLACK_BIND_ADDRESS", kind = Kind.ADDRESS) String bindAddress,
                        @Setting(env = "STUDYBOT_SLACK_API_URL", kind = Kind.HTTP_URL) String apiUrl,
                        @Setting(env = "SLACK_CLIENT_ID", kind = Kind.SLACK_CLIENT_ID) String clientId,
                        @Setting(env = "STUDYBOT_SLACK_REDIRECT_URI", kind = Kind.HTTP_PAGE) String redirectUri) {
        public Slack {
            Objects.requireNonNull(bindAddress, "bindAddress");
            Objects.requireNonNull(apiUrl, "apiUrl");
        }
    }

    /**
     * How to reach Discord, besides the token (environment only); null values mean Discord's own.
     *
     * @param guildId    register the commands on this server only (at once), or null: globally
     * @param apiUrl     the REST base (e.g. {@code https://discord.com/api/v10/}), ending with '/', or null
     * @param gatewayUrl the gateway (e.g. {@code wss://gateway.discord.gg/}), ending with '/', or null
     * @param shards     which of the bot's gateway shards this process runs
     */
    public record Discord(@Setting(env = "DISCORD_GUILD_ID", kind = Kind.DISCORD_SERVER) String guildId,
                          @Setting(env = "STUDYBOT_DISCORD_API_URL", kind = Kind.HTTP_URL) String apiUrl,
                          @Setting(env = "STUDYBOT_DISCORD_GATEWAY_URL", kind = Kind.WEBSOCKET_URL) String gatewayUrl,
                          Shards shards) {
        public Discord {
            Objects.requireNonNull(shards, "shards");
        }
    }

    /**
     * Which of the bot's gateway shards this process runs: Discord splits a bot's servers over its shards by server
     * id, and each replica runs a range of them.
     *
     * @param total how many shards the bot has, the same in every replica; null: as many as Discord recommends
     * @param range the shards this replica runs, or null: all of them
     */
    public record Shards(@Setting(env = "STUDYBOT_DISCORD_SHARDS_TOTAL", kind = Kind.SHARD_COUNT) Integer total,
                         @Setting(env = "STUDYBOT_DISCORD_SHARDS", kind = Kind.SHARD_RANGE) ShardRange range) {
        /** One process runs every shard, as many as Discord recommends. */
        public static final Shards ALL = new Shards(null, null);
    }

    /** The same settings, said to come from {@code newSource}. */
    public StudybotConfig withSource(String newSource) {
        return new StudybotConfig(newSource, notes, data, database, timeZone, logLevel, scoring, questionOfTheDay,
                admins, questions, slack, discord);
    }

    /** The database: {@link #database} when set, otherwise the file {@code studybot.db} in the data folder. */
    public DatabaseLocation databaseLocation() {
        return database != null ? database : new DatabaseLocation.SqliteFile(data.resolve(DATABASE_FILE_NAME));
    }

    /**
     * These settings with the command-line options that were given; null means "not given". Options
     * override the file and the environment.
     *
     * @throws ConfigException when a number is negative; the message names the option
     */
    public StudybotConfig withCommandLine(Path notesOption, Path dataOption, DatabaseLocation dbOption,
                                          Long revealBeforeOption,
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
                        graceOption != null ? graceOption : questionOfTheDay.graceMinutes(),
                        questionOfTheDay.liveCountSeconds(), questionOfTheDay.weeklySummary()),
                new Admins(consoleAdmins, admins.slack(), admins.discord()), questions, slack, discord);
    }
}
