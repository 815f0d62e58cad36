package dev.studybot.knowledge.eval;

import java.util.List;
import java.util.Locale;

/**
 * Search quality over an evaluation set.
 *
 * @param hitAt1 share of queries whose first result answers them
 * @param hitAt3 share of queries answered by one of the first three results
 * @param hitAtK share of queries answered by any shown result
 * @param mrr    mean reciprocal rank of the first answering result (0 when none)
 * @param misses queries not answered by their first result, with what was shown instead
 */
public record EvalReport(double hitAt1, double hitAt3, double hitAtK, double mrr, int queries, List<Miss> misses) {

    /** A query whose first result did not answer it; {@code rank} is the answering rank, 0 for none. */
    public record Miss(EvalQuery query, int rank, List<String> shown) {
    }

    public EvalReport {
        misses = List.copyOf(misses);
    }

    /** The summary line, e.g. {@code hit@1=0.750 hit@3=0.850 hit@5=0.900 mrr=0.812 queries=60}. */
    public String summary(int limit) {
        return String.format(Locale.ROOT, "hit@1=%.3f hit@3=%.3f hit@%d=%.3f mrr=%.3f queries=%d", hitAt1, hitAt3,
                limit, hitAtK, mrr, queries);
    }
}
