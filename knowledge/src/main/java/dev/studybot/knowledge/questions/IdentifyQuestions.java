package dev.studybot.knowledge.questions;

import dev.studybot.knowledge.notes.NoteTopic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * "Which topic do these notes describe?": a few bullets from under a heading that never name it;
 * the wrong choices are the headings beside it (same parent, same file), so of the same kind.
 */
final class IdentifyQuestions {

    static final String KIND = "identify";

    private static final int MIN_CLUE_WORDS = 4;
    /** A shorter bullet with bullets under it is a lead-in ("Other considerations"), not a clue. */
    private static final int MIN_STANDALONE = 40;
    private static final Pattern DANGLING = QualityGates.DANGLING;
    private static final int MAX_CLUE = 150;
    private static final int MAX_CLUES = 3;
    private static final int MAX_CLUES_CHARS = 240;
    private static final int MAX_TITLE = 40;
    private static final Set<String> GENERIC_TITLES = Set.of("notes", "misc", "overview", "introduction", "intro",
            "table of contents", "contents", "summary", "limits", "limitations", "options", "use cases", "examples",
            "other", "others", "general", "stuff", "tips", "faq", "features", "pricing", "terms", "basics", "concepts",
            "monitoring", "security", "function", "functions", "resources", "links", "references", "todo", "extra");

    private IdentifyQuestions() {
    }

    /**
     * @param revealing for a topic, whether a text names it (its title's words, stems or synonyms)
     */
    static List<Draft> from(List<NoteTopic> topics, Function<NoteTopic, Predicate<String>> revealing) {
        Map<String, List<NoteTopic>> siblings = new LinkedHashMap<>();
        for (NoteTopic topic : topics) {
            if (isAskable(topic)) {
                siblings.computeIfAbsent(topic.file() + "\u0000" + TermQuestions.parentPath(topic), key -> new ArrayList<>())
                        .add(topic);
            }
        }
        List<Draft> drafts = new ArrayList<>();
        for (List<NoteTopic> group : siblings.values()) {
            for (NoteTopic topic : group) {
                String title = title(topic);
                List<String> distractors = group.stream().map(IdentifyQuestions::title)
                        .filter(other -> !sameName(other, title))
                        .distinct()
                        // A hash per title, not per comparison: sorting big sibling groups hashed them over and over.
                        .map(other -> Map.entry(Question.idOf(KIND, title, 0, other, ""), other))
                        .sorted(Map.Entry.comparingByKey())
                        .limit(3)
                        .map(Map.Entry::getValue)
                        .toList();
                if (distractors.size() < 3) {
                    continue;
                }
                Predicate<String> reveals = revealing.apply(topic);
                List<NoteTopic.Statement> clues = clues(topic, reveals);
                if (clues.size() < 2) {
                    continue;
                }
                StringBuilder prompt = new StringBuilder("Which topic do these notes describe?");
                clues.forEach(clue -> prompt.append("\n- ").append(NoteText.trimEnd(NoteText.plain(clue.text()))));
                drafts.add(new Draft(KIND, topic.headingPath(), prompt.toString(), title, distractors, topic.file(),
                        clues.get(0).line(), "", List.of(title)));
            }
        }
        return drafts;
    }

    private static boolean isAskable(NoteTopic topic) {
        if (topic.headingPath().isEmpty()) {
            return false;
        }
        String title = title(topic);
        return title.length() <= MAX_TITLE && title.split("\\s+").length <= 5
                && !GENERIC_TITLES.contains(title.toLowerCase(Locale.ROOT)) && Quantity.findAll(title).isEmpty();
    }

    private static String title(NoteTopic topic) {
        return topic.headingPath().get(topic.headingPath().size() - 1);
    }

    private static boolean sameName(String a, String b) {
        return a.equalsIgnoreCase(b);
    }

    /** Top-level bullets that describe the topic without naming it, in the order written. */
    private static List<NoteTopic.Statement> clues(NoteTopic topic, Predicate<String> reveals) {
        List<NoteTopic.Statement> clues = new ArrayList<>();
        int chars = 0;
        List<NoteTopic.Statement> statements = topic.statements();
        for (int i = 0; i < statements.size(); i++) {
            NoteTopic.Statement statement = statements.get(i);
            String text = NoteText.plain(statement.text());
            boolean prose = statement.kind() == NoteTopic.Kind.BULLET || statement.kind() == NoteTopic.Kind.PARAGRAPH;
            boolean leadIn = text.endsWith(":") || i + 1 < statements.size()
                    && statements.get(i + 1).depth() > statement.depth() && text.length() < MIN_STANDALONE;
            if (!prose || leadIn || statement.depth() > 1 || text.length() > MAX_CLUE
                    || text.split("\\s+").length < MIN_CLUE_WORDS || DANGLING.matcher(text).matches()
                    || text.contains("://") || reveals.test(text) || chars + text.length() > MAX_CLUES_CHARS) {
                continue;
            }
            clues.add(statement);
            chars += text.length();
            if (clues.size() == MAX_CLUES) {
                break;
            }
        }
        return clues;
    }
}
