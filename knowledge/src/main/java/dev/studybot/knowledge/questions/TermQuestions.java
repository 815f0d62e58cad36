package dev.studybot.knowledge.questions;

import dev.studybot.knowledge.notes.NoteTopic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Which term is this?" from a definition bullet ("lowestPrice: from the pool with the lowest price").
 * The wrong choices are the terms defined in the same list, the only ones sure to be of the same kind
 * (sibling strategies, sibling API calls), nearest in meaning first. A term must look like a name: a
 * phrase of everyday words written in lower case ("output", "main usage") is not one.
 */
final class TermQuestions {

    static final String KIND = "term";

    private static final Pattern DEFINITION = Pattern.compile(
            "^(?<term>[\\p{L}][\\p{L}\\p{N} ./&()+'-]{1,38}?)\\s*(?::|=|—|–|->|\\s-\\s)\\s*(?<definition>\\S.{11,199})$");
    private static final Set<String> NOT_TERMS = Set.of("eg", "e.g", "ex", "example", "examples", "note", "notes",
            "use case", "use cases", "usecase", "why", "how", "what", "when", "pros", "cons", "tip", "tips", "usage",
            "option", "options", "type", "types", "step", "steps", "important", "remember", "solution", "problem",
            "issue", "result", "reason", "cost", "price", "pricing", "limit", "limits", "default", "features", "misc",
            "other", "others", "info", "benefit", "benefits", "advantage", "disadvantage", "good for", "best for",
            "used for", "ie", "i.e", "aka", "means", "also", "goal", "idea", "summary", "question", "answer", "todo",
            "aws", "amazon");
    private static final int MAX_TERM_WORDS = 4;
    /** "option1", "step 2": a numbered placeholder, not a name. */
    private static final Pattern PLACEHOLDER = Pattern.compile("[a-z]+ ?\\d+");
    private static final int MIN_DEFINITION_WORDS = 3;
    /** A definition that is a chain of arrows or starts with one was cut from a flow ("Producers send=> SQS => ..."). */
    private static final Pattern FLOW = Pattern.compile("=>|->|→|^[>\\-=]");
    private static final Pattern LETTER_WORD = Pattern.compile("\\p{L}{2,}");
    /** Words that end a description of a list ("main usage", "supported types include"), not a name. */
    private static final Set<String> NOT_TERM_ENDS = Set.of("includes", "include", "usage", "usages", "step", "steps",
            "managed", "example", "examples", "type", "types", "case", "cases", "option", "options", "way", "ways",
            "reason", "reasons", "thing", "things", "stuff", "note", "notes", "point", "points");
    /** Words that start a phrase or a sentence, not a name. */
    private static final Set<String> NOT_TERM_STARTS = Set.of("uses", "use", "used", "using", "one", "this", "that",
            "it", "there", "they", "we", "you", "if", "when", "then", "also", "can", "will", "should", "must", "need",
            "needs", "for", "to", "in", "on", "with", "by", "and", "or", "but", "not", "no", "so", "the", "a", "an",
            "is", "are", "has", "have", "do", "does", "make", "get", "see", "go", "within", "without", "under", "over",
            "from", "via", "at", "as", "define", "defines", "all", "any", "each", "every", "some", "more", "less");

    record Defined(String term, String definition, Topic topic, NoteTopic.Statement statement) {
    }

    private final TermSimilarity similarity;
    private final EverydayWords everyday;
    private final ServiceCatalogue catalogue;

    TermQuestions(TermSimilarity similarity, EverydayWords everyday, ServiceCatalogue catalogue) {
        this.catalogue = catalogue;
        this.similarity = similarity;
        this.everyday = everyday;
    }

    /** The definitions of one list (the statements sharing a parent), before the everyday words are told apart. */
    record Plan(List<Defined> definitions) {
    }

    /** The plans of these topics, in order; they depend on these topics alone, not on the other notes' words. */
    List<Plan> plans(List<Topic> topics) {
        List<Plan> plans = new ArrayList<>();
        for (Topic topic : topics) {
            // One list is the statements sharing a parent: an index, so no term scans the whole notes for its siblings.
            Map<String, List<Defined>> lists = new LinkedHashMap<>();
            for (NoteTopic.Statement statement : topic.statements()) {
                definitionIn(topic, statement).ifPresent(defined -> lists.computeIfAbsent(
                        statement.depth() + "\u0000" + Objects.toString(statement.parent(), ""), key -> new ArrayList<>())
                        .add(defined));
            }
            lists.values().forEach(list -> plans.add(new Plan(List.copyOf(list))));
        }
        return plans;
    }

    /** The questions of a list whose terms look like names: a phrase of everyday words in lower case is not one. */
    List<Draft> drafts(Plan plan) {
        List<Defined> list = plan.definitions().stream()
                .filter(defined -> !(defined.term().equals(defined.term().toLowerCase(Locale.ROOT))
                        && everyday.everyday(defined.term())))
                .toList();
        List<Draft> drafts = new ArrayList<>();
        for (Defined defined : list) {
            draft(defined, list).ifPresent(drafts::add);
        }
        return drafts;
    }

    private Optional<Draft> draft(Defined answer, List<Defined> list) {
        List<Defined> others = list.stream().filter(other -> distinctTerms(other.term(), answer.term())).toList();
        if (others.stream().anyMatch(other -> sameDefinition(other, answer))) {
            return Optional.empty(); // a sibling described the same way would be a second right answer
        }
        List<String> chosen = new ArrayList<>();
        for (int index : similarity.rank(answer.definition(), others.stream().map(Defined::definition).toList())) {
            String term = others.get(index).term();
            if (chosen.size() < 3 && chosen.stream().allMatch(c -> distinctTerms(c, term))) {
                chosen.add(term);
            }
        }
        if (chosen.size() < 3) {
            return Optional.empty();
        }
        String context = FactQuestions.contextOf(answer.topic(), answer.statement(), catalogue);
        if (context == null || Giveaways.acronymOf(answer.term(), answer.definition())) {
            return Optional.empty();
        }
        String prompt = context + ": which term is described as \"" + NoteText.trimEnd(answer.definition()) + "\"?";
        return Optional.of(new Draft(KIND, answer.topic().path(), prompt, answer.term(), chosen,
                answer.topic().file(), answer.statement().line(), "", List.of(answer.term()), List.of()));
    }

    private Optional<Defined> definitionIn(Topic topic, NoteTopic.Statement statement) {
        if (statement.kind() != NoteTopic.Kind.BULLET && statement.kind() != NoteTopic.Kind.PARAGRAPH) {
            return Optional.empty();
        }
        String text = NoteText.plain(statement.text());
        Matcher m = DEFINITION.matcher(text);
        if (!m.matches() || text.contains("://")) {
            return Optional.empty();
        }
        String term = m.group("term").strip();
        String definition = m.group("definition").strip();
        String lower = term.toLowerCase(Locale.ROOT);
        String firstWord = lower.split("\\s+")[0];
        if (term.split("\\s+").length > MAX_TERM_WORDS || NOT_TERMS.contains(lower) || lower.startsWith("eg ")
                || NOT_TERM_STARTS.contains(firstWord) || term.endsWith(".") || term.contains("(")
                || NOT_TERM_ENDS.contains(lower.substring(lower.lastIndexOf(' ') + 1))
                || term.contains(" ") && term.equals(lower)
                || PLACEHOLDER.matcher(lower).matches() || letterWords(definition) < MIN_DEFINITION_WORDS
                || FLOW.matcher(definition).find() || text.substring(0, m.start("definition")).contains(">")
                || lower.startsWith("e.g") || !Quantity.findAll(term).isEmpty() || unbalanced(term)) {
            return Optional.empty();
        }
        return Optional.of(new Defined(term, definition, topic, statement));
    }

    private static long letterWords(String text) {
        return LETTER_WORD.matcher(text).results().count();
    }

    private static boolean sameDefinition(Defined a, Defined b) {
        return NoteText.plain(a.definition()).equalsIgnoreCase(NoteText.plain(b.definition()));
    }

    private static boolean unbalanced(String term) {
        return term.chars().filter(c -> c == '(').count() != term.chars().filter(c -> c == ')').count();
    }

    private static boolean distinctTerms(String a, String b) {
        String x = a.toLowerCase(Locale.ROOT);
        String y = b.toLowerCase(Locale.ROOT);
        return !x.contains(y) && !y.contains(x);
    }
}
