package dev.studybot.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kinds of value a {@link Setting} takes: how a YAML value (or an environment variable's text) is read, and
 * what a message says it must be. Scalars are read from their text, so {@code "10"} and {@code 10} are the same.
 */
enum Kind {
    PATH("a path", Kind::path),
    // Not shown either: a URL written with a password in it is refused, and must not be repeated.
    DATABASE(DatabaseLocation.FORMS, Kind::database),
    TIME_ZONE("a time zone such as UTC or Europe/Berlin", Kind::zone),
    LOG_LEVEL("one of " + LogLevel.names(), Kind::level),
    POINTS("a whole number of points, 0 or more", Kind::wholeNumber),
    MINUTES("a whole number of minutes, 0 or more", Kind::wholeNumber),
    COUNT("a whole number, 0 or more", Kind::wholeNumber),
    SECONDS("a whole number of seconds, 1 or more", Kind::positiveNumber),
    SHARE("a number from 0 to 1", Kind::share),
    SWITCH("true or false", Kind::onOrOff),
    NAMES(listOf("user names or ids"), node -> ids(node, null)),
    SLACK_IDS(listOf("Slack user ids such as U012ABCDEF (not names)"), node -> ids(node, "[A-Z0-9]{2,30}")),
    DISCORD_IDS(listOf("Discord user ids, numbers such as 123456789012345678 (not names)"),
            node -> ids(node, "[0-9]{5,25}")),
    PORT("a port number from 0 to 65535", Kind::port),
    ADDRESS("an address or host name such as 127.0.0.1 or 0.0.0.0 (all interfaces)",
            node -> matching(node, "[A-Za-z0-9.:\\[\\]-]+")),
    SLACK_CLIENT_ID("a Slack client id such as 1234567890.1234567890123 (Basic Information of the app)",
            node -> matching(node, "\\d{4,20}\\.\\d{4,20}")),
    DISCORD_SERVER("a server id (a number like 123456789012345678; right-click the server with developer mode on"
            + " > Copy Server ID)", node -> matching(node, "\\d{15,21}")),
    // A URL may carry a password, so messages never show it.
    HTTP_URL("an http:// or https:// URL with a host and without user or password", node -> base(url(node, "http"))),
    WEBSOCKET_URL("a ws:// or wss:// URL with a host and without user or password", node -> base(url(node, "ws"))),
    // A page's address, taken as written (a base URL above gains a closing '/').
    HTTP_PAGE("an http:// or https:// URL with a host and without user or password", node -> url(node, "http")),
    SHARD_COUNT("a whole number of shards, 1 or more", Kind::positiveNumber),
    SHARD_RANGE("a range of shards such as 0-1 (the first and the last, counted from 0) or 2 (one shard)",
            Kind::shardRange);

    static final long MAX_NUMBER = 1_000_000;

    private final String mustBe;
    private final Reader reader;

    Kind(String mustBe, Reader reader) {
        this.mustBe = mustBe;
        this.reader = reader;
    }

    /** What the value must be, for messages: "a path", "a number from 0 to 1". */
    String mustBe() {
        return mustBe;
    }

    /** Whether the value is a list; an environment variable gives one as comma-separated items. */
    boolean isList() {
        return this == NAMES || this == SLACK_IDS || this == DISCORD_IDS;
    }

    /** Whether a message may show the value as it was written. */
    boolean shown() {
        return this != HTTP_URL && this != WEBSOCKET_URL && this != HTTP_PAGE && this != DATABASE;
    }

    /** Reads values of this kind for a component of {@code type} (an int or Integer component takes a whole number). */
    JsonDeserializer<Object> deserializer(Class<?> type) {
        return new JsonDeserializer<>() {
            @Override
            public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                Object value = reader.read(parser.readValueAsTree());
                return (type == int.class || type == Integer.class) && value instanceof Long number
                        ? (Object) number.intValue() : value;
            }
        };
    }

    /**
     * A value that is not of its kind. Jackson adds the path to the key as it unwinds; the message itself is
     * composed by {@link ConfigLoader}, which knows whether the value came from the file or a variable.
     */
    static final class Refused extends JsonMappingException {
        /** What the value must be instead of what its kind says, or null. */
        final String mustBe;
        /** Said after the value: why it is not one, or "". */
        final String detail;

        private Refused(String mustBe, String detail) {
            super(null, "refused");
            this.mustBe = mustBe;
            this.detail = detail;
        }
    }

    private interface Reader {
        Object read(JsonNode node) throws Refused;
    }

    private static Refused refused(String detail) {
        return new Refused(null, detail);
    }

    private static String listOf(String what) {
        return "a list of " + what + ", e.g. [] or [id1, id2]";
    }

    private static String scalar(JsonNode node) throws Refused {
        if (!node.isValueNode() || node.isNull()) {
            throw refused("");
        }
        return node.asText().strip();
    }

    private static Path path(JsonNode node) throws Refused {
        try {
            return Path.of(scalar(node));
        } catch (InvalidPathException e) {
            throw refused(": " + e.getReason());
        }
    }

    private static DatabaseLocation database(JsonNode node) throws Refused {
        try {
            return DatabaseLocation.parse(scalar(node));
        } catch (IllegalArgumentException e) {
            throw new Refused(DatabaseLocation.FORMS + "; this one " + e.getMessage(), "");
        }
    }

    private static ZoneId zone(JsonNode node) throws Refused {
        try {
            return ZoneId.of(scalar(node));
        } catch (DateTimeException e) {
            throw refused(": unknown time zone");
        }
    }

    private static LogLevel level(JsonNode node) throws Refused {
        LogLevel level = LogLevel.parse(scalar(node));
        if (level == null) {
            throw refused("");
        }
        return level;
    }

    /** The value as a whole number, or -1 when it is none. */
    private static long whole(JsonNode node) throws Refused {
        try {
            return Long.parseLong(scalar(node));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Long wholeNumber(JsonNode node) throws Refused {
        long value = whole(node);
        if (value < 0) {
            throw refused("");
        }
        if (value > MAX_NUMBER) {
            throw new Refused("at most " + MAX_NUMBER, "");
        }
        return value;
    }

    private static Long positiveNumber(JsonNode node) throws Refused {
        if (whole(node) == 0) {
            throw refused("");
        }
        return wholeNumber(node);
    }

    private static Integer port(JsonNode node) throws Refused {
        long value = whole(node);
        if (value < 0 || value > 65535) {
            throw refused("");
        }
        return (int) value;
    }

    private static Boolean onOrOff(JsonNode node) throws Refused {
        return switch (scalar(node).toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw refused("");
        };
    }

    private static Double share(JsonNode node) throws Refused {
        double value;
        try {
            value = Double.parseDouble(scalar(node));
        } catch (NumberFormatException e) {
            value = Double.NaN;
        }
        if (!(value >= 0 && value <= 1)) {
            throw refused("");
        }
        return value;
    }

    private static ShardRange shardRange(JsonNode node) throws Refused {
        Matcher range = Pattern.compile("(\\d{1,6})(?:\\s*-\\s*(\\d{1,6}))?").matcher(scalar(node));
        if (!range.matches()) {
            throw refused("");
        }
        int first = Integer.parseInt(range.group(1));
        int last = range.group(2) == null ? first : Integer.parseInt(range.group(2));
        if (last < first) {
            throw refused(", whose last shard comes before its first");
        }
        return new ShardRange(first, last);
    }

    private static String matching(JsonNode node, String format) throws Refused {
        String text = scalar(node);
        if (!text.matches(format)) {
            throw refused("");
        }
        return text;
    }

    /** Any item may be given; each must be one word matching {@code format} (when not null). */
    private static List<String> ids(JsonNode node, String format) throws Refused {
        if (!node.isArray()) {
            throw refused("");
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode item : node) {
            String id = item.isValueNode() && !item.isNull() ? item.asText().strip() : null;
            if (id == null) {
                throw refused("");
            }
            if (id.isEmpty() || id.chars().anyMatch(Character::isWhitespace)
                    || (format != null && !Pattern.matches(format, id))) {
                throw refused(", where \"" + id + "\" is not one");
            }
            ids.add(id);
        }
        return List.copyOf(ids);
    }

    /** An {@code plain}:// or {@code plain}s:// URL, ending with '/'. */
    private static String url(JsonNode node, String plain) throws Refused {
        String text = scalar(node);
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw refused("");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals(plain) || scheme.equals(plain + "s")) || uri.getHost() == null
                || uri.getRawUserInfo() != null) {
            throw refused("");
        }
        return text;
    }

    /** A base URL, which paths are appended to: ending with '/'. */
    private static String base(String url) {
        return url.endsWith("/") ? url : url + "/";
    }
}
