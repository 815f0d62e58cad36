package dev.studybot.store;

/**
 * What the stores of the aggregates need from the database they share: its transactions, and whether it can still
 * keep what it is given. One SQLite file ({@link SqliteDatabase}) or a PostgreSQL server
 * ({@link PostgresqlDatabase}); the same stores and the same SQL run on both, apart from the little
 * {@link #dialect()} words differently.
 */
interface Database extends AutoCloseable {

    /**
     * Runs {@code work} in one write transaction, committed when it returns and rolled back when it throws. It
     * behaves as if no other write ran meanwhile (so a look-up followed by an insert stays true); on an engine that
     * detects a conflict instead of waiting, the work is run again, so it must not act outside the database.
     */
    <T> T write(SqlWork<T> work);

    /** Runs {@code work} on a connection of its own, each statement on its own. */
    <T> T read(SqlWork<T> work);

    /** A read that sees one snapshot of the database throughout. */
    <T> T readTransaction(SqlWork<T> work);

    /** Why writes can no longer be kept, or null while all is well. Checked before every commit and by the heartbeat. */
    String problem();

    /** How this engine words what SQL does not say one way. */
    Dialect dialect();

    @Override
    void close();
}
