package dev.studybot.knowledge.questions;

import dev.studybot.knowledge.analysis.StudyAnalyzers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The same fact asked once, and not at all where the notes disagree on it: two blanks on the same
 * service, of the same dimension (time, size, ...), whose sentences share most of their words, state one
 * fact; with equal values (after converting units) the later one is a repeat, with different values the
 * notes contradict themselves and neither is asked. Facts are compared only within their service and
 * dimension, and equal sentences at once by key, so the check stays close to linear.
 *
 * <p>Other files say the same thing in other words and under other headings ("Uses the GENEVE protocol on
 * port ___" under "Elastic Load Balancer", "Use geneve protocol on port ___" under "Compute and Load
 * Balancing"): the same value, for a service both contexts name, in sentences sharing the words that tell
 * what is measured (the service's own name and words such as "max" or "per" left out), is a repeat too.
 */
final class FactConsistency {

    static final String REPEAT = "the same fact is asked by another question";
    static final String CONFLICT = "the notes state this fact with different values";
    /** Two sentences sharing this share of their words state the same fact. */
    private static final double SAME_FACT = 0.6;
    private static final Map<String, Double> TO_BASE = Map.ofEntries(
            Map.entry("millisecond", 0.001), Map.entry("second", 1.0), Map.entry("minute", 60.0),
            Map.entry("hour", 3600.0), Map.entry("day", 86_400.0), Map.entry("week", 604_800.0),
            Map.entry("month", 2_592_000.0), Map.entry("year", 31_536_000.0),
            Map.entry("b", 1.0), Map.entry("kb", 1e3), Map.entry("mb", 1e6), Map.entry("gb", 1e9),
            Map.entry("tb", 1e12), Map.entry("pb", 1e15));
    private static final Set<String> TIME = Set.of("millisecond", "second", "minute", "hour", "day", "week", "month", "year");

    /** Words that say a number is a limit, not what it limits: two limits sharing only these are two facts. */
    private static final Set<String> LIMIT_WORDS = Set.of("max", "maximum", "min", "minimum", "limit", "default", "up",
            "upto", "per", "each", "only", "least", "most", "total", "port", "can", "be", "is", "are", "of", "to");
    /** Sentences this short share one telling word when they say the same ("___ TTL by default", "___ TTL in cache"). */
    private static final int FEW_WORDS = 2;
    private static final String CONTEXT_START = "Fill in the blank (";

    private record Fact(Set<String> words, double value, Draft draft) {
    }

    /** A fact as compared across files: the services its context names and the telling words of its sentence. */
    private record Told(Set<Service> services, Set<String> words, Draft draft) {
    }

    /** For each fact draft that must not be asked, why; drafts of other kinds pass untouched. */
    static Map<Draft, String> check(List<Draft> drafts, ServiceCatalogue catalogue) {
        Map<Draft, String> verdicts = check(drafts);
        Map<String, List<Told>> byValue = new HashMap<>();
        for (Draft draft : drafts) {
            if (!draft.kind().equals(FactQuestions.KIND) || verdicts.containsKey(draft)) {
                continue;
            }
            Quantity answer = Quantity.findAll(draft.correct()).get(0);
            Told told = told(draft, catalogue);
            if (told.services().isEmpty()) {
                continue;
            }
            List<Told> seen = byValue.computeIfAbsent(dimension(answer.unit()) + "\u0000" + base(answer), key -> new ArrayList<>());
            if (seen.stream().anyMatch(other -> sameFact(other, told))) {
                verdicts.put(draft, REPEAT);
            } else {
                seen.add(told);
            }
        }
        return verdicts;
    }

    private static Told told(Draft draft, ServiceCatalogue catalogue) {
        String prompt = draft.prompt();
        int end = prompt.indexOf("): ");
        String context = prompt.startsWith(CONTEXT_START) && end > 0 ? prompt.substring(CONTEXT_START.length(), end) : "";
        Set<Service> services = new HashSet<>();
        Set<String> serviceWords = new HashSet<>();
        for (ServiceCatalogue.Mention mention : catalogue.mentionsIn(context)) {
            services.add(mention.service());
            mention.service().names().forEach(name -> serviceWords.addAll(StudyAnalyzers.terms(StudyAnalyzers.index(), name)));
        }
        Set<String> telling = new TreeSet<>(words(draft));
        telling.removeIf(word -> serviceWords.contains(word) || LIMIT_WORDS.contains(word) || StudyAnalyzers.isQueryStopWord(word));
        return new Told(services, telling, draft);
    }

    /** Same service, and two telling words in common, or one where a sentence has only a few. */
    private static boolean sameFact(Told a, Told b) {
        if (a.services().stream().noneMatch(b.services()::contains)) {
            return false;
        }
        long common = a.words().stream().filter(b.words()::contains).count();
        return common >= 2 || common == 1 && Math.min(a.words().size(), b.words().size()) <= FEW_WORDS;
    }

    private static Map<Draft, String> check(List<Draft> drafts) {
        Map<String, List<Fact>> byBlock = new HashMap<>();
        Map<Draft, String> verdicts = new LinkedHashMap<>();
        for (Draft draft : drafts) {
            if (!draft.kind().equals(FactQuestions.KIND)) {
                continue;
            }
            Quantity answer = Quantity.findAll(draft.correct()).get(0);
            String block = draft.topic().get(0) + "\u0000" + dimension(answer.unit());
            Fact fact = new Fact(words(draft), base(answer), draft);
            List<Fact> seen = byBlock.computeIfAbsent(block, key -> new ArrayList<>());
            Fact same = seen.stream().filter(other -> jaccard(other.words(), fact.words()) >= SAME_FACT).findFirst().orElse(null);
            if (same == null) {
                seen.add(fact);
            } else if (Math.abs(same.value() - fact.value()) <= 1e-9 * Math.max(1, Math.abs(same.value()))) {
                verdicts.putIfAbsent(draft, REPEAT);
            } else {
                verdicts.put(draft, CONFLICT);
                verdicts.put(same.draft(), CONFLICT);
            }
        }
        return verdicts;
    }

    private static String dimension(String unit) {
        if (TIME.contains(unit)) {
            return "time";
        }
        return TO_BASE.containsKey(unit) ? "size" : unit;
    }

    private static double base(Quantity quantity) {
        return quantity.value().multiply(BigDecimal.valueOf(TO_BASE.getOrDefault(quantity.unit(), 1.0))).doubleValue();
    }

    /** The stemmed words of the sentence asked, numbers left out. */
    private static Set<String> words(Draft draft) {
        String asked = draft.prompt().substring(draft.prompt().indexOf("): ") + 3);
        Set<String> words = new TreeSet<>(StudyAnalyzers.terms(StudyAnalyzers.index(), asked));
        words.removeIf(word -> word.chars().anyMatch(Character::isDigit));
        return words;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        long common = a.stream().filter(b::contains).count();
        long union = a.size() + b.size() - common;
        return union == 0 ? 1 : (double) common / union;
    }
}
