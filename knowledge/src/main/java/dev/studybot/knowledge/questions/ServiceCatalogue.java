package dev.studybot.knowledge.questions;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The services questions are about, by family (config/aws-services.yml, or a team's own list): which
 * service a text names, and which services are of the same kind as it.
 */
public final class ServiceCatalogue {

    /** The catalogue shipped with studybot, a copy of {@code config/aws-services.yml}. */
    public static final String BUNDLED_RESOURCE = "/studybot/aws-services.yml";

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    /** Words in front of a name that change nothing ("AWS Lambda" is Lambda). */
    static final Set<String> VENDOR = Set.of("aws", "amazon");
    /** A name that looks like an ordinary word ("Lambda", "Inspector") counts only with its capital letter. */
    private static final Pattern WORD_LIKE = Pattern.compile("\\p{Lu}\\p{Ll}+");

    /** A word in this many names or more ("data", "service") says nothing about which kind of thing a heading is. */
    private static final int COMMON_NAME_WORD = 4;
    /** Texts whose mentions are remembered at most; more than a large notes folder has. */
    private static final int MAX_REMEMBERED = 500_000;

    private record Name(List<String> words, boolean capitalOnly, Service service) {
    }

    /** One place a service is named in a text: word {@code start} (inclusive) to {@code end} (exclusive). */
    record Mention(Service service, int start, int end) {
    }

    private final List<Service> services;
    private final Map<String, List<Service>> byFamily = new LinkedHashMap<>();
    /** Names by their first word, longest first, so a scan tries "S3 Glacier" before "S3". */
    private final Map<String, List<Name>> namesByFirstWord = new HashMap<>();
    /** The words of its names and families that mark a text as about the catalogue's subject ("queue", "networking"). */
    private final Set<String> vocabulary = new HashSet<>();
    /** The same bullets are scanned by several steps (and repeat across copied notes): scanned once. */
    private final Map<String, List<Mention>> mentionsByText = new ConcurrentHashMap<>();

    private ServiceCatalogue(List<Service> services) {
        this.services = List.copyOf(services);
        Map<String, Service> seen = new HashMap<>();
        for (Service service : services) {
            byFamily.computeIfAbsent(service.family(), family -> new ArrayList<>()).add(service);
            for (String name : service.names()) {
                List<String> words = words(name);
                Service other = seen.putIfAbsent(String.join(" ", words), service);
                if (other != null && other != service) {
                    throw new IllegalArgumentException("\"" + name + "\" names both " + other.name() + " and "
                            + service.name());
                }
                namesByFirstWord.computeIfAbsent(words.get(0), first -> new ArrayList<>())
                        .add(new Name(words, WORD_LIKE.matcher(name).matches(), service));
            }
        }
        namesByFirstWord.values().forEach(names -> names.sort(Comparator.comparingInt((Name n) -> -n.words().size())));
        Map<String, Integer> inNames = new HashMap<>();
        seen.keySet().forEach(name -> words(name).stream().map(ServiceCatalogue::singular).distinct()
                .forEach(word -> inNames.merge(word, 1, Integer::sum)));
        inNames.forEach((word, names) -> {
            if (names < COMMON_NAME_WORD && word.length() > 2 && !VENDOR.contains(word)) {
                vocabulary.add(word);
            }
        });
        byFamily.keySet().forEach(family -> words(family).forEach(vocabulary::add));
    }

    public static ServiceCatalogue none() {
        return new ServiceCatalogue(List.of());
    }

    public static ServiceCatalogue bundled() {
        try (InputStream in = ServiceCatalogue.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The bundled service catalogue " + BUNDLED_RESOURCE + " is missing from the build");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "the bundled service catalogue");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ServiceCatalogue load(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the service catalogue " + file, e);
        }
    }

    /**
     * @param origin where the text came from, for error messages
     * @throws IllegalArgumentException when the text is not a map of families to lists of services
     */
    public static ServiceCatalogue parse(String yaml, String origin) {
        Map<String, List<String>> families;
        try {
            families = new ObjectMapper(new YAMLFactory()).readValue(yaml, new TypeReference<>() { });
        } catch (JacksonException e) {
            throw new IllegalArgumentException("The service catalogue " + origin
                    + " must map each family to a list of services: " + e.getOriginalMessage(), e);
        }
        List<Service> services = new ArrayList<>();
        for (Map.Entry<String, List<String>> family : (families == null ? Map.<String, List<String>>of() : families).entrySet()) {
            for (String line : family.getValue() == null ? List.<String>of() : family.getValue()) {
                List<String> names = new ArrayList<>();
                for (String name : line.split("\\|")) {
                    if (words(name).isEmpty()) {
                        throw new IllegalArgumentException("The service catalogue " + origin + " has an empty name in \""
                                + line + "\" (family " + family.getKey() + ")");
                    }
                    names.add(name.strip());
                }
                services.add(new Service(names.get(0), family.getKey(), names.subList(1, names.size())));
            }
        }
        try {
            return new ServiceCatalogue(services);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The service catalogue " + origin + ": " + e.getMessage(), e);
        }
    }

    public List<Service> services() {
        return services;
    }

    /** The services of a family, in catalogue order. */
    public List<Service> family(String family) {
        return byFamily.getOrDefault(family, List.of());
    }

    /** The services a text names, in order, each time it names one; worked out once per distinct text. */
    List<Mention> mentionsIn(String text) {
        if (mentionsByText.size() > MAX_REMEMBERED) {
            mentionsByText.clear(); // a long-running bot reloads edited notes: old texts must not pile up
        }
        return mentionsByText.computeIfAbsent(text, this::scan);
    }

    private List<Mention> scan(String text) {
        List<String> original = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            original.add(m.group());
        }
        List<String> lower = original.stream().map(word -> word.toLowerCase(Locale.ROOT)).toList();
        List<Mention> mentions = new ArrayList<>();
        for (int i = 0; i < lower.size(); i++) {
            Name found = longestAt(original, lower, i);
            if (found != null) {
                mentions.add(new Mention(found.service(), i, i + found.words().size()));
                i += found.words().size() - 1;
            }
        }
        return List.copyOf(mentions);
    }

    /** The service a heading is exactly about ("Amazon SQS", "Direct connect DX"), if it names only one and nothing else. */
    public Optional<Service> named(String heading) {
        List<String> words = words(heading);
        List<Mention> mentions = mentionsIn(heading);
        if (mentions.isEmpty() || mentions.stream().map(Mention::service).distinct().count() != 1) {
            return Optional.empty();
        }
        boolean[] covered = new boolean[words.size()];
        mentions.forEach(mention -> Arrays.fill(covered, mention.start(), mention.end(), true));
        for (int i = 0; i < words.size(); i++) {
            if (!covered[i] && !VENDOR.contains(words.get(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(mentions.get(0).service());
    }

    /** Whether a heading uses the catalogue's own words ("Queue service", "Networking"), so is about its subject. */
    boolean usesItsTerms(String heading) {
        return words(heading).stream().map(ServiceCatalogue::singular).anyMatch(vocabulary::contains);
    }

    /** The family a heading names ("Databases", "Compute and Load Balancing"), if any. */
    public Optional<String> familyNamed(String heading) {
        List<String> words = words(heading).stream().map(ServiceCatalogue::singular).toList();
        return byFamily.keySet().stream().filter(family -> words.containsAll(words(family))).findFirst();
    }

    private Name longestAt(List<String> original, List<String> lower, int start) {
        for (Name name : namesByFirstWord.getOrDefault(lower.get(start), List.of())) {
            int end = start + name.words().size();
            if (end <= lower.size() && lower.subList(start, end).equals(name.words())
                    && (!name.capitalOnly() || Character.isUpperCase(original.get(start).charAt(0)))) {
                return name;
            }
        }
        return null;
    }

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    private static String singular(String word) {
        return word.length() > 3 && word.endsWith("s") && !word.endsWith("ss") ? word.substring(0, word.length() - 1) : word;
    }
}
