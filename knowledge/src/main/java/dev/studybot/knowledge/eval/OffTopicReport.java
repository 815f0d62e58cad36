package dev.studybot.knowledge.eval;

import java.util.List;
import java.util.Locale;

/**
 * How a set of queries about things the notes never mention went: each should be answered "nothing in
 * the notes".
 *
 * @param found the queries that were answered with results anyway, with the first one shown
 */
public record OffTopicReport(int queries, List<Found> found) {

    public record Found(EvalQuery query, String shown) {
    }

    public OffTopicReport {
        found = List.copyOf(found);
    }

    public double nothingShare() {
        return queries == 0 ? 1 : (double) (queries - found.size()) / queries;
    }

    /** The summary line, e.g. {@code nothing=24/28 (0.857)}. */
    public String summary() {
        return String.format(Locale.ROOT, "nothing=%d/%d (%.3f)", queries - found.size(), queries, nothingShare());
    }
}
