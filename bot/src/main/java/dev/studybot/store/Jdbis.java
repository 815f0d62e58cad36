package dev.studybot.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/** Jdbi on the connections {@link Database} lends, inside the transactions it runs. */
final class Jdbis {

    private Jdbis() {
    }

    /**
     * Runs {@code work} with a Jdbi handle on {@code c}, which {@link Database} keeps owning. A failed
     * statement comes out as the SQLException it was, so it is reported like any other failed write or read.
     */
    static <T> T with(Connection c, HandleCallback<T, SQLException> work) throws SQLException {
        ConnectionFactory lent = new ConnectionFactory() {
            @Override
            public Connection openConnection() {
                return c;
            }

            @Override
            public void closeConnection(Connection connection) {
                // Returned to Database, not closed.
            }
        };
        try (Handle handle = Jdbi.create(lent).open()) {
            return work.withHandle(handle);
        } catch (UncheckedSql e) {
            throw e.getCause();
        } catch (JdbiException e) {
            if (e.getCause() instanceof SQLException failed) {
                throw failed;
            }
            throw e;
        }
    }

    /** A step written with plain JDBC (the row helpers of {@link SqlRows}). */
    @FunctionalInterface
    interface JdbcStep<T> {
        T run() throws SQLException;
    }

    /** Runs a JDBC step where only unchecked exceptions may pass (inside {@link #with}, which unwraps them again). */
    static <T> T unchecked(JdbcStep<T> step) {
        try {
            return step.run();
        } catch (SQLException e) {
            throw new UncheckedSql(e);
        }
    }

    private static final class UncheckedSql extends RuntimeException {
        UncheckedSql(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }
}
