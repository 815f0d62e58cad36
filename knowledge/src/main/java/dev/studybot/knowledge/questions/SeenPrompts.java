package dev.studybot.knowledge.questions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The prompts kept so far, blocked by prefix filtering: each kept prompt is indexed only under its rarest
 * few words, as many as a prompt sharing the near-duplicate share of its words must have in common with
 * it, so a new prompt is compared only with the few kept ones sharing one of its own rarest words, not
 * with every kept prompt that says "which" or "the". Exact repeats are found at once.
 */
final class SeenPrompts {

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final double nearDuplicate;
    private final Comparator<String> rarestFirst;
    private final List<Set<String>> kept = new ArrayList<>();
    private final Set<Set<String>> exact = new HashSet<>();
    private final Map<String, List<Integer>> keptByPrefixWord = new HashMap<>();

    /** @param nearDuplicate the share of their words (of both together) two prompts asking the same thing have */
    SeenPrompts(double nearDuplicate) {
        this(nearDuplicate, Map.of());
    }

    /** @param frequency how many prompts use each word, so the rarest words do the blocking; any order is correct */
    SeenPrompts(double nearDuplicate, Map<String, Integer> frequency) {
        this.nearDuplicate = nearDuplicate;
        this.rarestFirst = Comparator.comparingInt((String word) -> frequency.getOrDefault(word, 0))
                .thenComparing(Comparator.naturalOrder());
    }

    /** The distinct words of a prompt, as compared. */
    static Set<String> words(String prompt) {
        Set<String> words = new LinkedHashSet<>(List.of(NON_WORD.split(prompt.toLowerCase(Locale.ROOT))));
        words.remove("");
        return words;
    }

    /** Whether the prompt nearly repeats a kept one; when it does not, it is kept. */
    boolean isNearDuplicate(String prompt) {
        Set<String> words = words(prompt);
        if (words.isEmpty()) {
            return false;
        }
        if (exact.contains(words)) {
            return true;
        }
        List<String> prefix = prefix(words);
        Set<Integer> candidates = new HashSet<>();
        for (String word : prefix) {
            candidates.addAll(keptByPrefixWord.getOrDefault(word, List.of()));
        }
        for (int candidate : candidates) {
            if (jaccard(words, kept.get(candidate)) >= nearDuplicate) {
                return true;
            }
        }
        int index = kept.size();
        kept.add(words);
        exact.add(words);
        prefix.forEach(word -> keptByPrefixWord.computeIfAbsent(word, key -> new ArrayList<>()).add(index));
        return false;
    }

    /** The rarest words, as many as two prompts this near must share at least one of (AllPairs prefix filtering). */
    private List<String> prefix(Set<String> words) {
        int mustShare = (int) Math.ceil(nearDuplicate * words.size() - 1e-9);
        return words.stream().sorted(rarestFirst).limit(words.size() - mustShare + 1L).toList();
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        long common = a.stream().filter(b::contains).count();
        return (double) common / (a.size() + b.size() - common);
    }
}
