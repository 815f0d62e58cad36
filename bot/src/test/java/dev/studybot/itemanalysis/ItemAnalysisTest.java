package dev.studybot.itemanalysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ItemAnalysisTest {

    private static final List<String> CHOICES = List.of("SQS", "SNS", "Kinesis", "MQ");

    private static ItemAnalysis.Response answer(String chosen, int otherAnswered, int otherRight) {
        return new ItemAnalysis.Response(chosen, chosen.equals("SQS"), otherAnswered, otherRight);
    }

    @Test
    void countsPicksPerChoiceAndTheShareRight() {
        ItemAnalysis analysis = ItemAnalysis.of("SQS", CHOICES, List.of(answer("SQS", 0, 0), answer("SNS", 0, 0),
                answer("SNS", 0, 0), answer("SQS", 0, 0)));

        assertEquals(4, analysis.answered());
        assertEquals(0.5, analysis.shareRight(), 1e-9);
        assertEquals(Map.of("SQS", 2, "SNS", 2, "Kinesis", 0, "MQ", 0), analysis.picks());
        assertEquals(Map.entry("SNS", 2), analysis.mostPickedWrong().orElseThrow());
        assertTrue(analysis.discrimination().isEmpty(), "nobody answered anything else");
    }

    @Test
    void discriminationIsPositiveWhenTheStrongGetItRightAndNegativeWhenTheyGetItWrong() {
        List<ItemAnalysis.Response> strongRight = new ArrayList<>();
        List<ItemAnalysis.Response> strongWrong = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            strongRight.add(answer(i < 3 ? "SQS" : "MQ", 10, i < 3 ? 9 : 2));
            strongWrong.add(answer(i < 3 ? "MQ" : "SQS", 10, i < 3 ? 9 : 2));
        }

        double good = ItemAnalysis.of("SQS", CHOICES, strongRight).discrimination().orElseThrow();
        double bad = ItemAnalysis.of("SQS", CHOICES, strongWrong).discrimination().orElseThrow();

        assertTrue(good > 0.9, "point-biserial of a perfectly sorting item: " + good);
        assertEquals(-good, bad, 1e-9);
        assertEquals(6, ItemAnalysis.of("SQS", CHOICES, strongWrong).discriminating());
    }

    @Test
    void noDiscriminationWhenEveryoneGetsItRight() {
        ItemAnalysis analysis = ItemAnalysis.of("SQS", CHOICES, List.of(answer("SQS", 4, 1), answer("SQS", 4, 3)));

        assertTrue(analysis.discrimination().isEmpty());
        assertTrue(analysis.mostPickedWrong().isEmpty());
    }

    @Test
    void rulesRetireOnEnoughReportsOrOnNegativeDiscriminationWithEnoughAnswers() {
        RetirementRules rules = new RetirementRules(2, 4);
        List<ItemAnalysis.Response> misleading = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            misleading.add(answer(i < 2 ? "MQ" : "SQS", 10, i < 2 ? 9 : 2));
        }
        ItemAnalysis three = ItemAnalysis.of("SQS", CHOICES, misleading.subList(0, 3));
        ItemAnalysis four = ItemAnalysis.of("SQS", CHOICES, misleading);

        assertTrue(rules.why(List.of(ReportReason.UNCLEAR), four).orElseThrow().startsWith("negative discrimination"));
        assertTrue(rules.why(List.of(ReportReason.UNCLEAR), three).isEmpty(), "three answers are too few");
        assertEquals("reported by 2 members (wrong answer, unclear)",
                rules.why(List.of(ReportReason.WRONG_ANSWER, ReportReason.UNCLEAR), three).orElseThrow());
        assertTrue(rules.why(List.of(), ItemAnalysis.of("SQS", CHOICES, List.of())).isEmpty());
    }
}
