package dev.studybot.config;

/**
 * A configuration value that cannot be used. The message names the file (or environment variable, or
 * option) and the key, says what is expected and what was found; it never contains a token.
 */
public final class ConfigException extends IllegalArgumentException {

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
