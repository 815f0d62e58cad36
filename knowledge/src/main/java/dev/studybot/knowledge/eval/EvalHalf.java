package dev.studybot.knowledge.eval;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * A fixed split of a query set into two halves by position: the first, third, fifth ... query are the tune
 * half, the others the holdout half. Choices are made on the tune half and checked on the holdout, so that a
 * change fitted to some queries shows up as a gap between the two.
 */
public enum EvalHalf {
    TUNE(0),
    HOLDOUT(1);

    private final int parity;

    EvalHalf(int parity) {
        this.parity = parity;
    }

    public List<EvalQuery> of(List<EvalQuery> set) {
        List<EvalQuery> half = IntStream.range(0, set.size()).filter(i -> i % 2 == parity).mapToObj(set::get).toList();
        if (half.isEmpty()) {
            throw new IllegalArgumentException("A set of one query has no " + name().toLowerCase(Locale.ROOT) + " half.");
        }
        return half;
    }
}
