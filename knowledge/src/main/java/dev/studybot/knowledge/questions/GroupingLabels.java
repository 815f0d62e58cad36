package dev.studybot.knowledge.questions;

import dev.studybot.knowledge.notes.NoteTopic;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Tells a note-taker's grouping label ("Exam Tip", "Objects", "basic", "SAA Stuff") from a topic, by what
 * the notes do with it rather than a list: a label names no service and uses none of the catalogue's
 * words, and either only groups headings below it, or is made of a few everyday words (words the notes
 * write in lower case in running text), or is written all in lower case, or is reused under several
 * other headings ("Limits", "Pricing"), or is made of grouping words and the course's own words ("Misc",
 * "SAA Stuff"), whatever it has under it.
 */
final class GroupingLabels {

    private static final int REUSED_UNDER = 3;
    /**
     * Words by which a heading says it holds what is left over, or what a course or an exam adds, rather than
     * what it is about ("Misc", "Exam stuff", "SAA level"): a closed class of words, like a heading's glue words.
     */
    private static final Set<String> GROUPING_WORDS = Set.of("misc", "miscellaneous", "stuff", "other", "others",
            "various", "general", "extra", "extras", "notes", "note", "tips", "tip", "level", "exam", "exams", "course",
            "summary", "review", "random", "bits", "things");
    private static final Set<String> GLUE = Set.of("a", "an", "the", "of", "and", "or", "for", "to", "in", "on", "my");
    private static final int MAX_LABEL_WORDS = 3;

    private final ServiceCatalogue catalogue;
    private final EverydayWords everyday;
    private final Map<String, Set<String>> parentsByTitle = new HashMap<>();
    private final Set<List<String>> groupingPaths = new HashSet<>();
    /** Words of the notes' file names that are neither the catalogue's nor the vendor's: the course's ("saa"). */
    private final Set<String> courseWords = new HashSet<>();

    GroupingLabels(ServiceCatalogue catalogue, EverydayWords everyday, List<NoteTopic> topics) {
        this.catalogue = catalogue;
        this.everyday = everyday;
        Map<List<String>, Integer> ownStatements = new HashMap<>();
        for (NoteTopic topic : topics) {
            List<String> path = topic.headingPath();
            String file = topic.file().replaceAll("\\.[^./\\\\]*$", "");
            ServiceCatalogue.words(file).stream()
                    .filter(word -> !ServiceCatalogue.VENDOR.contains(word) && !catalogue.usesItsTerms(word))
                    .forEach(courseWords::add);
            if (!path.isEmpty()) {
                parentsByTitle.computeIfAbsent(key(path.get(path.size() - 1)), title -> new HashSet<>())
                        .add(String.join(" › ", path.subList(0, path.size() - 1)).toLowerCase(Locale.ROOT));
                ownStatements.merge(path, topic.statements().size(), Integer::sum);
            }
        }
        for (NoteTopic topic : topics) {
            List<String> path = topic.headingPath();
            for (int depth = 1; depth < path.size(); depth++) {
                List<String> above = path.subList(0, depth);
                if (ownStatements.getOrDefault(above, 0) <= 1) {
                    groupingPaths.add(List.copyOf(above));
                }
            }
        }
    }

    /** Whether the heading that ends {@code path} is a label rather than something worth asking about. */
    boolean isLabel(List<String> path) {
        String title = path.get(path.size() - 1);
        return groupingPaths.contains(path) && !aboutTheSubject(title) || isNoise(path) || courseLabel(title);
    }

    /**
     * Whether a label says nothing even as context above a title: everyday words, or a heading reused
     * under several others. A heading that only groups ("Messaging") still tells where its sections belong.
     */
    boolean isNoise(List<String> path) {
        String title = path.get(path.size() - 1);
        // A heading written all in lower case ("misc", "basic", "options") is jotted down, not a title.
        return !aboutTheSubject(title) && (parentsByTitle.getOrDefault(key(title), Set.of()).size() >= REUSED_UNDER
                || everyday.everyday(title) || title.equals(title.toLowerCase(Locale.ROOT)) || courseLabel(title));
    }

    /**
     * A heading that is a few grouping words, or the course's words with one ("Misc", "SAA Stuff"), beside
     * at most the names of the services it is under ("IAM SAA level"): a label even with bullets of its own.
     */
    private boolean courseLabel(String title) {
        Set<String> named = new HashSet<>();
        catalogue.mentionsIn(title).forEach(mention -> mention.service().names()
                .forEach(name -> named.addAll(ServiceCatalogue.words(name))));
        List<String> rest = ServiceCatalogue.words(title).stream()
                .filter(word -> !GLUE.contains(word) && !named.contains(word) && !ServiceCatalogue.VENDOR.contains(word))
                .toList();
        return !rest.isEmpty() && rest.size() <= MAX_LABEL_WORDS && rest.stream().anyMatch(GROUPING_WORDS::contains)
                && rest.stream().allMatch(word -> GROUPING_WORDS.contains(word) || courseWords.contains(word));
    }

    /** A heading naming a service, or using the catalogue's words, is about what the notes study. */
    private boolean aboutTheSubject(String title) {
        return !catalogue.mentionsIn(title).isEmpty() || catalogue.usesItsTerms(title);
    }

    private static String key(String title) {
        return title.toLowerCase(Locale.ROOT).strip();
    }
}
