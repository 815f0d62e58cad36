package dev.studybot.ops;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;
import dev.studybot.config.LogLevel;
import java.util.stream.Stream;

/**
 * Logback's configuration until a command chooses its own ({@link Logs}): warnings and errors as JSON on
 * stderr, secrets masked. Found through {@code META-INF/services}, so there is no logback.xml to keep in step.
 * A logback configuration file given or on the class path (the tests' quiet one) is left to logback.
 */
public final class LogDefaults extends ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        ClassLoader loader = LogDefaults.class.getClassLoader();
        if (System.getProperty("logback.configurationFile") != null
                || Stream.of("logback-test.xml", "logback.xml").anyMatch(name -> loader.getResource(name) != null)) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        Logs.install(context, Logs.standardError(), LogLevel.WARN);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
