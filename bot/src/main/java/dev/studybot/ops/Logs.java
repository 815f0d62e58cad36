package dev.studybot.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import dev.studybot.config.LogLevel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.logstash.logback.encoder.LogstashEncoder;
import net.logstash.logback.mask.MaskingJsonGeneratorDecorator;
import org.slf4j.LoggerFactory;

/**
 * Where and how much studybot logs. Every line is one JSON object (Logstash's field names: {@code @timestamp},
 * {@code level}, {@code logger_name}, {@code thread_name}, {@code message}, plus the event's key-value pairs),
 * with secrets masked ({@link SecretMasker}). The bot on a chat platform logs to stderr, where a container
 * runtime collects it; the console logs to a file, so the terminal stays a conversation.
 */
public final class Logs {

    /** Libraries that are chatty at info; they log at warn unless debug or trace is asked for. */
    private static final List<String> CHATTY = List.of("org.quartz", "org.flywaydb", "com.slack.api",
            "org.java_websocket", "org.eclipse.jetty");
    /**
     * Libraries whose warnings are no news here: DJL's tokenizer warns on every model load that there is no
     * GPU and that it uses the model's own maximum length. They log errors only, unless debug or trace.
     */
    private static final List<String> NOISY = List.of("ai.djl");

    private Logs() {
    }

    public static void toStandardError(LogLevel level) {
        install(context(), standardError(), level);
    }

    static ConsoleAppender<ILoggingEvent> standardError() {
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setTarget("System.err");
        return appender;
    }

    public static void toFile(Path file, LogLevel level) {
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setFile(file.toAbsolutePath().toString());
        appender.setAppend(true);
        install(context(), appender, level);
    }

    /** Replaces whatever logging was set up (logback's default, an earlier call) with {@code appender}. */
    static void install(LoggerContext context, OutputStreamAppender<ILoggingEvent> appender, LogLevel level) {
        install(context, appender, level, System.getenv());
    }

    /** @param environment where the secrets to mask are (variables named like secrets) */
    static void install(LoggerContext context, OutputStreamAppender<ILoggingEvent> appender, LogLevel level,
                        Map<String, String> environment) {
        MaskingJsonGeneratorDecorator masking = new MaskingJsonGeneratorDecorator();
        masking.addValueMasker(new SecretMasker(environment));
        masking.start();
        LogstashEncoder encoder = new LogstashEncoder();
        encoder.setContext(context);
        encoder.setJsonGeneratorDecorator(masking);
        encoder.start();
        appender.setContext(context);
        appender.setName("json");
        appender.setEncoder(encoder);
        appender.start();

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        root.addAppender(appender);
        Level chosen = Level.toLevel(level.name());
        root.setLevel(chosen);
        Level libraries = chosen == Level.INFO ? Level.WARN : chosen;
        for (String name : CHATTY) {
            context.getLogger(name).setLevel(libraries);
        }
        Level noisy = chosen.isGreaterOrEqual(Level.INFO) ? Level.ERROR : chosen;
        for (String name : NOISY) {
            context.getLogger(name).setLevel(noisy);
        }
    }

    private static LoggerContext context() {
        return (LoggerContext) LoggerFactory.getILoggerFactory();
    }
}
