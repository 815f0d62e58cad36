package dev.studybot.store;

import dev.studybot.config.DatabaseLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Moves a team's data from an SQLite file to a PostgreSQL database ({@code studybot migrate}). Both are first
 * brought up to the same schema by their Flyway histories; then every table of the file is copied, ids and all, in
 * one transaction on the server (all or nothing), tables in the order of their foreign keys, and the server's id
 * sequences are moved past the copied ids so that new rows do not collide with them. Tables only the server has
 * (the clustered scheduler's, say) are left as they are.
 */
public final class SqliteToPostgresql {

    /** Flyway's own table: each side keeps its history, which the migrations above have made equal. */
    private static final String HISTORY = "flyway_schema_history";
    private static final int BATCH = 500;

    private SqliteToPostgresql() {
    }

    /** How many rows a table has in the file and, after the copy was committed, on the server. */
    public record TableCount(String table, long sqlite, long postgresql) {
        public boolean equal() {
            return sqlite == postgresql;
        }
    }

    /**
     * Copies {@code file} to {@code target}, logging in with {@code password} (null: none, or one the driver finds).
     *
     * @param replace empty the target's tables first when they hold rows; without it, a target with rows is refused
     * @return every copied table's row counts, in the order they were copied
     * @throws IllegalArgumentException when there is no such file, or the target holds rows and not {@code replace}
     * @throws dev.studybot.ops.StartupFailure when either database cannot be opened or brought up to date
     */
    public static List<TableCount> migrate(Path file, DatabaseLocation.PostgresqlServer target, String password,
                                           boolean replace) {
        Path source = file.toAbsolutePath();
        if (!Files.isRegularFile(source)) {
            throw new IllegalArgumentException("There is no database at " + file + " to migrate.");
        }
        SqlStudyStore.migrate("jdbc:sqlite:" + source);
        try (SqliteDatabase from = openFile(source);
             PostgresqlDatabase to = PostgresqlDatabase.open(target, password)) {
            Map<String, Long> copied = from.readTransaction(src -> to.write(dst -> copy(src, dst, replace)));
            Map<String, Long> stored = to.readTransaction(dst -> counts(dst, copied.keySet()));
            List<TableCount> counts = new ArrayList<>();
            copied.forEach((table, rows) -> counts.add(new TableCount(table, rows, stored.get(table))));
            return counts;
        }
    }

    private static SqliteDatabase openFile(Path file) {
        try {
            return SqliteDatabase.open(file);
        } catch (SQLException e) {
            throw new StoreException("Cannot open the database " + file + ": " + e.getMessage(), e);
        }
    }

    /** The copy, in the server's transaction; returns each table's rows in the file, counted in the same snapshot. */
    private static Map<String, Long> copy(Connection src, Connection dst, boolean replace) throws SQLException {
        Set<String> inFile = sqliteTables(src);
        Map<String, Set<String>> onServer = postgresqlReferences(dst);
        Set<String> missing = new TreeSet<>(inFile);
        missing.removeAll(onServer.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The server's schema has no table " + missing + " of the file's");
        }
        onServer.keySet().retainAll(inFile);
        List<String> tables = TableOrder.of(onServer);
        emptyTarget(dst, tables, replace);
        Map<String, Long> rows = new LinkedHashMap<>(counts(src, tables));
        for (String table : tables) {
            copyRows(src, dst, table);
        }
        resetIdentities(dst, tables);
        return rows;
    }

    private static void emptyTarget(Connection dst, List<String> tables, boolean replace) throws SQLException {
        Map<String, Long> held = counts(dst, tables);
        held.values().removeIf(rows -> rows == 0);
        if (held.isEmpty()) {
            return;
        }
        if (!replace) {
            throw new IllegalArgumentException("The target database already holds data (" + held.entrySet().stream()
                    .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", "))
                    + " rows), so nothing was copied. Point --to at an empty database, or add --replace to delete"
                    + " what it holds first.");
        }
        // Named all at once, without CASCADE: a table outside the copy that refers to one of them stops it.
        execute(dst, "TRUNCATE " + tables.stream().map(SqliteToPostgresql::quoted).collect(Collectors.joining(", ")));
    }

    private static void copyRows(Connection src, Connection dst, String table) throws SQLException {
        Map<String, Integer> types = postgresqlColumnTypes(dst, table);
        try (Statement select = src.createStatement();
             ResultSet rs = select.executeQuery("SELECT * FROM " + quoted(table))) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnName(i));
            }
            String insert = "INSERT INTO " + quoted(table) + " ("
                    + columns.stream().map(SqliteToPostgresql::quoted).collect(Collectors.joining(", "))
                    + ") VALUES (" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
            try (PreparedStatement into = dst.prepareStatement(insert)) {
                int pending = 0;
                while (rs.next()) {
                    for (int i = 1; i <= columns.size(); i++) {
                        Integer type = types.get(columns.get(i - 1));
                        if (type == null) {
                            throw new IllegalStateException("The server's " + table + " has no column "
                                    + columns.get(i - 1));
                        }
                        // SQLite hands back what each value is stored as; the server's column says what to send.
                        into.setObject(i, rs.getObject(i), type);
                    }
                    into.addBatch();
                    if (++pending == BATCH) {
                        into.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    into.executeBatch();
                }
            }
        }
    }

    /** Moves each identity (or serial) column's sequence past the highest copied id. */
    private static void resetIdentities(Connection dst, List<String> tables) throws SQLException {
        Map<String, String> identities = new HashMap<>();
        try (PreparedStatement s = dst.prepareStatement("""
                SELECT table_name, column_name FROM information_schema.columns
                WHERE table_schema = current_schema() AND (is_identity = 'YES' OR column_default LIKE 'nextval(%')""");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                identities.put(rs.getString(1), rs.getString(2));
            }
        }
        for (String table : tables) {
            String column = identities.get(table);
            if (column != null) {
                try (PreparedStatement s = dst.prepareStatement("SELECT setval(pg_get_serial_sequence(?, ?),"
                        + " COALESCE(MAX(" + quoted(column) + "), 0) + 1, false) FROM " + quoted(table))) {
                    s.setString(1, quoted(table));
                    s.setString(2, column);
                    s.executeQuery().close();
                }
            }
        }
    }

    private static Map<String, Long> counts(Connection c, Iterable<String> tables) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : tables) {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + quoted(table))) {
                rs.next();
                counts.put(table, rs.getLong(1));
            }
        }
        return counts;
    }

    private static Set<String> sqliteTables(Connection src) throws SQLException {
        Set<String> tables = new HashSet<>();
        try (Statement s = src.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'"
                     + " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        tables.remove(HISTORY);
        return tables;
    }

    /** The server's tables in its current schema, each with the tables its foreign keys refer to. */
    private static Map<String, Set<String>> postgresqlReferences(Connection dst) throws SQLException {
        DatabaseMetaData meta = dst.getMetaData();
        String schema = dst.getSchema();
        Map<String, Set<String>> references = new HashMap<>();
        try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                references.put(rs.getString("TABLE_NAME"), new HashSet<>());
            }
        }
        references.remove(HISTORY);
        for (Map.Entry<String, Set<String>> table : references.entrySet()) {
            try (ResultSet rs = meta.getImportedKeys(null, schema, table.getKey())) {
                while (rs.next()) {
                    table.getValue().add(rs.getString("PKTABLE_NAME"));
                }
            }
        }
        return references;
    }

    private static Map<String, Integer> postgresqlColumnTypes(Connection dst, String table) throws SQLException {
        Map<String, Integer> types = new HashMap<>();
        try (ResultSet rs = dst.getMetaData().getColumns(null, dst.getSchema(), table, "%")) {
            while (rs.next()) {
                // The name is a LIKE pattern, in which _ stands for any character.
                if (rs.getString("TABLE_NAME").equals(table)) {
                    types.put(rs.getString("COLUMN_NAME"), rs.getInt("DATA_TYPE"));
                }
            }
        }
        return types;
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String quoted(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
