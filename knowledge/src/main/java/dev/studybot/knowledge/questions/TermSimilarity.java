package dev.studybot.knowledge.questions;

import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.IntStream;

/**
 * How alike in meaning two short texts are (a term and its description, say), for choosing the wrong
 * choices nearest the right one. The lexical implementation compares words; an embedding model can take
 * its place without the generators knowing.
 */
public interface TermSimilarity {

    /** How alike each of {@code candidates} is to {@code anchor}, higher is more alike, on this similarity's own scale. */
    double[] scores(String anchor, List<String> candidates);

    /** The indexes of {@code candidates}, most alike to {@code anchor} first; ties keep their order. */
    default List<Integer> rank(String anchor, List<String> candidates) {
        double[] scores = scores(anchor, candidates);
        return IntStream.range(0, candidates.size()).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -scores[i]))
                .toList();
    }

    /**
     * How far below one text's score another's may be and still fit the anchor about as well, so that a student
     * could defend either; empty where the scores do not measure meaning (words in common are no such evidence).
     */
    default OptionalDouble confusableWithin() {
        return OptionalDouble.empty();
    }
}
