package dev.studybot.knowledge.questions;

import static dev.studybot.knowledge.questions.GeneratedNotes.answering;
import static dev.studybot.knowledge.questions.GeneratedNotes.generate;
import static dev.studybot.knowledge.questions.GeneratedNotes.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the fifth judged round of issue 13 still found, each on notes of our own: the same fact asked
 * again from another file in other words, a worked example's number asked as a fact, a wrong choice a
 * clue names or is also true of, and a service offered as one of its own parts.
 */
class OneFactOneAnswerTest {

    @TempDir
    Path notes;

    @Test
    void aFactWrittenAgainInAnotherFileInOtherWordsIsAskedOnce() throws IOException {
        write(notes, "course.md", """
                # Elastic Load Balancer
                ## Gateway Load Balancer
                - Uses the GENEVE protocol on port 6081 for its appliances.
                ## Kinesis
                - Records stay in a stream for 24 hours by default.
                """);
        write(notes, "review.md", """
                # Compute and networking
                ## Gateway Load Balancer (GWLB)
                - Use geneve protocol on port 6081 to reach the appliances.
                ## DynamoDB
                - Stream records of table changes stay for 24 hours.
                """);
        QuestionGenerator.Result result = generate(notes);
        assertEquals(1, answering(result, "6081").size(), result.questions()::toString);
        assertEquals(1, result.rejections().get(FactConsistency.REPEAT), result.rejections()::toString);
        // The same value of two services is two facts, though both sentences talk of streams.
        assertEquals(2, answering(result, "24 hours").size(), result.questions()::toString);
    }

    @Test
    void aNumberInsideAWorkedExampleIsNotAFact() throws IOException {
        write(notes, "dynamo.md", """
                # DynamoDB
                ## Capacity
                - One write unit covers 1 KB written per second.
                - Example 1:
                  - A table stores 60 records of 1.5 KB every minute.
                    - Each record is under 2 KB, so every write costs the table 2 units.
                """);
        QuestionGenerator.Result result = generate(notes);
        assertEquals(1, answering(result, "1 KB").size(), result.questions()::toString);
        assertTrue(result.questions().stream().noneMatch(q -> q.prompt().contains("costs the table")),
                result.questions()::toString);
    }

    private static final String NETWORKING = """
            # Networking basics
            ## OSI Model
            - Seven layers, each adding to the services of the one below.
            - The session layer is where stateful firewalls track each connection.
            - Presentation handles conversion and compression of data.
            ## Firewall
            - Filters traffic by source address, port and protocol.
            - Rules decide which packets may pass through.
            ## Subnetting
            - Splits one address range into several smaller ranges.
            - A longer prefix leaves fewer hosts in each range.
            ## IP addressing
            - Every host gets a numeric address of four octets.
            - Private ranges are never routed on the internet.
            ## IP routing
            - Routers forward packets toward their destination network.
            - Route tables pick the next hop for each packet.
            """;

    @Test
    void aWrongChoiceTheCluesNameIsLeftOut() throws IOException {
        write(notes, "networking.md", NETWORKING);
        List<Question> osi = answering(generate(notes), "OSI Model").stream()
                .filter(q -> q.prompt().contains("stateful firewalls")).toList();
        assertFalse(osi.isEmpty(), "the OSI question is still asked");
        osi.forEach(q -> assertFalse(q.choices().contains("Firewall"), q::toString));
        assertEquals(4, osi.get(0).choices().size());
    }

    @Test
    void aWrongChoiceWhoseOwnNotesSayWhatAClueSaysIsLeftOut() throws IOException {
        write(notes, "storage.md", """
                # Storage
                ## EBS
                - Billed by provisioned throughput and disk size every month.
                - A disk attaches to a single instance in its zone.
                - Snapshots of a disk are copied to another store.
                ## EFS
                - Priced by provisioned throughput and by disk size every month.
                - Many instances mount the same file system at once.
                """ + GeneratedNotes.OTHER_STORAGE);
        QuestionGenerator.Result result = generate(notes);
        List<Question> ebs = answering(result, "EBS").stream().filter(q -> q.prompt().contains("throughput")).toList();
        assertFalse(ebs.isEmpty(), () -> "the EBS question is still asked: " + result.questions() + result.dropped());
        ebs.forEach(q -> assertFalse(q.choices().contains("EFS"), q::toString));
    }

    @Test
    void theServiceSpeltAsOneWordIsNotOneOfItsParts() throws IOException {
        write(notes, "asg.md", """
                # ASG
                ## Scaling Policies
                - Target tracking keeps a chosen metric near its target value.
                - Scheduled actions follow a known pattern of weekly usage.
                ## Autoscaling
                - Adds and removes instances as the demand goes up and down.
                - Keeps the fleet between its minimum and maximum size.
                ## Cooldowns
                - After a scaling activity, further scaling waits a while.
                - Lets the metrics settle before the next change is made.
                ## Lifecycle Hooks
                - Run custom actions as instances launch or terminate.
                - Hold an instance in a waiting state until released.
                ## Launch Templates
                - Describe the image, type and network of new instances.
                - Versions of a template can be kept and compared.
                """);
        QuestionGenerator.Result result = generate(notes);
        List<Question> parts = result.questions().stream()
                .filter(q -> q.prompt().startsWith("Which part of Auto Scaling")).toList();
        assertFalse(parts.isEmpty(), result.questions()::toString);
        parts.forEach(q -> assertFalse(q.choices().contains("Autoscaling"), q::toString));
    }
}
