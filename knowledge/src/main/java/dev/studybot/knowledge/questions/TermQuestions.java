package dev.studybot.knowledge.questions;

import dev.studybot.knowledge.notes.NoteTopic;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Which term is this?" from a definition bullet ("lowestPrice: from the pool with the lowest price").
 * Wrong choices are the terms defined beside it (the same list), then in the same topic, then in
 * neighbouring topics: terms of the same kind. A term must look like a name: several words all in
 * lower case are a phrase ("main usage"), not a term.
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

    private record Defined(String term, String definition, NoteTopic topic, NoteTopic.Statement statement) {
    }

    private TermQuestions() {
    }

    static List<Draft> from(List<NoteTopic> topics) {
        List<Defined> all = new ArrayList<>();
        for (NoteTopic topic : topics) {
            if (topic.headingPath().isEmpty()) {
                continue;
            }
            for (NoteTopic.Statement statement : topic.statements()) {
                definitionIn(topic, statement).ifPresent(all::add);
            }
        }
        List<Draft> drafts = new ArrayList<>();
        for (Defined defined : all) {
            List<String> distractors = distractors(defined, all);
            if (distractors.size() < 3) {
                continue;
            }
            String prompt = FactQuestions.contextOf(defined.topic(), defined.statement())
                    + ": which term is described as \"" + NoteText.trimEnd(defined.definition()) + "\"?";
            drafts.add(new Draft(KIND, defined.topic().headingPath(), prompt, defined.term(), distractors,
                    defined.topic().file(), defined.statement().line(), "",
                    List.of(defined.term())));
        }
        return drafts;
    }

    private static Optional<Defined> definitionIn(NoteTopic topic, NoteTopic.Statement statement) {
        if (statement.kind() != NoteTopic.Kind.BULLET && statement.kind() != NoteTopic.Kind.PARAGRAPH) {
            return Optional.empty();
        }
        String text = NoteText.plain(statement.text());
        Matcher m = DEFINITION.matcher(text);
        if (!m.matches() || text.contains("://")) {
            return Optional.empty();
        }
        String term = m.group("term").strip();
        String lower = term.toLowerCase(Locale.ROOT);
        String firstWord = lower.split("\\s+")[0];
        if (term.split("\\s+").length > MAX_TERM_WORDS || NOT_TERMS.contains(lower) || lower.startsWith("eg ")
                || NOT_TERM_STARTS.contains(firstWord) || term.endsWith(".") || term.contains("(")
                || NOT_TERM_ENDS.contains(lower.substring(lower.lastIndexOf(' ') + 1))
                || term.contains(" ") && term.equals(lower) || PLACEHOLDER.matcher(lower).matches()
                || m.group("definition").strip().split("\\s+").length < MIN_DEFINITION_WORDS
                || lower.startsWith("e.g") || !Quantity.findAll(term).isEmpty() || unbalanced(term)) {
            return Optional.empty();
        }
        return Optional.of(new Defined(term, m.group("definition").strip(), topic, statement));
    }

    private static boolean unbalanced(String term) {
        return term.chars().filter(c -> c == '(').count() != term.chars().filter(c -> c == ')').count();
    }

    /** Terms defined in the same list, then the same topic, then topics beside it, then the same file. */
    private static List<String> distractors(Defined answer, List<Defined> all) {
        Set<String> chosen = new LinkedHashSet<>();
        List<String> parentPath = parentPath(answer.topic());
        List<List<Defined>> tiers = new ArrayList<>();
        tiers.add(all.stream().filter(d -> d.topic() == answer.topic()
                && Objects.equals(d.statement().parent(), answer.statement().parent())).toList());
        tiers.add(all.stream().filter(d -> d.topic() == answer.topic()).toList());
        if (!parentPath.isEmpty()) {
            // Topics under the same heading are alike; with no heading above, "beside" is the whole file.
            tiers.add(all.stream().filter(d -> d.topic().file().equals(answer.topic().file())
                    && parentPath(d.topic()).equals(parentPath)).toList());
        }
        for (List<Defined> tier : tiers) {
            for (Defined other : tier) {
                if (chosen.size() == 3) {
                    return List.copyOf(chosen);
                }
                if (distinctTerms(other.term(), answer.term()) && chosen.stream().allMatch(c -> distinctTerms(c, other.term()))) {
                    chosen.add(other.term());
                }
            }
        }
        return List.copyOf(chosen);
    }

    private static boolean distinctTerms(String a, String b) {
        String x = a.toLowerCase(Locale.ROOT);
        String y = b.toLowerCase(Locale.ROOT);
        return !x.contains(y) && !y.contains(x);
    }

    static List<String> parentPath(NoteTopic topic) {
        List<String> path = topic.headingPath();
        return path.isEmpty() ? path : path.subList(0, path.size() - 1);
    }
}
