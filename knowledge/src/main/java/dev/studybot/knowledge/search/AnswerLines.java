package dev.studybot.knowledge.search;

import dev.studybot.knowledge.notes.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The line or two of a shown passage that answer the query best: those whose own embedding is closest to
 * the query's. Lines were embedded with the passage, so this costs a few dot products, not a model run.
 */
final class AnswerLines {

    /** A second line is marked too when it is about as close as the best one. */
    static final float SECOND_LINE_MARGIN = 0.02f;

    private AnswerLines() {
    }

    /** The best lines, in the passage's order; empty when the passage has no answerable line. */
    static List<Span> of(Meanings.Closeness closeness) {
        float[] cosines = closeness.lines();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < cosines.length; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -cosines[i]));
        List<Integer> marked = new ArrayList<>(order.subList(0, Math.min(1, order.size())));
        if (order.size() > 1 && cosines[order.get(1)] >= cosines[order.get(0)] - SECOND_LINE_MARGIN) {
            marked.add(order.get(1));
        }
        marked.sort(Comparator.naturalOrder());
        return marked.stream().map(i -> closeness.units().get(i).span()).toList();
    }
}
