package dev.studybot.store;

import dev.studybot.config.DatabaseLocation;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.ZoneId;

/**
 * The engines a store test runs on (with {@code @ParameterizedClass @EnumSource(StoreEngine.class)}): a new SQLite
 * file in the test's folder, or a new database on the test JVM's {@link ThrowawayPostgresql} server.
 */
enum StoreEngine {
    SQLITE {
        @Override
        DatabaseLocation freshDatabase(Path dir) {
            return new DatabaseLocation.SqliteFile(dir.resolve("studybot.db"));
        }

        @Override
        String password() {
            return null;
        }

        @Override
        Connection connect(DatabaseLocation at) throws SQLException {
            return DriverManager.getConnection("jdbc:sqlite:" + ((DatabaseLocation.SqliteFile) at).file());
        }
    },
    POSTGRESQL {
        @Override
        DatabaseLocation freshDatabase(Path dir) {
            return ThrowawayPostgresql.get().freshDatabase();
        }

        @Override
        String password() {
            return ThrowawayPostgresql.get().password();
        }

        @Override
        Connection connect(DatabaseLocation at) throws SQLException {
            return ThrowawayPostgresql.get().connect((DatabaseLocation.PostgresqlServer) at);
        }
    };

    /** A new database with the current schema and nothing in it; {@code dir} is the test's own folder. */
    abstract DatabaseLocation freshDatabase(Path dir);

    /** What {@value DatabaseLocation#PASSWORD_VARIABLE} holds for this engine (none for a file). */
    abstract String password();

    /** A plain JDBC connection to the database, for tests that look at the tables themselves. */
    abstract Connection connect(DatabaseLocation at) throws SQLException;

    SqlStudyStore open(DatabaseLocation at) {
        return open(at, ZoneId.of("UTC"));
    }

    SqlStudyStore open(DatabaseLocation at, ZoneId defaultZone) {
        return SqlStudyStore.open(at, defaultZone, password());
    }
}
