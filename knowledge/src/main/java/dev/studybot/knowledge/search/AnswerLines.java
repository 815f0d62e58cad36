package dev.studybot.knowledge.search;

import dev.studybot.knowledge.notes.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The line or two of a shown passage that answer the query best: those whose own embedding is closest to
 * the query's, each query word the line holds counting a little too (a small model can rank a line that
 * names the asked-for detail below a vaguer one). Lines were embedded with the passage, so this costs a
 * few dot products, not a model run.
 */
final class AnswerLines {

    /** A second line is marked too when it is about as close as the best one. */
    static final float SECOND_LINE_MARGIN = 0.02f;
    /** What each distinct query word in a line adds to its cosine similarity. */
    static final float PER_QUERY_WORD = 0.03f;

    private AnswerLines() {
    }

    /**
     * The best lines, in the passage's order; empty when the passage has no answerable line.
     *
     * @param queryWords for each of the passage's lines, how many distinct query words it holds
     */
    static List<Span> of(Meanings.Lines lines, int[] queryWords) {
        float[] cosines = lines.cosines().clone();
        for (int i = 0; i < cosines.length; i++) {
            cosines[i] += PER_QUERY_WORD * queryWords[i];
        }
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
        return marked.stream().map(i -> lines.units().get(i).span()).toList();
    }
}
