package dev.studybot.store;

import java.time.ZoneId;

/**
 * What the store of each aggregate shares: the file's connections (one writer, a pool of readers) and the zone
 * new groups start in.
 */
abstract class SqliteAggregate {

    private final SqliteConnections connections;
    protected final ZoneId defaultZone;

    SqliteAggregate(SqliteConnections connections, ZoneId defaultZone) {
        this.connections = connections;
        this.defaultZone = defaultZone;
    }

    protected final <T> T write(SqlWork<T> work) {
        return connections.write(work);
    }

    protected final <T> T read(SqlWork<T> work) {
        return connections.read(work);
    }

    protected final <T> T readTransaction(SqlWork<T> work) {
        return connections.readTransaction(work);
    }
}
