package dev.studybot.chat;

import java.util.Map;
import java.util.Optional;

/** The option values a command was given, by option name; an option not given is absent. */
public record Options(Map<String, String> values) {

    public static final Options NONE = new Options(Map.of());

    public Options {
        values = Map.copyOf(values);
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name)).map(String::strip).filter(value -> !value.isEmpty());
    }

    /** The value, or "" when it was not given. */
    public String text(String name) {
        return get(name).orElse("");
    }
}
