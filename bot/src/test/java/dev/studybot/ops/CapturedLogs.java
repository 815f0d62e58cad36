package dev.studybot.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/** Collects what studybot logs while a test runs, to assert on it. */
public final class CapturedLogs implements AutoCloseable {

    private final Logger logger;
    private final Level previousLevel;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private CapturedLogs(Logger logger) {
        this.logger = logger;
        this.previousLevel = logger.getLevel();
        appender.setContext(logger.getLoggerContext());
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.DEBUG);
    }

    /** Captures studybot's own loggers ({@code dev.studybot} and below), at debug. */
    public static CapturedLogs studybot() {
        return new CapturedLogs((Logger) LoggerFactory.getLogger("dev.studybot"));
    }

    /** Captures every logger, the libraries' too (a connection pool, a driver), at debug. */
    public static CapturedLogs everything() {
        return new CapturedLogs((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME));
    }

    public List<ILoggingEvent> events() {
        synchronized (appender.list) {
            return List.copyOf(appender.list);
        }
    }

    /** Each event as "LEVEL message [key=value ...] cause-message", one per line. */
    public String text() {
        return events().stream().map(CapturedLogs::line).collect(Collectors.joining("\n"));
    }

    private static String line(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(event.getLevel() + " " + event.getFormattedMessage());
        if (event.getKeyValuePairs() != null) {
            event.getKeyValuePairs().forEach(pair -> line.append(' ').append(pair.key).append('=').append(pair.value));
        }
        for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
            line.append(' ').append(cause.getClassName()).append(": ").append(cause.getMessage());
        }
        return line.toString();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(previousLevel);
        appender.stop();
    }
}
