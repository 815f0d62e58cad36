package dev.studybot.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads {@code config/studybot.yml} (or the file given), lets environment variables override it, and
 * checks every value. Unknown keys are errors, and every message names the file and key (or the
 * environment variable) at fault.
 */
public final class ConfigLoader {

    /** Names the configuration file when {@code --config} is not given. */
    public static final String CONFIG_VARIABLE = "STUDYBOT_CONFIG";

    private static final List<String> TOP_KEYS = List.of("notes", "data", "database", "time_zone", "log_level",
            "scoring", "question_of_the_day", "admins", "questions");
    private static final Map<String, List<String>> SECTIONS = Map.of(
            "scoring", List.of("daily_correct", "early_bonus", "early_minutes", "streak_step_bonus",
                    "streak_bonus_steps", "practice_correct"),
            "question_of_the_day", List.of("reveal_before_minutes", "grace_minutes"),
            "admins", List.of("console", "slack", "discord"),
            "questions", List.of("min_score"));
    private static final long MAX_NUMBER = 1_000_000;
    private static final Pattern SLACK_ID = Pattern.compile("[A-Z0-9]{2,30}");
    private static final Pattern DISCORD_ID = Pattern.compile("[0-9]{5,25}");

    /** The environment variable that overrides each key (dotted path), in the order of the file. */
    public static final Map<String, String> VARIABLES = variables();

    private ConfigLoader() {
    }

    private static Map<String, String> variables() {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("notes", "STUDYBOT_NOTES");
        variables.put("data", "STUDYBOT_DATA");
        variables.put("database", "STUDYBOT_DB");
        variables.put("time_zone", "STUDYBOT_TIME_ZONE");
        variables.put("log_level", "STUDYBOT_LOG_LEVEL");
        for (String key : SECTIONS.get("scoring")) {
            variables.put("scoring." + key, "STUDYBOT_SCORING_" + key.toUpperCase(Locale.ROOT));
        }
        variables.put("question_of_the_day.reveal_before_minutes", "STUDYBOT_REVEAL_BEFORE_MINUTES");
        variables.put("question_of_the_day.grace_minutes", "STUDYBOT_GRACE_MINUTES");
        variables.put("admins.console", "STUDYBOT_CONSOLE_ADMINS");
        variables.put("admins.slack", "STUDYBOT_SLACK_ADMINS");
        variables.put("admins.discord", "STUDYBOT_DISCORD_ADMINS");
        variables.put("questions.min_score", "STUDYBOT_QUESTIONS_MIN_SCORE");
        return Map.copyOf(variables);
    }

    /** Every key the file may have, dotted, in the order of the file. */
    public static List<String> knownKeys() {
        List<String> keys = new ArrayList<>();
        for (String key : TOP_KEYS) {
            if (SECTIONS.containsKey(key)) {
                SECTIONS.get(key).forEach(sub -> keys.add(key + "." + sub));
            } else {
                keys.add(key);
            }
        }
        return keys;
    }

    /**
     * The configuration: {@code file} when given (it must exist), else the file named by
     * {@value #CONFIG_VARIABLE}, else {@link StudybotConfig#DEFAULT_FILE} when it exists, else the built-in
     * defaults; then the environment variables in {@link #VARIABLES} override it.
     *
     * @throws ConfigException when the file is missing, unreadable, not YAML, has an unknown key or a bad value
     */
    public static StudybotConfig load(Path file, Map<String, String> env) {
        Path chosen = file;
        if (chosen == null) {
            String named = value(env, CONFIG_VARIABLE);
            if (named != null) {
                chosen = path(named, CONFIG_VARIABLE, "\"" + named + "\"");
            }
        }
        if (chosen != null && !Files.isRegularFile(chosen)) {
            throw new ConfigException("The configuration file " + chosen + " does not exist.");
        }
        if (chosen == null && Files.isRegularFile(StudybotConfig.DEFAULT_FILE)) {
            chosen = StudybotConfig.DEFAULT_FILE;
        }
        Map<String, Raw> values = new LinkedHashMap<>();
        String source = StudybotConfig.DEFAULTS.source();
        if (chosen != null) {
            source = chosen.toString();
            readFile(chosen, values);
        }
        for (Map.Entry<String, String> variable : VARIABLES.entrySet()) {
            String text = value(env, variable.getValue());
            if (text != null) {
                values.put(variable.getKey(), Raw.ofVariable(variable.getValue(), text));
            }
        }
        return build(source, values);
    }

    /** Parses YAML text as if it were the file {@code name}: for tests and tools. */
    public static StudybotConfig parse(String name, String yaml, Map<String, String> env) {
        Map<String, Raw> values = new LinkedHashMap<>();
        JsonNode root;
        try {
            root = mapper().readTree(yaml);
        } catch (JsonProcessingException e) {
            throw notYaml(name, e);
        }
        flatten(name, root, values);
        for (Map.Entry<String, String> variable : VARIABLES.entrySet()) {
            String text = value(env, variable.getValue());
            if (text != null) {
                values.put(variable.getKey(), Raw.ofVariable(variable.getValue(), text));
            }
        }
        return build(name, values);
    }

    // ------------------------------------------------------------------------------------------ reading

    private static YAMLMapper mapper() {
        YAMLMapper mapper = new YAMLMapper();
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        return mapper;
    }

    private static void readFile(Path file, Map<String, Raw> values) {
        JsonNode root;
        try {
            root = mapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw notYaml(file.toString(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the configuration file " + file + ": " + e.getMessage(), e);
        }
        flatten(file.toString(), root, values);
    }

    private static ConfigException notYaml(String name, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 1 ? "" : " (line " + at.getLineNr() + ")";
        return new ConfigException(name + " is not valid YAML" + where + ": " + e.getOriginalMessage(), e);
    }

    private static void flatten(String file, JsonNode root, Map<String, Raw> values) {
        if (root == null || root.isNull() || root.isMissingNode()) {
            return; // an empty file: all defaults
        }
        if (!root.isObject()) {
            throw new ConfigException(file + " must be a YAML mapping of keys to values, such as \"notes: notes\""
                    + " (see config/studybot.yml in the studybot checkout).");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            if (!TOP_KEYS.contains(key)) {
                throw new ConfigException("unknown key \"" + key + "\" in " + file + "; known keys: "
                        + String.join(", ", TOP_KEYS));
            }
            JsonNode node = field.getValue();
            List<String> subKeys = SECTIONS.get(key);
            if (subKeys == null) {
                putLeaf(file, key, node, values);
                continue;
            }
            if (node == null || node.isNull()) {
                continue;
            }
            if (!node.isObject()) {
                throw new ConfigException(file + ": " + key + " must be a section with the keys "
                        + String.join(", ", subKeys) + " (got " + shown(node) + ")");
            }
            for (Iterator<Map.Entry<String, JsonNode>> sub = node.fields(); sub.hasNext(); ) {
                Map.Entry<String, JsonNode> subField = sub.next();
                if (!subKeys.contains(subField.getKey())) {
                    throw new ConfigException("unknown key \"" + key + "." + subField.getKey() + "\" in " + file
                            + "; known keys under " + key + ": " + String.join(", ", subKeys));
                }
                putLeaf(file, key + "." + subField.getKey(), subField.getValue(), values);
            }
        }
    }

    private static void putLeaf(String file, String key, JsonNode node, Map<String, Raw> values) {
        if (node == null || node.isNull()) {
            return; // "key:" with no value keeps the default
        }
        String label = file + ": " + key;
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            boolean scalars = true;
            for (JsonNode item : node) {
                if (item.isValueNode() && !item.isNull()) {
                    items.add(item.asText().strip());
                } else {
                    scalars = false;
                }
            }
            values.put(key, new Raw(label, null, scalars ? items : null, shown(node)));
        } else if (node.isValueNode()) {
            values.put(key, new Raw(label, node.asText(), null, shown(node)));
        } else {
            values.put(key, new Raw(label, null, null, shown(node)));
        }
    }

    private static String shown(JsonNode node) {
        return node.isTextual() ? "\"" + node.asText() + "\"" : node.toString();
    }

    private static String value(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * One value before checking.
     *
     * @param label what to name in messages: "file: key" or the environment variable
     * @param text  the scalar's text, or null when it is not a scalar
     * @param list  the items, when it is a list of scalars (or a comma-separated variable), else null
     * @param shown the value as the user wrote it, for messages
     */
    private record Raw(String label, String text, List<String> list, String shown) {
        static Raw ofVariable(String variable, String text) {
            List<String> items = new ArrayList<>();
            for (String item : text.split(",")) {
                if (!item.isBlank()) {
                    items.add(item.strip());
                }
            }
            return new Raw(variable, text, items, "\"" + text + "\"");
        }
    }

    // ------------------------------------------------------------------------------------------ checking

    private static StudybotConfig build(String source, Map<String, Raw> values) {
        StudybotConfig d = StudybotConfig.DEFAULTS;
        ScoringRules s = d.scoring();
        return new StudybotConfig(source,
                pathOr(values.get("notes"), d.notes()),
                pathOr(values.get("data"), d.data()),
                pathOr(values.get("database"), d.database()),
                zoneOr(values.get("time_zone"), d.timeZone()),
                levelOr(values.get("log_level"), d.logLevel()),
                new ScoringRules(
                        points(values.get("scoring.daily_correct"), s.dailyCorrect()),
                        points(values.get("scoring.early_bonus"), s.earlyBonus()),
                        (int) minutes(values.get("scoring.early_minutes"), s.earlyMinutes()),
                        points(values.get("scoring.streak_step_bonus"), s.streakStepBonus()),
                        (int) number(values.get("scoring.streak_bonus_steps"), s.streakBonusSteps(), "a whole number"),
                        points(values.get("scoring.practice_correct"), s.practiceCorrect())),
                new StudybotConfig.QuestionOfTheDayTimes(
                        minutes(values.get("question_of_the_day.reveal_before_minutes"),
                                d.questionOfTheDay().revealBeforeMinutes()),
                        minutes(values.get("question_of_the_day.grace_minutes"), d.questionOfTheDay().graceMinutes())),
                new StudybotConfig.Admins(
                        ids(values.get("admins.console"), null, "user names or ids"),
                        ids(values.get("admins.slack"), SLACK_ID, "Slack user ids such as U012ABCDEF (not names)"),
                        ids(values.get("admins.discord"), DISCORD_ID,
                                "Discord user ids, numbers such as 123456789012345678 (not names)")),
                new StudybotConfig.Questions(share(values.get("questions.min_score"), d.questions().minScore())));
    }

    private static String scalar(Raw raw, String expected) {
        if (raw.text() == null) {
            throw new ConfigException(raw.label() + " must be " + expected + " (got " + raw.shown() + ")");
        }
        return raw.text().strip();
    }

    private static Path pathOr(Raw raw, Path otherwise) {
        if (raw == null) {
            return otherwise;
        }
        String text = scalar(raw, "a path");
        if (text.isEmpty()) {
            return otherwise;
        }
        return path(text, raw.label(), raw.shown());
    }

    private static Path path(String text, String label, String shown) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new ConfigException(label + " must be a path (got " + shown + ": " + e.getReason() + ")");
        }
    }

    private static ZoneId zoneOr(Raw raw, ZoneId otherwise) {
        if (raw == null) {
            return otherwise;
        }
        String expected = "a time zone such as UTC or Europe/Berlin";
        String text = scalar(raw, expected);
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new ConfigException(raw.label() + " must be " + expected + " (got " + raw.shown()
                    + ": unknown time zone)");
        }
    }

    private static LogLevel levelOr(Raw raw, LogLevel otherwise) {
        if (raw == null) {
            return otherwise;
        }
        String expected = "one of " + LogLevel.names();
        LogLevel level = LogLevel.parse(scalar(raw, expected));
        if (level == null) {
            throw new ConfigException(raw.label() + " must be " + expected + " (got " + raw.shown() + ")");
        }
        return level;
    }

    private static int points(Raw raw, int otherwise) {
        return (int) number(raw, otherwise, "a whole number of points");
    }

    private static long minutes(Raw raw, long otherwise) {
        return number(raw, otherwise, "a whole number of minutes");
    }

    private static long number(Raw raw, long otherwise, String what) {
        if (raw == null) {
            return otherwise;
        }
        String expected = what + ", 0 or more";
        String text = scalar(raw, expected);
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            value = -1;
        }
        if (value < 0) {
            throw new ConfigException(raw.label() + " must be " + expected + " (got " + raw.shown() + ")");
        }
        if (value > MAX_NUMBER) {
            throw new ConfigException(raw.label() + " must be at most " + MAX_NUMBER + " (got " + raw.shown() + ")");
        }
        return value;
    }

    private static double share(Raw raw, double otherwise) {
        if (raw == null) {
            return otherwise;
        }
        String expected = "a number from 0 to 1";
        String text = scalar(raw, expected);
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            value = Double.NaN;
        }
        if (!(value >= 0 && value <= 1)) {
            throw new ConfigException(raw.label() + " must be " + expected + " (got " + raw.shown() + ")");
        }
        return value;
    }

    private static List<String> ids(Raw raw, Pattern format, String what) {
        if (raw == null) {
            return List.of();
        }
        String expected = "a list of " + what + ", e.g. [] or [id1, id2]";
        if (raw.list() == null) {
            throw new ConfigException(raw.label() + " must be " + expected + " (got " + raw.shown() + ")");
        }
        for (String id : raw.list()) {
            boolean ok = !id.isEmpty() && id.chars().noneMatch(Character::isWhitespace)
                    && (format == null || format.matcher(id).matches());
            if (!ok) {
                throw new ConfigException(raw.label() + " must be " + expected + " (got " + raw.shown()
                        + ", where \"" + id + "\" is not one)");
            }
        }
        return List.copyOf(raw.list());
    }
}
