package dev.studybot.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.InjectableValues;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.studybot.config.ConfigKeys.Key;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Reads {@code config/studybot.yml} (or the file given), lets environment variables override it, and binds the
 * result onto {@link StudybotConfig}. Unknown keys are errors, and every message names the file and key (or the
 * environment variable) at fault.
 */
public final class ConfigLoader {

    /** Names the configuration file when {@code --config} is not given. */
    public static final String CONFIG_VARIABLE = "STUDYBOT_CONFIG";

    /** The environment variable that overrides each key (dotted path), in the order of the file. */
    public static final Map<String, String> VARIABLES = ConfigKeys.variables();

    /** The name under which the loader hands {@link StudybotConfig#source} to Jackson. */
    static final String SOURCE = "source";

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_IGNORED_PROPERTIES)
            .propertyNamingStrategy(ConfigKeys.NAMING)
            .annotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Object findDeserializer(Annotated annotated) {
                    Setting setting = annotated.getAnnotation(Setting.class);
                    return setting == null ? super.findDeserializer(annotated)
                            : setting.kind().deserializer(annotated.getRawType());
                }
            })
            // The defaults are written as a tree before the file is laid over them: paths and zones as text.
            .addModule(new SimpleModule().addSerializer(Path.class, ToStringSerializer.instance)
                    .addSerializer(ZoneId.class, ToStringSerializer.instance))
            .build();

    private ConfigLoader() {
    }

    /** Every key the file may have, dotted, in the order of the file. */
    public static List<String> knownKeys() {
        return ConfigKeys.ALL.stream().map(Key::name).toList();
    }

    /**
     * The value of an environment variable, stripped; null when it is unset or blank: studybot ignores an empty
     * variable, for keys and tokens alike.
     */
    public static String variable(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * The configuration: {@code file} when given (it must exist), else the file named by
     * {@value #CONFIG_VARIABLE}, else {@link StudybotConfig#DEFAULT_FILE} when it exists, else the built-in
     * defaults; then the environment variables in {@link #VARIABLES} override it.
     *
     * @throws ConfigException when the file is missing, unreadable, not YAML, has an unknown key or a bad value
     */
    public static StudybotConfig load(Path file, Map<String, String> env) {
        Path chosen = file;
        String named = chosen == null ? variable(env, CONFIG_VARIABLE) : null;
        if (named != null) {
            try {
                chosen = Path.of(named);
            } catch (InvalidPathException e) {
                throw new ConfigException(CONFIG_VARIABLE + " must be " + Kind.PATH.mustBe() + " (got \"" + named
                        + "\": " + e.getReason() + ")");
            }
        }
        if (chosen != null && !Files.isRegularFile(chosen)) {
            throw new ConfigException("The configuration file " + chosen + " does not exist.");
        }
        if (chosen == null && Files.isRegularFile(StudybotConfig.DEFAULT_FILE)) {
            chosen = StudybotConfig.DEFAULT_FILE;
        }
        if (chosen == null) {
            return bind(StudybotConfig.DEFAULTS.source(), null, env);
        }
        try {
            return bind(chosen.toString(), MAPPER.readTree(chosen.toFile()), env);
        } catch (JsonProcessingException e) {
            throw notYaml(chosen.toString(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the configuration file " + chosen + ": " + e.getMessage(), e);
        }
    }

    /** Parses YAML text as if it were the file {@code name}: for tests and tools. */
    public static StudybotConfig parse(String name, String yaml, Map<String, String> env) {
        try {
            return bind(name, MAPPER.readTree(yaml), env);
        } catch (JsonProcessingException e) {
            throw notYaml(name, e);
        }
    }

    private static ConfigException notYaml(String name, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 1 ? "" : " (line " + at.getLineNr() + ")";
        return new ConfigException(name + " is not valid YAML" + where + ": " + e.getOriginalMessage(), e);
    }

    /** The defaults, then {@code file} (null or empty: nothing), then the environment, bound and checked. */
    private static StudybotConfig bind(String source, JsonNode file, Map<String, String> env) {
        ObjectNode tree = MAPPER.valueToTree(StudybotConfig.DEFAULTS);
        if (file != null && !file.isNull() && !file.isMissingNode()) {
            if (!file.isObject()) {
                throw new ConfigException(source + " must be a YAML mapping of keys to values, such as"
                        + " \"notes: notes\" (see config/studybot.yml in the studybot checkout).");
            }
            layOver(tree, (ObjectNode) file);
        }
        Map<String, String> fromEnvironment = new HashMap<>();
        for (Key key : ConfigKeys.ALL) {
            String text = variable(env, key.variable());
            if (text != null && override(tree, key, text)) {
                fromEnvironment.put(key.name(), text);
            }
        }
        try {
            return MAPPER.readerFor(StudybotConfig.class)
                    .with(new InjectableValues.Std().addValue(SOURCE, source))
                    .readValue(tree);
        } catch (PropertyBindingException e) {
            throw unknownKey(source, name(e));
        } catch (Kind.Refused e) {
            Key key = ConfigKeys.key(name(e));
            String text = fromEnvironment.get(key.name());
            String label = text != null ? key.variable() : source + ": " + key.name();
            String shown = text != null ? "\"" + text + "\"" : shown(tree, key.name());
            String mustBe = e.mustBe != null ? e.mustBe : key.kind().mustBe();
            throw new ConfigException(label + " must be " + mustBe
                    + (key.kind().shown() ? " (got " + shown + e.detail + ")" : ""), e);
        } catch (JsonMappingException e) {
            // Only a section can be of the wrong shape: every key is read by its kind, which refuses a bad value.
            String section = name(e);
            throw new ConfigException(source + ": " + section + " must be a section with the keys "
                    + String.join(", ", ConfigKeys.children(section)) + " (got " + shown(tree, section) + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lays the file's values over the defaults; "key:" with no value (or blank text) keeps the default. */
    private static void layOver(ObjectNode defaults, ObjectNode file) {
        for (Iterator<Map.Entry<String, JsonNode>> it = file.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            JsonNode under = defaults.get(field.getKey());
            if (value.isNull() || (value.isTextual() && value.asText().isBlank())) {
                continue;
            }
            if (value.isObject() && under instanceof ObjectNode section) {
                layOver(section, (ObjectNode) value);
            } else {
                defaults.set(field.getKey(), value);
            }
        }
    }

    /** Sets the key to a variable's text (a list: its comma-separated items); false when its section is broken. */
    private static boolean override(ObjectNode tree, Key key, String text) {
        List<String> path = key.path();
        JsonNode parent = tree;
        for (String step : path.subList(0, path.size() - 1)) {
            parent = parent.path(step);
        }
        if (!(parent instanceof ObjectNode section)) {
            return false; // the file's section is not a mapping: binding names it
        }
        String leaf = path.get(path.size() - 1);
        if (!key.kind().isList()) {
            section.put(leaf, text);
            return true;
        }
        ArrayNode items = section.putArray(leaf);
        for (String item : text.split(",")) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        return true;
    }

    private static ConfigException unknownKey(String source, String name) {
        int dot = name.lastIndexOf('.');
        String section = dot < 0 ? "" : name.substring(0, dot);
        String known = String.join(", ", ConfigKeys.children(section));
        return new ConfigException("unknown key \"" + name + "\" in " + source + "; known keys"
                + (section.isEmpty() ? "" : " under " + section) + ": " + known);
    }

    /** The dotted key where binding stopped. */
    private static String name(JsonMappingException e) {
        return e.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                .filter(Objects::nonNull).collect(Collectors.joining("."));
    }

    /** The value at {@code name} as the user wrote it: text in quotes, anything else as JSON. */
    private static String shown(JsonNode tree, String name) {
        JsonNode node = tree;
        for (String step : name.split("\\.")) {
            node = node.path(step);
        }
        return node.isTextual() ? "\"" + node.asText() + "\"" : node.toString();
    }
}
