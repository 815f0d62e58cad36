package dev.studybot.knowledge.questions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class NumberChoicesTest {

    private static List<String> wrong(String text, List<String> corpus) {
        List<Quantity> notes = corpus.stream().flatMap(c -> Quantity.findAll(c).stream()).toList();
        Quantity asked = Quantity.findAll(text).stream().filter(q -> !q.unit().isEmpty()).findFirst()
                .orElse(Quantity.findAll(text).get(0));
        return new NumberChoices(notes).wrong(asked, text);
    }

    private static List<Integer> numbers(List<String> choices) {
        return choices.stream().map(c -> new BigDecimal(c.replaceAll("[^\\d.]", "")).intValue()).toList();
    }

    @Test
    void anOsiLayerIsOneToSeven() {
        List<String> choices = wrong("operates at layer 7 of the model", List.of());
        assertEquals(3, choices.size(), choices::toString);
        assertTrue(numbers(choices).stream().allMatch(n -> n >= 1 && n <= 6), choices::toString);
    }

    @Test
    void aLayerCountingWhatHappensOnItIsStillOneToSeven() {
        List<String> choices = wrong("stops floods and other layer 3/layer 4 attacks", List.of("15 attacks a day"));
        assertEquals(3, choices.size(), choices::toString);
        assertTrue(numbers(choices).stream().allMatch(n -> n >= 1 && n <= 7 && n != 3 && n != 4), choices::toString);
        assertTrue(choices.stream().allMatch(choice -> choice.endsWith(" attacks")), choices::toString);
    }

    @Test
    void aWrongValueThatWouldReadAsSomethingElseGivesWayToTheNext() {
        // "100s" reads as hundreds, "2000" as a year, "1 operation" as another word: none is a choice of the type.
        for (String text : List.of("failover in less than 30s", "a quota of 1000 per account",
                "it performs 2 operations for every item")) {
            Quantity asked = Quantity.findAll(text).get(0);
            List<String> choices = new NumberChoices(List.of()).wrong(asked, text);
            assertEquals(3, choices.size(), choices::toString);
            for (String choice : choices) {
                List<Quantity> read = Quantity.findAll(choice);
                assertEquals(1, read.size(), () -> choice + " of " + choices);
                assertEquals(asked.unit(), read.get(0).unit(), () -> choice + " of " + choices);
            }
        }
    }

    @Test
    void anHttpStatusIsARealOne() {
        List<String> choices = wrong("retry only on 5xx errors and 429", List.of());
        assertEquals(3, choices.size(), choices::toString);
        assertTrue(numbers(choices).stream().allMatch(n -> List.of(400, 401, 403, 404, 405, 409, 500, 502, 503).contains(n)),
                choices::toString);
    }

    @Test
    void aPortIsAWellKnownOne() {
        assertTrue(numbers(wrong("the database listens on port 5432", List.of())).stream()
                .allMatch(n -> List.of(3306, 3389, 5439, 6379, 2049, 1521, 8080, 1433).contains(n)));
    }

    @Test
    void percentagesStayUnderAHundredAndOnlyAvailabilityGoesByNines() {
        List<String> saving = wrong("one zone saves 90% of the cost", List.of());
        assertTrue(numbers(saving).stream().allMatch(n -> n < 90), saving::toString);
        List<String> availability = wrong("designed for 99.9% availability", List.of());
        assertTrue(availability.stream().allMatch(c -> c.startsWith("99.")), availability::toString);
        assertEquals(List.of(), wrong("shift traffic until 100% is moved", List.of()));
    }

    @Test
    void aPowerOfTwoGetsPowersOfTwo() {
        List<String> choices = wrong("encrypts at most 4096 bytes at once", List.of());
        assertTrue(numbers(choices).stream().allMatch(n -> Integer.bitCount(n) == 1), choices::toString);
    }

    @Test
    void aValueTheSentenceStatesIsNeverAWrongChoice() {
        List<String> choices = wrong("alarms can fire every 10 seconds, 30 seconds or 60 seconds", List.of("5 seconds"));
        assertFalse(choices.contains("10 seconds") || choices.contains("30 seconds"), choices::toString);
        assertEquals(3, choices.size(), choices::toString);
    }

    @Test
    void otherValuesKeepTheUnitAndComeFromTheNotesWhenNear() {
        List<String> choices = wrong("messages are kept for 14 days by default", List.of("kept for 7 days", "after 30 days"));
        assertTrue(choices.containsAll(List.of("7 days", "30 days")), choices::toString);
        assertTrue(choices.stream().allMatch(c -> c.endsWith(" days")), choices::toString);
    }

    @Test
    void aNumberWrittenAsAStatusGetsRealStatusesOfItsFamily() {
        List<String> success = wrong("the check passes on a 200 status from the endpoint", List.of("800 status"));
        assertEquals(3, success.size(), success::toString);
        assertTrue(success.stream().allMatch(c -> c.endsWith(" status")), success::toString);
        assertTrue(numbers(success).stream().allMatch(n -> List.of(201, 202, 204, 301, 302, 304).contains(n)), success::toString);
        List<String> error = wrong("overloaded servers answer with a 503 code", List.of());
        assertTrue(numbers(error).stream().allMatch(n -> n >= 400 && n < 600 && n != 503), error::toString);
        assertEquals(List.of(), wrong("the app sends 6 codes by text message", List.of()), "not a status: no choices");
    }
}
