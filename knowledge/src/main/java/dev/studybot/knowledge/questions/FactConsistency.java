package dev.studybot.knowledge.questions;

import dev.studybot.knowledge.analysis.StudyAnalyzers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
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

    private record Fact(Set<String> words, double value, Draft draft) {
    }

    /** For each fact draft that must not be asked, why; drafts of other kinds pass untouched. */
    static Map<Draft, String> check(List<Draft> drafts) {
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
