package dev.studybot.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * One SQLite file: its connections, shared by the stores of each aggregate, their transactions, and backups of
 * the file. Every write runs on one writer
 * connection, one thread at a time, in a {@code BEGIN IMMEDIATE} transaction (so a second process on the same
 * file waits for the write lock instead of failing half-way); reads use a small pool of reader database,
 * which WAL lets run beside the writer.
 */
public final class SqliteDatabase implements Database {

    private static final int READERS = 4;
    private static final int BUSY_TIMEOUT_MS = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(SqliteDatabase.class);

    /** The database file and the identity (device and inode) it had when opened. */
    private final Path file;
    private final Object fileKey;
    /** Why writes are refused since the file was found deleted or replaced; null while it is the one opened. */
    private volatile String fileLost;
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final BlockingQueue<Connection> readers;
    private volatile boolean closed;

    private SqliteDatabase(Path file, Connection writer, BlockingQueue<Connection> readers) {
        this.file = file;
        this.fileKey = fileKey(file);
        this.writer = writer;
        this.readers = readers;
    }

    /** Opens the writer and the readers on {@code file} (already migrated). */
    static SqliteDatabase open(Path file) throws SQLException {
        String url = "jdbc:sqlite:" + file;
        List<Connection> opened = new ArrayList<>();
        try {
            Connection writer = config(SQLiteConfig.TransactionMode.IMMEDIATE).createConnection(url);
            opened.add(writer);
            BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
            for (int i = 0; i < READERS; i++) {
                Connection reader = config(SQLiteConfig.TransactionMode.DEFERRED).createConnection(url);
                opened.add(reader);
                readers.add(reader);
            }
            return new SqliteDatabase(file, writer, readers);
        } catch (SQLException e) {
            for (Connection c : opened) {
                closeQuietly(c);
            }
            throw e;
        }
    }

    /** The connection settings every connection (and Flyway's) uses. */
    static SQLiteConfig config(SQLiteConfig.TransactionMode mode) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setTransactionMode(mode);
        return config;
    }

    /**
     * Copies the database file {@code db} to {@code target} with SQLite's online backup, also while a bot
     * writes to it: the copy is one consistent snapshot, never a half-written file. The database is only
     * read: neither migrated nor changed in any way.
     */
    public static void backup(Path db, Path target) {
        Path absolute = target.toAbsolutePath();
        try {
            Path folder = absolute.getParent();
            if (folder != null) {
                Files.createDirectories(folder);
            }
        } catch (IOException e) {
            throw new StoreException("Cannot create the folder for the backup " + target + ": " + e.getMessage(), e);
        }
        SQLiteConfig readOnly = new SQLiteConfig();
        readOnly.setReadOnly(true);
        readOnly.setBusyTimeout(BUSY_TIMEOUT_MS);
        try (Connection c = readOnly.createConnection("jdbc:sqlite:" + db.toAbsolutePath());
             Statement statement = c.createStatement()) {
            // sqlite-jdbc's "backup to" runs sqlite3_backup page by page from this connection.
            statement.executeUpdate("backup to '" + absolute.toString().replace("'", "''") + "'");
        } catch (SQLException e) {
            throw new StoreException("Cannot back up the database " + db + ": " + e.getMessage(), e);
        }
    }

    /**
     * Why writes can no longer be kept, or null while all is well: the database file was deleted or replaced since
     * it was opened (the open connections would go on writing to a file nobody will read again). Checked before
     * every commit and by the heartbeat; once lost, it stays lost until restarted.
     */
    @Override
    public String problem() {
        if (fileLost == null) {
            Object now = fileKey(file);
            if (now == null || !now.equals(fileKey)) {
                fileLost = "the database file " + file + " was " + (now == null ? "deleted" : "replaced by another file")
                        + " while studybot ran; nothing is saved until it is restarted";
                LOG.error("Database lost: {}", fileLost);
            }
        }
        return fileLost;
    }

    /** The file's identity (device and inode on Unix), or null when it is gone. */
    private static Object fileKey(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public Dialect dialect() {
        return Dialect.SQLITE;
    }

    /** Runs {@code work} in a BEGIN IMMEDIATE transaction on the writer connection, one thread at a time. */
    @Override
    public <T> T write(SqlWork<T> work) {
        checkOpen();
        writeLock.lock();
        try {
            checkOpen();
            execute(writer, "BEGIN IMMEDIATE");
            boolean committed = false;
            try {
                T result = work.apply(writer);
                if (problem() != null) {
                    // Not committed, so never acknowledged: the caller hears of a failure instead of a lost answer.
                    throw new StoreException("Not saved: " + fileLost, null);
                }
                execute(writer, "COMMIT");
                committed = true;
                return result;
            } finally {
                if (!committed) {
                    try {
                        execute(writer, "ROLLBACK");
                    } catch (SQLException ignored) {
                        // No transaction left to roll back (SQLite may have ended it already).
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Database write failed: " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public <T> T read(SqlWork<T> work) {
        Connection c = borrow();
        try {
            return work.apply(c);
        } catch (SQLException e) {
            throw new StoreException("Database read failed: " + e.getMessage(), e);
        } finally {
            if (closed) {
                closeQuietly(c);
            } else {
                readers.add(c);
            }
        }
    }

    /** A read that sees one snapshot of the database throughout (a deferred read transaction). */
    @Override
    public <T> T readTransaction(SqlWork<T> work) {
        return read(c -> {
            execute(c, "BEGIN");
            try {
                return work.apply(c);
            } finally {
                execute(c, "COMMIT");
            }
        });
    }

    private Connection borrow() {
        checkOpen();
        try {
            return readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while waiting for a database connection", e);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("The store is closed");
        }
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            try {
                execute(writer, "PRAGMA optimize");
            } catch (SQLException ignored) {
                // Only a hint for the query planner.
            }
            closeQuietly(writer);
        } finally {
            writeLock.unlock();
        }
        Connection reader;
        while ((reader = readers.poll()) != null) {
            closeQuietly(reader);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // Closing anyway.
        }
    }
}
