package dev.studybot.knowledge.questions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybot.knowledge.notes.NoteTopic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TopicResolverTest {

    private static final ServiceCatalogue CATALOGUE = ServiceCatalogue.bundled();

    private static NoteTopic note(String file, List<String> path, String... bullets) {
        List<NoteTopic.Statement> statements = new ArrayList<>();
        for (int i = 0; i < bullets.length; i++) {
            statements.add(new NoteTopic.Statement(i + 1, 0, NoteTopic.Kind.BULLET, bullets[i], null));
        }
        return new NoteTopic(file, path, statements);
    }

    private static Map<String, Topic> byTitle(List<NoteTopic> notes) {
        return new TopicResolver(CATALOGUE, new EverydayWords(notes)).resolve(notes).stream()
                .collect(Collectors.toMap(Topic::title, topic -> topic, (a, b) -> a));
    }

    @Test
    void aHeadingWrittenAboveUnrelatedSectionsIsNotTheirTopic() {
        List<NoteTopic> notes = List.of(
                note("sa.md", List.of("Security", "KMS"), "keys are rotated yearly"),
                note("sa.md", List.of("Inspector"), "scans machines for known weaknesses"),
                note("sa.md", List.of("Inspector", "Storage", "EFS"), "a shared file system for many machines"),
                note("sa.md", List.of("Inspector", "Storage", "FSx"), "file systems for Windows and Lustre"),
                note("sa.md", List.of("Inspector", "Databases", "Aurora"), "a cluster volume shared by replicas"),
                note("sa.md", List.of("Inspector", "Databases", "DynamoDB"), "items of at most 400 KB"));
        Map<String, Topic> topics = byTitle(notes);
        assertEquals(List.of("Storage", "EFS"), topics.get("EFS").path());
        assertEquals(List.of("Databases", "Aurora"), topics.get("Aurora").path());
        assertEquals(List.of("Inspector"), topics.get("Inspector").path(), "it stays the title of its own section");
    }

    @Test
    void aHeadingAboveItsOwnPartsStays() {
        List<NoteTopic> notes = List.of(
                note("s3.md", List.of("S3"), "object storage"),
                note("s3.md", List.of("S3", "Versioning"), "keeps every version of an object"),
                note("s3.md", List.of("S3", "Glacier"), "archives objects cheaply"),
                note("s3.md", List.of("S3", "Replication"), "copies objects to another bucket"));
        assertEquals(List.of("S3", "Versioning"), byTitle(notes).get("Versioning").path());
    }

    @Test
    void aGenericHeadingIsPutUnderTheServiceItsTextNames() {
        Topic shards = byTitle(List.of(note("dev.txt", List.of("Shards"),
                "a Kinesis stream is made of shards", "each Kinesis shard takes 1 MB/s in"))).get("Shards");
        assertEquals("Kinesis", shards.service().name());
        assertEquals(List.of("Kinesis", "Shards"), shards.path());
    }

    @Test
    void aGrabBagHeadingTakesNoServiceFromItsText() {
        Topic bag = byTitle(List.of(note("n.md", List.of("Things to remember"),
                "S3 is object storage", "S3 has eleven nines", "EC2 has instance types", "EC2 can hibernate")))
                .get("Things to remember");
        assertEquals(null, bag.service());
    }

    @Test
    void headingsAreSpeltTheWayTheNotesSpellThemMost() {
        List<NoteTopic> notes = List.of(
                note("a.md", List.of("S3 Encrpytion"), "Encryption at rest with keys", "Encryption in transit with TLS",
                        "client side encryption"),
                note("a.md", List.of("Ec2"), "EC2 instances", "EC2 fleets"),
                note("a.md", List.of("Queue service"), "service limits"));
        Map<String, Topic> topics = byTitle(notes);
        assertTrue(topics.containsKey("S3 Encryption"), topics::toString);
        assertTrue(topics.containsKey("EC2"), topics::toString);
        assertTrue(topics.containsKey("Queue service"), "a word's case in a sentence is not a misspelling");
    }

    @Test
    void noteTakersLabelsAreRecognisedByWhatTheNotesDoWithThem() {
        List<NoteTopic> notes = List.of(
                note("a.md", List.of("Exam Tip"), "remember the exam likes tips", "a tip a day, the exam tip"),
                note("a.md", List.of("misc"), "odds and ends about SQS"),
                note("a.md", List.of("Messaging"), ""),
                note("a.md", List.of("Messaging", "SQS"), "queues keep messages"),
                note("a.md", List.of("Geoproximity"), "routes by distance with a bias"));
        Map<String, Topic> topics = byTitle(notes);
        assertTrue(topics.get("Exam Tip").label(), "everyday words");
        assertTrue(topics.get("misc").label(), "written in lower case");
        assertFalse(topics.get("SQS").label());
        assertFalse(topics.get("Geoproximity").label());
        assertEquals(List.of("Messaging", "SQS"), topics.get("SQS").path(), "a grouping heading still gives context");
    }
}
