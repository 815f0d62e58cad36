package dev.studybot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {

    private static final String FULL = """
            notes: /srv/notes
            data: /srv/data
            database: /srv/db/scores.db
            time_zone: Europe/Berlin
            log_level: DEBUG
            scoring:
              daily_correct: 20
              early_bonus: 5
              early_minutes: 30
              streak_step_bonus: 1
              streak_bonus_steps: 3
              practice_correct: 2
            question_of_the_day:
              reveal_before_minutes: 15
              grace_minutes: 0
              live_count_seconds: 2
              weekly_summary: true
            admins:
              console: [alice, bob]
              slack: [U012ABCDEF]
              discord: [123456789012345678]
            questions:
              min_score: 0.5
            slack:
              port: 8080
              bind_address: 127.0.0.1
              api_url: https://slack-gov.com/api
            discord:
              guild_id: 1200000000000000002
              api_url: http://127.0.0.1:9/api/v10
              gateway_url: ws://127.0.0.1:10
              shards:
                total: 4
                range: 2-3
            """;

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("studybot.yml"), yaml);
    }

    private String error(String yaml, Map<String, String> env) throws IOException {
        Path file = write(yaml);
        return assertThrows(ConfigException.class, () -> ConfigLoader.load(file, env)).getMessage();
    }

    @Test
    void defaultsWhenThereIsNoFile() {
        // The tests run in bot/, which has no config/studybot.yml.
        StudybotConfig config = ConfigLoader.load(null, Map.of());
        assertEquals(StudybotConfig.DEFAULTS, config);
        assertEquals("built-in defaults", config.source());
        assertEquals(Path.of("notes"), config.notes());
        assertEquals(new DatabaseLocation.SqliteFile(Path.of("data", "studybot.db")), config.databaseLocation());
        assertEquals(ScoringRules.DEFAULTS, config.scoring());
        assertEquals(new ScoringRules(10, 3, 60, 2, 5, 1), config.scoring());
        assertEquals(new StudybotConfig.QuestionOfTheDayTimes(30, 120, 5, false), config.questionOfTheDay());
        assertEquals(ZoneId.of("UTC"), config.timeZone());
        assertEquals(LogLevel.INFO, config.logLevel());
        assertTrue(config.admins().console().isEmpty());
    }

    @Test
    void theShippedFileIsTheDefaults() {
        Path shipped = Path.of("..", "config", "studybot.yml");
        StudybotConfig config = ConfigLoader.load(shipped, Map.of());
        assertEquals(StudybotConfig.DEFAULTS.withSource(config.source()), config);
    }

    @Test
    void anEmptyFileIsTheDefaults() throws IOException {
        Path file = write("# nothing set\n");
        assertEquals(StudybotConfig.DEFAULTS.withSource(file.toString()), ConfigLoader.load(file, Map.of()));
    }

    @Test
    void aFullFileIsParsed() throws IOException {
        Path file = write(FULL);
        StudybotConfig config = ConfigLoader.load(file, Map.of());
        assertEquals(file.toString(), config.source());
        assertEquals(Path.of("/srv/notes"), config.notes());
        assertEquals(Path.of("/srv/data"), config.data());
        assertEquals(new DatabaseLocation.SqliteFile(Path.of("/srv/db/scores.db")), config.databaseLocation());
        assertEquals(ZoneId.of("Europe/Berlin"), config.timeZone());
        assertEquals(LogLevel.DEBUG, config.logLevel());
        assertEquals(new ScoringRules(20, 5, 30, 1, 3, 2), config.scoring());
        assertEquals(new StudybotConfig.QuestionOfTheDayTimes(15, 0, 2, true), config.questionOfTheDay());
        assertEquals(List.of("alice", "bob"), config.admins().console());
        assertEquals(List.of("U012ABCDEF"), config.admins().slack());
        assertEquals(List.of("123456789012345678"), config.admins().discord());
        assertEquals(0.5, config.questions().minScore());
        assertEquals(new StudybotConfig.Slack(8080, "127.0.0.1", "https://slack-gov.com/api/", null, null), config.slack());
        assertEquals(new StudybotConfig.Discord("1200000000000000002", "http://127.0.0.1:9/api/v10/",
                "ws://127.0.0.1:10/", new StudybotConfig.Shards(4, new ShardRange(2, 3))), config.discord());
    }

    @Test
    void environmentOverridesKeysInsideASection() throws IOException {
        Path file = write(FULL);
        StudybotConfig config = ConfigLoader.load(file, Map.of("STUDYBOT_SLACK_PORT", "9000",
                "STUDYBOT_DISCORD_GATEWAY_URL", "wss://gateway.example", "STUDYBOT_SCORING_EARLY_MINUTES", "5"));
        assertEquals(new StudybotConfig.Slack(9000, "127.0.0.1", "https://slack-gov.com/api/", null, null), config.slack());
        assertEquals("wss://gateway.example/", config.discord().gatewayUrl());
        assertEquals("1200000000000000002", config.discord().guildId(), "the file's value stays");
        assertEquals(new StudybotConfig.Shards(4, new ShardRange(2, 3)), config.discord().shards());
        assertEquals(new ScoringRules(20, 5, 5, 1, 3, 2), config.scoring());
    }

    @Test
    void aUrlIsRefusedWithoutShowingIt() throws IOException {
        String yaml = "slack:\n  api_url: https://user:pa55word@proxy.example/api/\n";
        Path file = write(yaml);
        assertEquals(file + ": slack.api_url must be an http:// or https:// URL with a host and without user or"
                + " password", error(yaml, Map.of()));
        String fromVariable = error("log_level: info\n", Map.of("STUDYBOT_DISCORD_API_URL", "ftp://u:pa55word@x/"));
        assertEquals("STUDYBOT_DISCORD_API_URL must be an http:// or https:// URL with a host and without user or"
                + " password", fromVariable);
    }

    @Test
    void withoutADatabaseTheDatabaseIsInTheDataFolder() throws IOException {
        Path file = write("data: /srv/data\ndatabase:\n");
        StudybotConfig config = ConfigLoader.load(file, Map.of());
        assertNull(config.database());
        assertEquals(new DatabaseLocation.SqliteFile(Path.of("/srv/data", "studybot.db")), config.databaseLocation());
    }

    @Test
    void environmentOverridesTheFile() throws IOException {
        Path file = write(FULL);
        StudybotConfig config = ConfigLoader.load(file, Map.ofEntries(
                Map.entry("STUDYBOT_NOTES", "/env/notes"),
                Map.entry("STUDYBOT_DATA", "/env/data"),
                Map.entry("STUDYBOT_DB", "/env/x.db"),
                Map.entry("STUDYBOT_TIME_ZONE", "America/New_York"),
                Map.entry("STUDYBOT_LOG_LEVEL", "warn"),
                Map.entry("STUDYBOT_REVEAL_BEFORE_MINUTES", "45"),
                Map.entry("STUDYBOT_GRACE_MINUTES", " 240 "),
                Map.entry("STUDYBOT_LIVE_COUNT_SECONDS", "10"),
                Map.entry("STUDYBOT_WEEKLY_SUMMARY", "FALSE"),
                Map.entry("STUDYBOT_SCORING_DAILY_CORRECT", "7"),
                Map.entry("STUDYBOT_SCORING_PRACTICE_CORRECT", "0"),
                Map.entry("STUDYBOT_CONSOLE_ADMINS", "carol, dave"),
                Map.entry("STUDYBOT_SLACK_ADMINS", "U999"),
                Map.entry("STUDYBOT_DISCORD_ADMINS", ""),       // empty: not set, the file's value stays
                Map.entry("STUDYBOT_SCORING_EARLY_BONUS", "   "),
                Map.entry("STUDYBOT_QUESTIONS_MIN_SCORE", "1")));
        assertEquals(Path.of("/env/notes"), config.notes());
        assertEquals(Path.of("/env/data"), config.data());
        assertEquals(new DatabaseLocation.SqliteFile(Path.of("/env/x.db")), config.databaseLocation());
        assertEquals(ZoneId.of("America/New_York"), config.timeZone());
        assertEquals(LogLevel.WARN, config.logLevel());
        assertEquals(new StudybotConfig.QuestionOfTheDayTimes(45, 240, 10, false), config.questionOfTheDay());
        assertEquals(new ScoringRules(7, 5, 30, 1, 3, 0), config.scoring());
        assertEquals(List.of("carol", "dave"), config.admins().console());
        assertEquals(List.of("U999"), config.admins().slack());
        assertEquals(List.of("123456789012345678"), config.admins().discord());
        assertEquals(1.0, config.questions().minScore());
    }

    @Test
    void aPostgresqlServerIsADatabaseWhoseUrlNeverCarriesThePassword() throws IOException {
        StudybotConfig config = ConfigLoader.load(
                write("database: postgresql://db.internal:6543/studybot?user=bot&sslmode=require\n"), Map.of());
        assertEquals(new DatabaseLocation.PostgresqlServer("jdbc:postgresql://db.internal:6543/studybot?sslmode=require",
                "bot"), config.databaseLocation());
        assertEquals("postgresql://db.internal:6543/studybot?sslmode=require&user=bot", config.databaseLocation().toString());
        // The user may come before the host; the port defaults to PostgreSQL's.
        assertEquals(new DatabaseLocation.PostgresqlServer("jdbc:postgresql://db:5432/s", "bot"),
                ConfigLoader.load(write("notes: n\n"), Map.of("STUDYBOT_DB", "postgresql://bot@db/s")).databaseLocation());

        String inUserInfo = error("database: postgresql://bot:hunter22secret@db/s\n", Map.of());
        assertTrue(inUserInfo.contains("carries a password") && inUserInfo.contains("STUDYBOT_DATABASE_PASSWORD"),
                inUserInfo);
        assertFalse(inUserInfo.contains("hunter22secret"), inUserInfo);
        String inParameter = error("notes: n\n", Map.of("STUDYBOT_DB", "postgresql://db/s?user=bot&password=hunter22secret"));
        assertTrue(inParameter.startsWith("STUDYBOT_DB must be") && inParameter.contains("carries a password"), inParameter);
        assertFalse(inParameter.contains("hunter22secret"), inParameter);
        assertTrue(error("database: postgresql://db/s\n", Map.of()).contains("names no user"));
        assertTrue(error("database: postgresql:///s?user=bot\n", Map.of()).contains("needs a host and a database"));
    }

    @Test
    void environmentNamesTheConfigurationFile() throws IOException {
        Path file = write("notes: from-variable\n");
        assertEquals(Path.of("from-variable"),
                ConfigLoader.load(null, Map.of("STUDYBOT_CONFIG", file.toString())).notes());
        // --config wins over STUDYBOT_CONFIG
        Path other = Files.writeString(dir.resolve("other.yml"), "notes: from-option\n");
        assertEquals(Path.of("from-option"),
                ConfigLoader.load(other, Map.of("STUDYBOT_CONFIG", file.toString())).notes());
    }

    @Test
    void optionsOverrideTheEnvironment() throws IOException {
        Path file = write(FULL);
        StudybotConfig config = ConfigLoader.load(file, Map.of("STUDYBOT_NOTES", "/env/notes",
                "STUDYBOT_GRACE_MINUTES", "240", "STUDYBOT_CONSOLE_ADMINS", "carol"));
        StudybotConfig withOptions = config.withCommandLine(Path.of("opt-notes"), null, DatabaseLocation.parse("opt.db"), 5L, 6L,
                List.of("erin"));
        assertEquals(Path.of("opt-notes"), withOptions.notes());
        assertEquals(Path.of("/srv/data"), withOptions.data());
        assertEquals(new DatabaseLocation.SqliteFile(Path.of("opt.db")), withOptions.databaseLocation());
        assertEquals(new StudybotConfig.QuestionOfTheDayTimes(5, 6, 2, true), withOptions.questionOfTheDay());
        assertEquals(List.of("erin"), withOptions.admins().console());
        // options not given keep the environment's and the file's values
        StudybotConfig none = config.withCommandLine(null, null, null, null, null, null);
        assertEquals(config, none);
        String message = assertThrows(ConfigException.class,
                () -> config.withCommandLine(null, null, null, null, -1L, null)).getMessage();
        assertEquals("--grace must be a whole number of minutes, 0 or more (got -1)", message);
    }

    @Test
    void aMissingNamedFileIsAnError() {
        Path missing = dir.resolve("nope.yml");
        String message = assertThrows(ConfigException.class, () -> ConfigLoader.load(missing, Map.of())).getMessage();
        assertEquals("The configuration file " + missing + " does not exist.", message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "question_of_the_day:\\n  grace_minutes: soon | question_of_the_day.grace_minutes must be a whole number of minutes, 0 or more (got \"soon\")",
        "question_of_the_day:\\n  live_count_seconds: 0 | question_of_the_day.live_count_seconds must be a whole number of seconds, 1 or more (got 0)",
        "question_of_the_day:\\n  reveal_before_minutes: -5 | question_of_the_day.reveal_before_minutes must be a whole number of minutes, 0 or more (got -5)",
        "scoring:\\n  daily_correct: 1.5 | scoring.daily_correct must be a whole number of points, 0 or more (got 1.5)",
        "scoring:\\n  early_bonus: [1] | scoring.early_bonus must be a whole number of points, 0 or more (got [1])",
        "scoring:\\n  early_minutes: true | scoring.early_minutes must be a whole number of minutes, 0 or more (got true)",
        "scoring:\\n  streak_step_bonus: 99999999 | scoring.streak_step_bonus must be at most 1000000 (got 99999999)",
        "scoring:\\n  streak_bonus_steps: many | scoring.streak_bonus_steps must be a whole number, 0 or more (got \"many\")",
        "scoring:\\n  practice_correct: -1 | scoring.practice_correct must be a whole number of points, 0 or more (got -1)",
        "time_zone: Mars/Olympus | time_zone must be a time zone such as UTC or Europe/Berlin (got \"Mars/Olympus\": unknown time zone)",
        "log_level: loud | log_level must be one of error, warn, info, debug, trace (got \"loud\")",
        "notes: [a, b] | notes must be a path (got [\"a\",\"b\"])",
        "admins:\\n  console: alice | admins.console must be a list of user names or ids, e.g. [] or [id1, id2] (got \"alice\")",
        "admins:\\n  slack: [alice] | admins.slack must be a list of Slack user ids such as U012ABCDEF (not names), e.g. [] or [id1, id2] (got [\"alice\"], where \"alice\" is not one)",
        "admins:\\n  discord: [bob] | admins.discord must be a list of Discord user ids, numbers such as 123456789012345678 (not names), e.g. [] or [id1, id2] (got [\"bob\"], where \"bob\" is not one)",
        "questions:\\n  min_score: 1.5 | questions.min_score must be a number from 0 to 1 (got 1.5)",
        "questions:\\n  min_score: high | questions.min_score must be a number from 0 to 1 (got \"high\")",
        "scoring: 10 | scoring must be a section with the keys daily_correct, early_bonus, early_minutes, streak_step_bonus, streak_bonus_steps, practice_correct (got 10)",
        "admins: [alice] | admins must be a section with the keys console, slack, discord (got [\"alice\"])",
        "slack:\\n  port: [3000] | slack.port must be a port number from 0 to 65535 (got [3000])",
        "slack:\\n  port: 70000 | slack.port must be a port number from 0 to 65535 (got 70000)",
        "slack:\\n  bind_address: http://0.0.0.0/ | slack.bind_address must be an address or host name such as 127.0.0.1 or 0.0.0.0 (all interfaces) (got \"http://0.0.0.0/\")",
        "discord:\\n  guild_id: my-server | discord.guild_id must be a server id (a number like 123456789012345678; right-click the server with developer mode on > Copy Server ID) (got \"my-server\")",
        "discord:\\n  gateway_url: http://gateway.example/ | discord.gateway_url must be a ws:// or wss:// URL with a host and without user or password",
        "discord:\\n  shards:\\n    total: 0 | discord.shards.total must be a whole number of shards, 1 or more (got 0)",
        "discord:\\n  shards:\\n    range: 0..1 | discord.shards.range must be a range of shards such as 0-1 (the first and the last, counted from 0) or 2 (one shard) (got \"0..1\")",
        "discord:\\n  shards:\\n    range: 3-1 | discord.shards.range must be a range of shards such as 0-1 (the first and the last, counted from 0) or 2 (one shard) (got \"3-1\", whose last shard comes before its first)",
        "discord:\\n  shards: 2 | discord.shards must be a section with the keys total, range (got 2)",
    })
    void eachBadValueIsNamedWithItsKey(String yaml, String expected) throws IOException {
        Path file = write(yaml.replace("\\n", "\n"));
        assertEquals(file + ": " + expected, error(yaml.replace("\\n", "\n"), Map.of()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "STUDYBOT_GRACE_MINUTES | soon | STUDYBOT_GRACE_MINUTES must be a whole number of minutes, 0 or more (got \"soon\")",
        "STUDYBOT_REVEAL_BEFORE_MINUTES | -1 | STUDYBOT_REVEAL_BEFORE_MINUTES must be a whole number of minutes, 0 or more (got \"-1\")",
        "STUDYBOT_SCORING_EARLY_MINUTES | 1h | STUDYBOT_SCORING_EARLY_MINUTES must be a whole number of minutes, 0 or more (got \"1h\")",
        "STUDYBOT_TIME_ZONE | Berlin | STUDYBOT_TIME_ZONE must be a time zone such as UTC or Europe/Berlin (got \"Berlin\": unknown time zone)",
        "STUDYBOT_LOG_LEVEL | verbose | STUDYBOT_LOG_LEVEL must be one of error, warn, info, debug, trace (got \"verbose\")",
        "STUDYBOT_SLACK_ADMINS | alice | STUDYBOT_SLACK_ADMINS must be a list of Slack user ids such as U012ABCDEF (not names), e.g. [] or [id1, id2] (got \"alice\", where \"alice\" is not one)",
        "STUDYBOT_WEEKLY_SUMMARY | yes | STUDYBOT_WEEKLY_SUMMARY must be true or false (got \"yes\")",
        "STUDYBOT_SLACK_PORT | http | STUDYBOT_SLACK_PORT must be a port number from 0 to 65535 (got \"http\")",
        "STUDYBOT_DISCORD_SHARDS_TOTAL | -1 | STUDYBOT_DISCORD_SHARDS_TOTAL must be a whole number of shards, 1 or more (got \"-1\")",
        "STUDYBOT_DISCORD_SHARDS | first | STUDYBOT_DISCORD_SHARDS must be a range of shards such as 0-1 (the first and the last, counted from 0) or 2 (one shard) (got \"first\")",
        "DISCORD_GUILD_ID | my-server | DISCORD_GUILD_ID must be a server id (a number like 123456789012345678; right-click the server with developer mode on > Copy Server ID) (got \"my-server\")",
    })
    void eachBadVariableIsNamed(String variable, String value, String expected) throws IOException {
        assertEquals(expected, error("log_level: info\n", Map.of(variable, value)));
    }

    @Test
    void unknownKeysAreErrors() throws IOException {
        Path file = write("scorin:\n  daily_correct: 10\n");
        assertEquals("unknown key \"scorin\" in " + file + "; known keys: notes, data, database, time_zone, log_level,"
                + " scoring, question_of_the_day, admins, questions, slack, discord",
                error("scorin:\n  daily_correct: 10\n", Map.of()));
        assertEquals("unknown key \"scoring.daily\" in " + file + "; known keys under scoring: daily_correct,"
                + " early_bonus, early_minutes, streak_step_bonus, streak_bonus_steps, practice_correct",
                error("scoring:\n  daily: 10\n", Map.of()));
        assertEquals("unknown key \"slack.prot\" in " + file + "; known keys under slack: port, bind_address, api_url, client_id, redirect_uri",
                error("slack:\n  prot: 3000\n", Map.of()));
        assertEquals("unknown key \"discord.token\" in " + file + "; known keys under discord: guild_id, api_url,"
                + " gateway_url, shards", error("discord:\n  token: abc\n", Map.of()), "tokens are not keys");
        assertTrue(error("source: mine\n", Map.of()).startsWith("unknown key \"source\" in " + file + "; known keys:"));
    }

    @Test
    void brokenYamlAndDuplicateKeysAreErrors() throws IOException {
        Path file = write("x");
        String notYaml = error("notes: [unclosed\n", Map.of());
        assertTrue(notYaml.startsWith(file + " is not valid YAML (line "), notYaml);
        String duplicate = error("notes: a\nnotes: b\n", Map.of());
        assertTrue(duplicate.startsWith(file + " is not valid YAML") && duplicate.contains("notes"), duplicate);
        assertEquals(file + " must be a YAML mapping of keys to values, such as \"notes: notes\" (see"
                + " config/studybot.yml in the studybot checkout).", error("- notes\n", Map.of()));
    }

    @Test
    void everyKeyHasAVariableAndTheShippedFilesListThem() throws IOException {
        assertEquals(ConfigLoader.knownKeys().size(), ConfigLoader.VARIABLES.size());
        assertTrue(ConfigLoader.VARIABLES.keySet().containsAll(ConfigLoader.knownKeys()));
        String example = Files.readString(Path.of("..", ".env.example"));
        String yml = Files.readString(Path.of("..", "config", "studybot.yml"));
        for (String variable : ConfigLoader.VARIABLES.values()) {
            assertTrue(example.contains("\n" + variable + "="), variable + " in .env.example");
            assertTrue(yml.contains(variable) || variable.startsWith("STUDYBOT_SCORING_"), variable + " in studybot.yml");
        }
        for (String secret : List.of("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "DISCORD_TOKEN",
                "STUDYBOT_CONFIG", DatabaseLocation.PASSWORD_VARIABLE)) {
            assertTrue(example.contains("\n" + secret + "="), secret + " in .env.example");
        }
    }

    @Test
    void everyKeyInTheShippedFileHasACommentLine() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("..", "config", "studybot.yml"));
        int keys = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.isBlank() && !line.strip().startsWith("#")) {
                keys++;
                assertTrue(i > 0 && lines.get(i - 1).strip().startsWith("#"), "no comment above: " + line);
            }
        }
        // Each section, nested ones too (discord.shards), is a line of its own.
        long sections = ConfigLoader.knownKeys().stream().filter(key -> key.contains("."))
                .flatMap(key -> IntStream.range(0, key.length()).filter(i -> key.charAt(i) == '.')
                        .mapToObj(i -> key.substring(0, i)))
                .distinct().count();
        assertEquals(ConfigLoader.knownKeys().size() + sections, keys, "every key and section is in the file");
    }
}
