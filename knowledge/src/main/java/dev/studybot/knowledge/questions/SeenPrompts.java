package dev.studybot.knowledge.questions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The prompts kept so far, indexed by word, so a new prompt is compared only with the kept ones it
 * shares a word with (one sharing none cannot be a near-duplicate), not with every one of them.
 */
final class SeenPrompts {

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final double nearDuplicate;
    /** Distinct words of each kept prompt, by its index. */
    private final List<Integer> wordCounts = new ArrayList<>();
    private final Map<String, List<Integer>> promptsByWord = new HashMap<>();

    /** @param nearDuplicate the share of their words (of both together) two prompts asking the same thing have */
    SeenPrompts(double nearDuplicate) {
        this.nearDuplicate = nearDuplicate;
    }

    /** Whether the prompt nearly repeats a kept one; when it does not, it is kept. */
    boolean isNearDuplicate(String prompt) {
        Set<String> words = new HashSet<>(List.of(NON_WORD.split(prompt.toLowerCase(Locale.ROOT))));
        int[] commonWords = new int[wordCounts.size()];
        for (String word : words) {
            for (int kept : promptsByWord.getOrDefault(word, List.of())) {
                commonWords[kept]++;
            }
        }
        for (int kept = 0; kept < commonWords.length; kept++) {
            int common = commonWords[kept];
            int union = words.size() + wordCounts.get(kept) - common;
            if (common > 0 && (double) common / union >= nearDuplicate) {
                return true;
            }
        }
        int index = wordCounts.size();
        wordCounts.add(words.size());
        for (String word : words) {
            promptsByWord.computeIfAbsent(word, key -> new ArrayList<>()).add(index);
        }
        return false;
    }
}
