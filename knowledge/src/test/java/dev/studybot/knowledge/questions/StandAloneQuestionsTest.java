package dev.studybot.knowledge.questions;

import static dev.studybot.knowledge.questions.GeneratedNotes.answering;
import static dev.studybot.knowledge.questions.GeneratedNotes.generate;
import static dev.studybot.knowledge.questions.GeneratedNotes.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybot.knowledge.analysis.Synonyms;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the sixth round of issue 13 set out to fix, each on notes of our own: a pointer to bullets the student
 * cannot see anywhere in a sentence, a fact under a bare course label, a note-taker's label with bullets of its
 * own offered as a choice, a clue naming another service of the answer's family, a count of nothing, a sub-service
 * named only in a bullet far above, an example's values shared out "respectively", and a heading listing the
 * answer excusing its words.
 */
class StandAloneQuestionsTest {

    /** Parts of Route 53, beside which a label or a jotted heading must not be offered. */
    private static final String ROUTE_53_PARTS = """
            ## Routing Policies
            - Weighted records split traffic between endpoints by share.
            - Latency records send users to the closest region.
            ## Hosted Zones
            - A container of records for one domain name.
            - Private zones answer only inside the networks attached.
            ## Record Types
            - Mail exchange records point at the mail servers.
            - Name server records delegate a subdomain elsewhere.
            ## Resolver
            - Endpoints forward queries between a data centre and the cloud.
            - Rules pick which domains are forwarded where.
            """;

    @TempDir
    Path notes;

    @Test
    void aPointerToBulletsAboveAnywhereInASentenceMakesItAFragment() {
        assertTrue(QualityGates.isFragment("Data can be copied to most of the above stores"));
        assertTrue(QualityGates.isFragment("Nightly jobs should use these instead"));
        assertTrue(QualityGates.isFragment("Works with every engine listed above"));
        assertTrue(QualityGates.isFragment("For big messages, use this which keeps the body in S3"));
        assertFalse(QualityGates.isFragment("Volumes above 1 TB are billed by the month"));
        assertFalse(QualityGates.isFragment("Files above the size limit need a multipart upload"));
        assertFalse(QualityGates.isFragment("Uploads above ___ should be split into parts"));
    }

    @Test
    void aFactUnderABareCourseLabelIsAskedOnlyWhereTheSentenceNamesItsService() throws IOException {
        write(notes, "cloud-pro-course.md", """
                # PRO Stuff
                - Spread groups: at most 7 instances per zone
                - A Lambda function runs for at most 15 minutes
                """);
        QuestionGenerator.Result result = generate(notes);
        assertTrue(answering(result, "7 instances").isEmpty(), result.questions()::toString);
        List<Question> lambda = answering(result, "15 minutes");
        assertEquals(1, lambda.size(), result.questions()::toString);
        assertTrue(lambda.get(0).prompt().startsWith("Fill in the blank (Lambda): "), lambda::toString);
    }

    @Test
    void aCourseLabelWithBulletsOfItsOwnIsNeverAChoice() throws IOException {
        write(notes, "dns-exam-notes.md", """
                # Route 53
                ## Health Checks
                - Checkers probe an endpoint from many locations.
                - A failed endpoint is taken out of the answers.
                """ + ROUTE_53_PARTS + """
                ## Misc
                - Domains can be registered and renewed from the console.
                - Query logs can be sent to a log group.
                ## Route 53 exam level
                - Queries for alias records to resources are free of charge.
                - Alias records work at the apex of a domain name.
                """);
        QuestionGenerator.Result result = generate(notes);
        List<Question> parts = result.questions().stream()
                .filter(q -> q.prompt().startsWith("Which part of Route 53")).toList();
        assertFalse(parts.isEmpty(), result.questions()::toString);
        result.questions().forEach(q -> {
            assertFalse(q.choices().contains("Misc"), q::toString);
            assertFalse(q.choices().contains("Route 53 exam level"), q::toString);
        });
    }

    @Test
    void aClueNamingAnotherServiceOfTheAnswersFamilyIsKeptOut() throws IOException {
        write(notes, "storage.md", """
                # Storage
                ## EFS
                - Many instances mount the same share at once.
                - Costs more per gigabyte than S3 Standard does.
                - Grows and shrinks as data is added and removed.
                - Mounted from EC2 instances in several zones.
                ## EBS
                - A disk attaches to a single instance in its zone.
                - Snapshots of a disk are copied to durable storage.
                """ + GeneratedNotes.OTHER_STORAGE);
        QuestionGenerator.Result result = generate(notes);
        List<Question> efs = answering(result, "EFS");
        assertFalse(efs.isEmpty(), result.questions()::toString);
        efs.forEach(q -> assertFalse(q.prompt().contains("S3 Standard"), q::toString));
        // A service of another family it works with is no rival answer.
        assertTrue(efs.stream().anyMatch(q -> q.prompt().contains("Mounted from EC2")), efs::toString);
    }

    @Test
    void aClueAboutAnotherServiceAndAHeadingJottedInLowerCaseAreNotAsked() throws IOException {
        write(notes, "security.md", """
                # Security
                ## WAF
                - Blocks requests that look like SQL injection attempts.
                - S3: log files arrive every five minutes
                - Rate rules limit how often one address may call.
                ## Shield
                - Absorbs floods of traffic aimed at a public endpoint.
                - The advanced plan adds a response team on call.
                ## GuardDuty
                - Finds threats by reading account activity records.
                - Findings are sent on as events for automation.
                ## Macie
                - Finds personal data stored in buckets.
                - Reports buckets that anyone may read.
                ## Inspector
                - Scans instances and images for known vulnerabilities.
                - Scores each finding so the worst come first.
                # Route 53
                ## health checks
                - Checkers probe an endpoint from many locations.
                - A failed endpoint is taken out of the answers.
                """ + ROUTE_53_PARTS);
        QuestionGenerator.Result result = generate(notes);
        List<Question> waf = answering(result, "WAF");
        assertFalse(waf.isEmpty(), result.questions()::toString);
        waf.forEach(q -> assertFalse(q.prompt().contains("log files arrive"), q::toString));
        assertFalse(result.questions().stream().filter(q -> q.prompt().startsWith("Which part of Route 53")).toList().isEmpty(),
                result.questions()::toString);
        result.questions().forEach(q -> assertFalse(q.choices().contains("health checks"), q::toString));
    }

    @Test
    void aCountOfNothingNamedIsShorthandNotAFact() throws IOException {
        write(notes, "files.md", """
                # EFS
                - Scale up to 1000s, 10 GB/s of throughput
                - Files are kept for 30 days before moving to the cheaper tier.
                """);
        QuestionGenerator.Result result = generate(notes);
        assertTrue(result.questions().stream().noneMatch(q -> q.prompt().contains("1000s")), result.questions()::toString);
        assertEquals(1, answering(result, "30 days").size(), result.questions()::toString);
    }

    @Test
    void aServiceNamedInABulletAboveTheParentIsShownAndAnExampleSharedOutRespectivelyIsNotAsked() throws IOException {
        write(notes, "streams.md", """
                # Kinesis
                ## Delivery
                - Kinesis Data Firehose
                  - Near-real time
                    - 60 seconds latency for batches that are not full
                ## Weights
                - Three consumers get 10%, 20% and 70% of the records respectively.
                """);
        QuestionGenerator.Result result = generate(notes);
        List<Question> latency = answering(result, "60 seconds");
        assertEquals(1, latency.size(), result.questions()::toString);
        assertTrue(latency.get(0).prompt().contains("Kinesis Data Firehose › Near-real time"), latency::toString);
        assertTrue(result.questions().stream().noneMatch(q -> q.prompt().contains("respectively")), result.questions()::toString);
    }

    @Test
    void aHeadingListingTheAnswerExcusesNoneOfItsWords() {
        Giveaways giveaways = new Giveaways(Synonyms.none(), ServiceCatalogue.bundled());
        assertTrue(Giveaways.reveals("Edge compute optimized with a GPU",
                giveaways.of("Snowball Edge", "Snowball, Snowball Edge, and Snowmobile")));
        // A heading above the answer still excuses its words: "S3" does not name S3's versioning.
        assertFalse(Giveaways.reveals("S3 keeps the old copies of an object", giveaways.of("Versioning", "S3")));
    }
}
