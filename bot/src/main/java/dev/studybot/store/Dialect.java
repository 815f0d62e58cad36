package dev.studybot.store;

/**
 * The SQL the two engines word differently, in one place; everything else the stores send is the same on both.
 * Names compare without regard to (ASCII) case: SQLite by its NOCASE collation, which its index on member names is
 * built with, PostgreSQL by lower(), which its index is built on.
 */
enum Dialect {
    SQLITE(null) {
        @Override
        String caselessEquals(String column) {
            return column + " = ? COLLATE NOCASE";
        }

        @Override
        String caselessOrder(String column) {
            return column + " COLLATE NOCASE";
        }
    },
    POSTGRESQL("db/vendor/postgresql") {
        @Override
        String caselessEquals(String column) {
            return "lower(" + column + ") = lower(?)";
        }

        @Override
        String caselessOrder(String column) {
            return "lower(" + column + ")";
        }
    };

    private final String migrationFolder;

    Dialect(String migrationFolder) {
        this.migrationFolder = migrationFolder;
    }

    /** A condition: {@code column} equals the next parameter, case aside. */
    abstract String caselessEquals(String column);

    /** An ORDER BY term: {@code column}, case aside. */
    abstract String caselessOrder(String column);

    /**
     * Where this engine's own versions of migrations are, which take the place of the shared ones, or null: it runs
     * the shared ones as written (they were written for SQLite).
     */
    String migrationFolder() {
        return migrationFolder;
    }
}
