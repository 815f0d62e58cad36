package dev.studybot.config;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys of {@code config/studybot.yml}, read from the {@link Setting}s of {@link StudybotConfig}'s records so
 * that the records are the only list of keys.
 */
final class ConfigKeys {

    /** The naming of keys: the component {@code graceMinutes} is the key {@code grace_minutes}. */
    static final PropertyNamingStrategies.NamingBase NAMING = new PropertyNamingStrategies.SnakeCaseStrategy();

    /** Every key, dotted, in the order of the records. */
    static final List<Key> ALL;
    /** The keys directly under each section, and under "" the top-level keys and sections. */
    private static final Map<String, List<String>> CHILDREN;

    static {
        List<Key> keys = new ArrayList<>();
        Map<String, List<String>> children = new LinkedHashMap<>();
        collect(StudybotConfig.class, "", keys, children);
        ALL = List.copyOf(keys);
        CHILDREN = Collections.unmodifiableMap(children);
    }

    /**
     * One key.
     *
     * @param name     dotted, e.g. {@code question_of_the_day.grace_minutes}
     * @param variable the environment variable that overrides it
     * @param kind     what its value must be
     */
    record Key(String name, String variable, Kind kind) {
        List<String> path() {
            return List.of(name.split("\\."));
        }
    }

    private ConfigKeys() {
    }

    private static void collect(Class<?> record, String section, List<Key> keys, Map<String, List<String>> children) {
        List<String> names = new ArrayList<>();
        for (RecordComponent component : record.getRecordComponents()) {
            String name = NAMING.translate(component.getName());
            String dotted = section.isEmpty() ? name : section + "." + name;
            Setting setting = component.getAnnotation(Setting.class);
            if (setting != null) {
                keys.add(new Key(dotted, setting.env(), setting.kind()));
                names.add(name);
            } else if (component.getType().isRecord()) {
                collect(component.getType(), dotted, keys, children);
                names.add(name);
            }
        }
        children.put(section, List.copyOf(names));
    }

    /** The key named, or null. */
    static Key key(String name) {
        return ALL.stream().filter(key -> key.name().equals(name)).findFirst().orElse(null);
    }

    /** The keys directly under {@code section} ("" for the top level), or null when it is no section. */
    static List<String> children(String section) {
        return CHILDREN.get(section);
    }

    /** Each key's variable, in the order of the records. */
    static Map<String, String> variables() {
        Map<String, String> variables = new LinkedHashMap<>();
        ALL.forEach(key -> variables.put(key.name(), key.variable()));
        return Collections.unmodifiableMap(variables);
    }
}
