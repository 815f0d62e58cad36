package dev.studybot.store;

import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;

/**
 * Flyway's messages, quietly: migrating is routine, so only warnings and errors are shown (on stderr,
 * never stdout, which commands like bench-store keep for their results). Named in Flyway's
 * {@code loggers} setting, so Flyway instantiates it by class name.
 */
public final class FlywayLog implements LogCreator {

    @Override
    public Log createLogger(Class<?> clazz) {
        return new Log() {
            @Override
            public boolean isDebugEnabled() {
                return false;
            }

            @Override
            public void debug(String message) {
            }

            @Override
            public void info(String message) {
            }

            @Override
            public void notice(String message) {
            }

            @Override
            public void warn(String message) {
                System.err.println("studybot: database: " + message);
            }

            @Override
            public void error(String message) {
                System.err.println("studybot: database: " + message);
            }

            @Override
            public void error(String message, Exception e) {
                System.err.println("studybot: database: " + message + ": " + e);
            }
        };
    }
}
