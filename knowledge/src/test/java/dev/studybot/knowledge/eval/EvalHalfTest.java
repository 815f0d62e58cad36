package dev.studybot.knowledge.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EvalHalfTest {

    private static List<EvalQuery> queries(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(n -> new EvalQuery("q" + n, "query " + n, List.of("answer " + n))).toList();
    }

    private static List<String> ids(List<EvalQuery> queries) {
        return queries.stream().map(EvalQuery::id).toList();
    }

    @Test
    void theHalvesAlternateByPositionAndTogetherAreTheWholeSet() {
        List<EvalQuery> set = queries(5);

        assertEquals(List.of("q1", "q3", "q5"), ids(EvalHalf.TUNE.of(set)));
        assertEquals(List.of("q2", "q4"), ids(EvalHalf.HOLDOUT.of(set)));
    }

    @Test
    void aSetOfOneQueryHasNoHoldoutHalf() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> EvalHalf.HOLDOUT.of(queries(1)));
        assertEquals("A set of one query has no holdout half.", error.getMessage());
        assertEquals(List.of("q1"), ids(EvalHalf.TUNE.of(queries(1))));
    }
}
