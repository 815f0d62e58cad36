package dev.studybot.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How much studybot logs: {@code log_level} in {@code config/studybot.yml}, lowest volume first. */
public enum LogLevel {
    ERROR, WARN, INFO, DEBUG, TRACE;

    /** The level named (any case), or null when the name is not a level. */
    static LogLevel parse(String name) {
        for (LogLevel level : values()) {
            if (level.name().equalsIgnoreCase(name.strip())) {
                return level;
            }
        }
        return null;
    }

    static String names() {
        return Arrays.stream(values()).map(LogLevel::toString).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
