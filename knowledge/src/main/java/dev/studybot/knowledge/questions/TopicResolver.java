package dev.studybot.knowledge.questions;

import dev.studybot.knowledge.notes.NoteTopic;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns the notes' headings into topics questions can name: cleaned and normalised headings, no stray
 * covering heading, no labels of everyday words above the title, and the service each is about, from the path
 * or, when the headings are generic ("Shards", "Objects"), from the service its text names most.
 */
final class TopicResolver {

    /** A parenthesis with no Latin letter in it ("(略)", "(1)") is a note-taker's mark, not part of a name. */
    private static final Pattern MARK = Pattern.compile("\\s*\\([^A-Za-z)]*\\)");
    private static final Pattern TODO = Pattern.compile("(?i)\\s*-?\\s*\\bTODO\\b.*$");
    /** Times the text must name a service, and twice as often as any other, for a generic heading to be about it. */
    private static final int MIN_MENTIONS = 2;

    private final ServiceCatalogue catalogue;
    private final EverydayWords everyday;

    TopicResolver(ServiceCatalogue catalogue, EverydayWords everyday) {
        this.catalogue = catalogue;
        this.everyday = everyday;
    }

    List<Topic> resolve(List<NoteTopic> notes) {
        List<NoteTopic> originals = new ArrayList<>();
        List<NoteTopic> cleaned = new ArrayList<>();
        for (NoteTopic note : notes) {
            List<String> path = note.headingPath().stream().map(TopicResolver::clean).filter(h -> !h.isEmpty()).toList();
            if (!path.isEmpty()) {
                originals.add(note);
                cleaned.add(new NoteTopic(note.file(), path, note.statements()));
            }
        }
        cleaned = withoutStrayHeadings(cleaned);
        HeadingSpelling spelling = new HeadingSpelling(texts(cleaned),
                catalogue.services().stream().flatMap(service -> service.names().stream()).toList());
        List<NoteTopic> spelt = cleaned.stream().map(note -> new NoteTopic(note.file(),
                note.headingPath().stream().map(spelling::normalise).toList(), note.statements())).toList();
        GroupingLabels labels = new GroupingLabels(catalogue, everyday, spelt);
        List<Topic> topics = new ArrayList<>();
        for (int i = 0; i < spelt.size(); i++) {
            topics.add(topic(originals.get(i), spelt.get(i).headingPath(), labels));
        }
        return topics;
    }

    /** @param full the note's heading path, cleaned; {@code note} keeps the path as written */
    private Topic topic(NoteTopic note, List<String> full, GroupingLabels labels) {
        List<String> path = new ArrayList<>();
        for (int depth = 1; depth < full.size(); depth++) {
            if (!labels.isNoise(full.subList(0, depth))) {
                path.add(full.get(depth - 1));
            }
        }
        path.add(full.get(full.size() - 1));
        Service service = null;
        for (int i = path.size() - 1; i >= 0 && service == null; i--) {
            List<ServiceCatalogue.Mention> mentions = catalogue.mentionsIn(path.get(i));
            service = mentions.isEmpty() ? null : mentions.get(0).service();
        }
        if (service == null) {
            service = mostNamed(note);
            if (service != null) {
                path.add(0, service.name());
            }
        }
        return new Topic(note, path, service, labels.isLabel(full));
    }

    /** The service the text names most, at least twice and twice as often as any other (not a grab-bag), or null. */
    private Service mostNamed(NoteTopic note) {
        Map<Service, Integer> counts = new LinkedHashMap<>();
        for (NoteTopic.Statement statement : note.statements()) {
            catalogue.mentionsIn(statement.text()).forEach(mention -> counts.merge(mention.service(), 1, Integer::sum));
        }
        List<Map.Entry<Service, Integer>> ranked = counts.entrySet().stream()
                .sorted(Map.Entry.<Service, Integer>comparingByValue(Comparator.reverseOrder())).toList();
        if (ranked.isEmpty() || ranked.get(0).getValue() < MIN_MENTIONS
                || ranked.size() > 1 && ranked.get(1).getValue() * 2 > ranked.get(0).getValue()) {
            return null;
        }
        return ranked.get(0).getKey();
    }

    /** The same notes in the same order, each file's stray covering heading left out of the paths below it. */
    private List<NoteTopic> withoutStrayHeadings(List<NoteTopic> notes) {
        Map<String, List<Integer>> byFile = new LinkedHashMap<>();
        for (int i = 0; i < notes.size(); i++) {
            byFile.computeIfAbsent(notes.get(i).file(), file -> new ArrayList<>()).add(i);
        }
        StrayHeadings stray = new StrayHeadings(catalogue);
        NoteTopic[] kept = new NoteTopic[notes.size()];
        for (List<Integer> ofFile : byFile.values()) {
            List<List<String>> stripped = stray.strip(ofFile.stream().map(i -> notes.get(i).headingPath()).toList());
            for (int j = 0; j < ofFile.size(); j++) {
                NoteTopic note = notes.get(ofFile.get(j));
                kept[ofFile.get(j)] = new NoteTopic(note.file(), stripped.get(j), note.statements());
            }
        }
        return List.of(kept);
    }

    private static List<String> texts(List<NoteTopic> notes) {
        List<String> texts = new ArrayList<>();
        for (NoteTopic note : notes) {
            texts.addAll(note.headingPath());
            note.statements().forEach(statement -> texts.add(statement.text()));
        }
        return texts;
    }

    private static String clean(String heading) {
        return NoteText.label(TODO.matcher(MARK.matcher(NoteText.plain(heading)).replaceAll("")).replaceAll(""));
    }
}
