package dev.studybot.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/** Jdbi on the connections {@link SqliteConnections} lends, inside the transactions it runs. */
final class Jdbis {

    private Jdbis() {
    }

    /** Runs {@code work} with a Jdbi handle on {@code c}, which {@link SqliteConnections} keeps owning. */
    static <T> T with(Connection c, HandleCallback<T, SQLException> work) throws SQLException {
        ConnectionFactory lent = new ConnectionFactory() {
            @Override
            public Connection openConnection() {
                return c;
            }

            @Override
            public void closeConnection(Connection connection) {
                // Returned to SqliteConnections, not closed.
            }
        };
        try (Handle handle = Jdbi.create(lent).open()) {
            return work.withHandle(handle);
        }
    }
}
