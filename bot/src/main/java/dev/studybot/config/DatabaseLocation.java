package dev.studybot.config;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the store keeps its data: one SQLite file (the default) or a database on a PostgreSQL server. The password
 * of a server is never part of its location: it comes from {@value #PASSWORD_VARIABLE}, so neither the
 * configuration file nor a message or a log line that shows the location carries it.
 */
public sealed interface DatabaseLocation permits DatabaseLocation.SqliteFile, DatabaseLocation.PostgresqlServer {

    /** The environment variable the password of a PostgreSQL server is read from. */
    String PASSWORD_VARIABLE = "STUDYBOT_DATABASE_PASSWORD";

    /** How a location is written, for messages: what {@link #parse} accepts. */
    String FORMS = "an SQLite file path, or a URL such as postgresql://host:5432/studybot?user=studybot";

    /**
     * Reads a location as written in the configuration or on the command line: {@code postgresql://host:port/db?user=...}
     * (further parameters are handed to the PostgreSQL driver, e.g. {@code sslmode=require}) or else a file path.
     *
     * @throws IllegalArgumentException saying what is wrong with it ("names no user: ..."), without repeating the
     *                                  text (it may hold a password)
     */
    static DatabaseLocation parse(String text) {
        String trimmed = text.strip();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.startsWith("postgresql:") || lower.startsWith("postgres:")) {
            return PostgresqlServer.parse(trimmed);
        }
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("is empty");
        }
        try {
            return new SqliteFile(Path.of(trimmed));
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("is not a path: " + e.getReason());
        }
    }

    /** An SQLite database file (created with its folders when missing). */
    record SqliteFile(Path file) implements DatabaseLocation {
        @Override
        public String toString() {
            return file.toString();
        }
    }

    /**
     * A database on a PostgreSQL server.
     *
     * @param jdbcUrl the driver's URL: host, port, database and any further parameters, never a user or password
     * @param user    who studybot logs in as
     */
    record PostgresqlServer(String jdbcUrl, String user) implements DatabaseLocation {

        private static final int DEFAULT_PORT = 5432;

        static PostgresqlServer parse(String text) {
            URI uri;
            try {
                uri = URI.create(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("is not a URL");
            }
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            if (uri.getHost() == null || !path.matches("/[^/]+")) {
                throw new IllegalArgumentException("needs a host and a database name, as in "
                        + FORMS.substring(FORMS.indexOf("postgresql://")));
            }
            String user = null;
            String userInfo = uri.getRawUserInfo();
            if (userInfo != null) {
                if (userInfo.contains(":")) {
                    throw passwordInUrl();
                }
                user = decode(userInfo);
            }
            List<String> driverParameters = new ArrayList<>();
            String query = uri.getRawQuery();
            for (String parameter : query == null ? new String[0] : query.split("&")) {
                if (parameter.isEmpty()) {
                    continue;
                }
                String name = decode(parameter.split("=", 2)[0]).toLowerCase(Locale.ROOT);
                if (name.equals("password")) {
                    throw passwordInUrl();
                }
                if (name.equals("user")) {
                    user = decode(parameter.substring(parameter.indexOf('=') + 1));
                } else {
                    driverParameters.add(parameter);
                }
            }
            if (user == null || user.isBlank()) {
                throw new IllegalArgumentException("names no user: add ?user=NAME");
            }
            int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
            String host = uri.getHost();
            return new PostgresqlServer("jdbc:postgresql://" + host + ":" + port + path
                    + (driverParameters.isEmpty() ? "" : "?" + String.join("&", driverParameters)), user);
        }

        private static IllegalArgumentException passwordInUrl() {
            return new IllegalArgumentException("carries a password: leave it out and set " + PASSWORD_VARIABLE
                    + " in the environment instead");
        }

        private static String decode(String text) {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        }

        /** The location as it may be shown: the server, the database and the user, as it was configured. */
        @Override
        public String toString() {
            String rest = jdbcUrl.substring("jdbc:".length());
            return rest + (rest.contains("?") ? "&" : "?") + "user=" + user;
        }
    }
}
