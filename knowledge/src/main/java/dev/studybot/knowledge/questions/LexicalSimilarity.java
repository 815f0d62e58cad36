package dev.studybot.knowledge.questions;

import dev.studybot.knowledge.analysis.StudyAnalyzers;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Texts are alike by the share of their stemmed words they have in common (Jaccard). The words of each
 * text are kept once worked out: the same candidates are ranked for many questions.
 */
public final class LexicalSimilarity implements TermSimilarity {

    /** Texts whose words are remembered at most; more than a large notes folder has. */
    private static final int MAX_REMEMBERED = 200_000;

    private final Map<String, Set<String>> wordsByText = new ConcurrentHashMap<>();

    @Override
    public double[] scores(String anchor, List<String> candidates) {
        Set<String> words = words(anchor);
        return candidates.stream().mapToDouble(candidate -> jaccard(words, words(candidate))).toArray();
    }

    private Set<String> words(String text) {
        if (wordsByText.size() > MAX_REMEMBERED) {
            wordsByText.clear(); // a long-running bot reloads edited notes: old texts must not pile up
        }
        return wordsByText.computeIfAbsent(text, t -> new HashSet<>(StudyAnalyzers.terms(StudyAnalyzers.index(), t)));
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        long common = a.stream().filter(b::contains).count();
        return (double) common / (a.size() + b.size() - common);
    }
}
