package dev.studybot.store;

import java.sql.Connection;
import java.sql.SQLException;

/** What a store does inside one transaction (or one read) on a connection {@link Database} lends it. */
@FunctionalInterface
interface SqlWork<T> {
    T apply(Connection c) throws SQLException;
}
