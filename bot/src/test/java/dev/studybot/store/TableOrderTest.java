package dev.studybot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TableOrderTest {

    @Test
    void everyTableComesAfterWhatItRefersToAndTiesGoByName() {
        Map<String, Set<String>> references = Map.of(
                "answers", Set.of("posted", "members"),
                "posted", Set.of("channels", "members"),
                "channels", Set.of("study_groups"),
                "members", Set.of(),
                "study_groups", Set.of(),
                "score_totals", Set.of("members", "qrtz_not_copied"));
        assertEquals(List.of("members", "score_totals", "study_groups", "channels", "posted", "answers"),
                TableOrder.of(references));
    }

    @Test
    void aCircleIsRefusedRatherThanFilledHalfway() {
        IllegalArgumentException circle = assertThrows(IllegalArgumentException.class,
                () -> TableOrder.of(Map.of("a", Set.of("b"), "b", Set.of("a"), "c", Set.of())));
        assertEquals("These tables refer to each other in a circle: [a, b]", circle.getMessage());
    }
}
