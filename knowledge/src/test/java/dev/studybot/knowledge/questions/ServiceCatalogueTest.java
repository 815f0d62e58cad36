package dev.studybot.knowledge.questions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceCatalogueTest {

    private static final ServiceCatalogue CATALOGUE = ServiceCatalogue.parse("""
            compute:
              - Lambda
              - EC2 | Elastic Compute Cloud
              - AWS Batch
            queues:
              - SQS | Simple Queue Service
              - SQS FIFO
            """, "test");

    private static List<String> named(String text) {
        return CATALOGUE.mentionsIn(text).stream().map(mention -> mention.service().name()).toList();
    }

    @Test
    void servicesAreFoundOnWordBoundariesLongestNameFirst() {
        assertEquals(List.of("SQS FIFO", "EC2"), named("An SQS FIFO queue feeds an Ec2 fleet"));
        assertEquals(List.of("SQS"), named("Simple Queue Service keeps messages"));
        assertEquals(List.of(), named("SQSFIFO and EC22 are not names"));
    }

    @Test
    void anOrdinaryWordCountsOnlyWithItsCapitalAndAPrefixedNameOnlyWithItsPrefix() {
        assertEquals(List.of("Lambda"), named("AWS Lambda runs it"));
        assertEquals(List.of(), named("the lambda of a function"));
        assertEquals(List.of("AWS Batch"), named("AWS Batch schedules jobs"));
        assertEquals(List.of(), named("S3 Batch Operations"));
    }

    @Test
    void aHeadingIsAServiceOnlyWhenItNamesOneAndNothingElse() {
        assertEquals(Optional.of("SQS"), CATALOGUE.named("Amazon SQS (Simple Queue Service)").map(Service::name));
        assertEquals(Optional.empty(), CATALOGUE.named("SQS Security"));
        assertEquals(Optional.empty(), CATALOGUE.named("EC2 and Lambda"));
    }

    @Test
    void familiesAndTheirWords() {
        assertEquals(List.of("Lambda", "EC2", "AWS Batch"), CATALOGUE.family("compute").stream().map(Service::name).toList());
        assertEquals(Optional.of("compute"), CATALOGUE.familyNamed("Compute and Storage"));
        assertTrue(CATALOGUE.usesItsTerms("Queue basics"));
        assertFalse(CATALOGUE.usesItsTerms("Exam Tip"));
    }

    @Test
    void aMalformedCatalogueIsRefusedNamingItsOrigin() {
        IllegalArgumentException notAMap = assertThrows(IllegalArgumentException.class,
                () -> ServiceCatalogue.parse("- just a list", "team.yml"));
        assertTrue(notAMap.getMessage().contains("team.yml"), notAMap.getMessage());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> ServiceCatalogue.parse("a:\n  - Foo\nb:\n  - Bar | Foo\n", "team.yml"));
        assertTrue(twice.getMessage().contains("\"Foo\" names both"), twice.getMessage());
    }

    @Test
    void theBundledCatalogueLoads() {
        ServiceCatalogue bundled = ServiceCatalogue.bundled();
        assertTrue(bundled.services().size() > 100);
        assertEquals(Optional.of("analytics"), bundled.named("Kinesis").map(Service::family));
    }

    @Test
    void theBundledCatalogueKnowsTheShortSpellingsNotesUseForHeadings() {
        ServiceCatalogue bundled = ServiceCatalogue.bundled();
        // Notes head a section with the short or singular name; each of these is the service.
        assertEquals(Optional.of("AWS Glue"), bundled.named("Glue").map(Service::name));
        assertEquals(Optional.of("Organizations"), bundled.named("Organization").map(Service::name));
        assertEquals(Optional.of("Step Functions"), bundled.named("Step Function").map(Service::name));
        assertEquals(Optional.empty(), bundled.named("glue"), "an ordinary word counts only with its capital");
    }
}
