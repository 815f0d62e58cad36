package dev.studybot.store;

import java.time.ZoneId;

/** What the store of each aggregate shares: the database's transactions and dialect, and the zone new groups start in. */
abstract class SqlAggregate {

    private final Database database;
    protected final ZoneId defaultZone;

    SqlAggregate(Database database, ZoneId defaultZone) {
        this.database = database;
        this.defaultZone = defaultZone;
    }

    protected final <T> T write(SqlWork<T> work) {
        return database.write(work);
    }

    protected final <T> T read(SqlWork<T> work) {
        return database.read(work);
    }

    protected final <T> T readTransaction(SqlWork<T> work) {
        return database.readTransaction(work);
    }

    protected final Dialect dialect() {
        return database.dialect();
    }
}
