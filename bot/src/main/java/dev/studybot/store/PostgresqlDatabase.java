package dev.studybot.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.studybot.config.DatabaseLocation;
import dev.studybot.ops.StartupFailure;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * A database on a PostgreSQL server, through a pool of connections (HikariCP) that other parts may later share
 * (a JDBC job store, say). Writes run SERIALIZABLE: PostgreSQL then lets them run side by side yet commits only
 * what could have run one after the other, which is what the stores were written for (SQLite runs one writer at a
 * time). A write it refuses for a conflict with another is run again, after a short random pause.
 */
final class PostgresqlDatabase implements Database {

    /** Conflicts PostgreSQL resolves by failing one side: serialization failure, deadlock. */
    private static final Set<String> RETRY_STATES = Set.of("40001", "40P01");
    private static final int ATTEMPTS = 30;
    /** The stores' writers and readers, and the clustered scheduler (its two job threads and its cluster check-ins). */
    private static final int POOL_SIZE = 12;
    private static final long CONNECTION_TIMEOUT_MS = TimeUnit.SECONDS.toMillis(5);
    private static final int VALID_WITHIN_SECONDS = 5;

    private final DatabaseLocation.PostgresqlServer server;
    private final HikariDataSource pool;

    private PostgresqlDatabase(DatabaseLocation.PostgresqlServer server, HikariDataSource pool) {
        this.server = server;
        this.pool = pool;
    }

    /** Connects to {@code server} (logging in with {@code password}, which may be null) and migrates its schema. */
    static PostgresqlDatabase open(DatabaseLocation.PostgresqlServer server, String password) {
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(poolConfig(server, password));
        } catch (RuntimeException e) {
            throw new StartupFailure("Cannot connect to the database " + server + ": " + firstLine(e)
                    + (password == null ? " (" + DatabaseLocation.PASSWORD_VARIABLE + " is not set)" : ""), e);
        }
        PostgresqlDatabase database = new PostgresqlDatabase(server, pool);
        try {
            Migrations.flyway(database.dataSource(), Dialect.POSTGRESQL, null).migrate();
        } catch (RuntimeException e) {
            database.close();
            throw new StartupFailure("Cannot bring the database " + server + " up to date: " + firstLine(e), e);
        }
        return database;
    }

    private static HikariConfig poolConfig(DatabaseLocation.PostgresqlServer server, String password) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("studybot-postgresql");
        config.setJdbcUrl(server.jdbcUrl());
        config.setUsername(server.user());
        config.setPassword(password);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
        return config;
    }

    /** Flyway's and the driver's messages run over several lines; the first says what went wrong. */
    private static String firstLine(Exception e) {
        return String.valueOf(e.getMessage()).lines().findFirst().orElse(e.getClass().getSimpleName());
    }

    /** The pool, for what shares the database: Flyway here, and the clustered scheduler's JDBC job store. */
    DataSource dataSource() {
        return pool;
    }

    @Override
    public <T> T write(SqlWork<T> work) {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = pool.getConnection()) {
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
                try {
                    T result = work.apply(c);
                    c.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                if (!RETRY_STATES.contains(e.getSQLState()) || attempt == ATTEMPTS) {
                    throw new StoreException("Database write failed: " + e.getMessage(), e);
                }
                pause(attempt);
            }
        }
    }

    /** Waits a random while that grows with the attempts, so writers that collided do not collide again. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 2L + Math.min(50, 1L << Math.min(attempt, 6))));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while retrying a database write", e);
        }
    }

    @Override
    public <T> T read(SqlWork<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw new StoreException("Database read failed: " + e.getMessage(), e);
        }
    }

    @Override
    public <T> T readTransaction(SqlWork<T> work) {
        return read(c -> {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                return work.apply(c);
            } finally {
                c.rollback(); // nothing to keep: it only read
            }
        });
    }

    /**
     * Whether a working connection can be had now. Not kept sticky, unlike a lost file: once the server answers
     * again, so does this. Connections that died with the server are put out of the pool on the way.
     */
    @Override
    public String problem() {
        String why = "it did not answer in time";
        for (int pooled = 0; pooled <= POOL_SIZE; pooled++) {
            Connection c;
            try {
                c = pool.getConnection();
            } catch (SQLException e) {
                return unreachable(firstLine(e));
            }
            try {
                if (c.isValid(VALID_WITHIN_SECONDS)) {
                    c.close();
                    return null;
                }
            } catch (SQLException e) {
                why = firstLine(e);
            }
            pool.evictConnection(c);
        }
        return unreachable(why);
    }

    private String unreachable(String why) {
        return "the database " + server + " cannot be reached (" + why + "); nothing is saved until it can";
    }

    @Override
    public Dialect dialect() {
        return Dialect.POSTGRESQL;
    }

    @Override
    public void close() {
        pool.close();
    }
}
