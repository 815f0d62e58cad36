package dev.studybot.knowledge.questions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuantityTest {

    /** The only quantity in {@code text}, checked to sit where it says it does. */
    private static Quantity only(String text) {
        List<Quantity> found = Quantity.findAll(text);
        assertEquals(1, found.size(), () -> "in \"" + text + "\": " + found);
        Quantity q = found.get(0);
        assertEquals(q.text(), text.substring(q.start(), q.end()), "start/end must cover the text");
        return q;
    }

    private static void assertQuantity(String text, String expectedText, String expectedValue, String expectedUnit) {
        Quantity q = only(text);
        assertEquals(expectedText, q.text(), text);
        assertEquals(0, new BigDecimal(expectedValue).compareTo(q.value()), () -> text + " value " + q.value());
        assertEquals(expectedUnit, q.unit(), text);
    }

    @Test
    void findsSizeWithoutSpace() {
        assertQuantity("a single message can be at most 256KB in size", "256KB", "256", "kb");
    }

    @Test
    void findsSizeWithSpaceAndBinaryPrefix() {
        Quantity q = only("each volume holds up to 16 GiB here");
        assertEquals("16 GiB", q.text());
        assertEquals("gb", q.unit());
        assertEquals(" ", q.spacing());
    }

    @Test
    void findsDurations() {
        assertQuantity("the visibility timeout defaults to 15 minutes", "15 minutes", "15", "minute");
        assertQuantity("a call may run for 500 ms at most", "500 ms", "500", "millisecond");
        assertQuantity("snapshots are taken every 12 hrs", "12 hrs", "12", "hour");
        assertQuantity("records are kept for 14 days.", "14 days", "14", "day");
        assertQuantity("wait 0.5 seconds between tries", "0.5 seconds", "0.5", "second");
    }

    @Test
    void findsPercentages() {
        assertQuantity("the store is designed for 99.99% availability", "99.99%", "99.99", "%");
    }

    @Test
    void findsNumbersWithThousandsSeparators() {
        Quantity q = only("it accepts up to 5,000 per second");
        assertEquals("5,000", q.text());
        assertEquals("5,000", q.number());
        assertEquals(0, BigDecimal.valueOf(5000).compareTo(q.value()));
        assertEquals("", q.unit());
    }

    @Test
    void findsBareNumbers() {
        assertQuantity("the database listens on port 5432 by default", "5432", "5432", "");
        List<Quantity> two = Quantity.findAll("between 3 and 8 replicas");
        assertEquals(List.of("3", "8 replicas"), two.stream().map(Quantity::text).toList());
        assertEquals(List.of("", "replica"), two.stream().map(Quantity::unit).toList());
    }

    @Test
    void countsPluralNounsAsTheirUnit() {
        assertQuantity("the group starts 7 instances at once", "7 instances", "7", "instance");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "this feature launched in 2021",
            "run it on ec2 with gp3 volumes",
            "pick an m5.large for the test",
            "store objects in s3 buckets",
            "the network is 10.0.0.0/16 in our account",
            "upgrade the engine to version 1.2.3 first",
            "use v2 of the api",
    })
    void ignoresYearsNamesVersionsAndAddresses(String text) {
        assertEquals(List.of(), Quantity.findAll(text), text);
    }

    @Test
    void aWordThatIsNotAPluralNounIsNoUnit() {
        Quantity managed = only("there are 10 managed rules in the set");
        assertEquals("10", managed.text());
        assertEquals("", managed.unit());
        assertTrue(Quantity.findAll("keep 200 shows per season").stream().allMatch(q -> q.unit().isEmpty()));
        assertTrue(Quantity.findAll("allocate 5 Elastic IPs").stream().allMatch(q -> q.unit().isEmpty()));
    }

    @Test
    void aNounGluedToTheNumberIsNoUnit() {
        List<Quantity> found = Quantity.findAll("the table allows 5reads each second");
        assertTrue(found.stream().noneMatch(q -> q.unit().equals("read")), () -> found.toString());
        assertTrue(found.stream().allMatch(q -> q.unit().isEmpty()), () -> found.toString());
    }

    @Test
    void findsSeveralInOrder() {
        String text = "keep 3 copies for 30 days, each up to 5 GB";
        List<Quantity> found = Quantity.findAll(text);
        assertEquals(List.of("3 copies", "30 days", "5 GB"), found.stream().map(Quantity::text).toList());
        for (int i = 1; i < found.size(); i++) {
            assertTrue(found.get(i - 1).end() <= found.get(i).start());
        }
    }

    @Test
    void sameUnitWrittenAroundAnotherValue() {
        Quantity days = only("records are kept for 14 days by default");
        assertEquals("28 days", days.withValue(BigDecimal.valueOf(28)));
        Quantity kb = only("at most 256KB");
        assertEquals("512KB", kb.withValue(BigDecimal.valueOf(512)));
        assertTrue(days.sameKindAs(only("retry for 3 days")));
        assertTrue(!days.sameKindAs(kb));
    }

    @Test
    void tensAndHundredsAreNotSeconds() {
        assertEquals("", Quantity.findAll("scale up to 10s of GB/s").get(0).unit());
        assertEquals("", Quantity.findAll("can have up to 100s EC2 in the setup").get(0).unit());
        assertEquals("second", Quantity.findAll("the default is 300s").get(0).unit());
        assertEquals("second", Quantity.findAll("cooldown 300s, then scale").get(0).unit());
    }

    @Test
    void aUnitWrittenSingularAfterANumberStaysSingularOnEveryChoice() {
        Quantity twelve = Quantity.findAll("Retrieval time is 12 hour").get(0);
        assertEquals("48 hour", twelve.withValue(new BigDecimal("48")));
        Quantity one = Quantity.findAll("kept for 1 day").get(0);
        assertEquals("7 days", one.withValue(new BigDecimal("7")));
    }

    @Test
    void aNumberBeforeStatusOrCodeIsAnHttpStatus() {
        assertQuantity("the check passes on a 200 status", "200 status", "200", Quantity.STATUS);
        assertQuantity("overloaded servers answer with a 503 code", "503 code", "503", Quantity.STATUS);
    }

    @Test
    void aWordTakingAnObjectAfterANumberIsAVerbNotAUnit() {
        assertQuantity("Parallel writes (1 overwrites the other)", "1", "1", "");
        assertQuantity("An account holds 5 tables per region", "5 tables", "5", "table");
    }
}
