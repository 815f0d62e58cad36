package dev.studybot.knowledge.questions;

import dev.studybot.knowledge.analysis.StudyAnalyzers;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/** Texts are alike by the share of their stemmed words they have in common (Jaccard), stop words left out. */
public final class LexicalSimilarity implements TermSimilarity {

    @Override
    public List<Integer> rank(String anchor, List<String> candidates) {
        Set<String> words = words(anchor);
        double[] scores = candidates.stream().mapToDouble(candidate -> jaccard(words, words(candidate))).toArray();
        return IntStream.range(0, candidates.size()).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -scores[i]))
                .toList();
    }

    private static Set<String> words(String text) {
        return new HashSet<>(StudyAnalyzers.terms(StudyAnalyzers.index(), text));
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        long common = a.stream().filter(b::contains).count();
        return (double) common / (a.size() + b.size() - common);
    }
}
