package dev.studybot.knowledge.questions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SharedCluesTest {

    private final SharedClues shared = new SharedClues();

    @Test
    void tellingWordsAreStemmedWithoutStopWordsOrNumbers() {
        assertEquals(Set.of("volume", "attach", "instance"), shared.telling("Volumes are attached to 2 **instances**"));
    }

    @Test
    void aClueNamingTheChoiceFitsIt() {
        List<String> clues = List.of("The session layer is where stateful firewalls track each connection.");
        assertTrue(shared.fitsToo(clues, "Firewall", Set.of(), List.of()));
        assertFalse(shared.fitsToo(clues, "Subnetting", Set.of(), List.of()));
    }

    @Test
    void theWordsOfTheServiceBothShareDoNotCountAsNamingTheChoice() {
        List<String> clues = List.of("Glacier: archives kept for months, restored in hours");
        assertTrue(shared.fitsToo(clues, "S3 Glacier", Set.of("s3"), List.of()));
        assertFalse(shared.fitsToo(List.of("S3 archives kept for months"), "S3 Glacier", Set.of("s3"), List.of()));
    }

    @Test
    void aClueMostOfWhoseWordsOneOfTheChoicesStatementsSaysFitsIt() {
        List<String> clues = List.of("Billed by provisioned throughput and size");
        assertTrue(shared.fitsToo(clues, "EFS", Set.of(), List.of("Many instances mount it", "Throughput is provisioned and billed by size")));
        assertFalse(shared.fitsToo(clues, "EFS", Set.of(), List.of("Many instances mount it", "Billed by the size stored")));
    }
}
