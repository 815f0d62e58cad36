package dev.studybot.knowledge.questions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybot.knowledge.analysis.Synonyms;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per way a generated question lost a strict student's trust (issue 13), on notes of our own. */
class TrustedQuestionsTest {

    @TempDir
    Path notes;

    private QuestionGenerator.Result generate(String file, String text) throws IOException {
        Files.writeString(notes.resolve(file), text);
        return new QuestionGenerator(Synonyms.none()).generate(notes, 1);
    }

    private static List<Question> ofKind(QuestionGenerator.Result result, String kind) {
        return result.questions().stream().filter(q -> q.kind().equals(kind)).toList();
    }

    private static Question answering(QuestionGenerator.Result result, String answer) {
        return result.questions().stream().filter(q -> q.correctChoice().equals(answer)).findFirst()
                .orElseThrow(() -> new AssertionError("no question on " + answer + ": " + result.questions()));
    }

    private static final String SERVICES = """
            # Compute
            ## Lambda
            - Runs a function for each event without servers to manage.
            - Billed by the millisecond of run time.
            ## Lightsail
            - Simple virtual private servers at a fixed monthly price.
            - Aimed at small sites and quick experiments.
            ## Elastic Beanstalk
            - Deploys a web application from an uploaded bundle.
            - Builds the fleet and its balancer behind the scenes.
            ## App Runner
            - Runs a container image straight from a registry with a web address.
            - Scales the containers with the requests it gets.

            # Odds
            ## SQS
            - Keeps messages until a consumer deletes them after work.
            - Consumers poll for work and may see a message twice.
            ## S3
            - Buckets hold objects of any size behind a web address.
            - Versions of each object can be kept forever.
            ## DynamoDB
            - Items are found by their key in single-digit milliseconds.
            - Tables scale without servers to look after.
            ## Exam Tip
            - The exam likes a tip about the exam.
            - Another tip: read the whole exam question.
            """;

    @Test
    void aServiceIsAskedAmongServicesOfItsFamilyNeverAmongOtherKinds() throws IOException {
        QuestionGenerator.Result result = generate("services.md", SERVICES);
        Question lambda = answering(result, "Lambda");
        assertEquals(Set.of("Lambda", "Lightsail", "Elastic Beanstalk", "App Runner"), Set.copyOf(lambda.choices()));
        assertTrue(lambda.prompt().startsWith("Which service do these notes describe?"), lambda::prompt);
        // SQS, S3 and DynamoDB share a heading but no family: none can stand for another.
        assertTrue(ofKind(result, IdentifyQuestions.KIND).stream().noneMatch(q -> q.choices().contains("SQS")
                && q.choices().contains("S3")), result.questions()::toString);
        assertTrue(result.questions().stream().noneMatch(q -> q.choices().contains("Exam Tip")), "a label is no choice");
    }

    @Test
    void aPartNamedLikeTheAnswerIsNoWrongChoiceEvenWhenItsWordsAreTheServicesOtherName() throws IOException {
        // "Aurora Serverless" is another name of Aurora in the catalogue: left out, nothing is left of "Serverless
        // Aurora" to tell it from "Aurora Serverless in short", and a student would take both for right.
        QuestionGenerator.Result result = generate("aurora.md", """
                # Aurora
                ## Aurora Serverless in short
                - Capacity units grow and shrink with the load on their own.
                - A warm pool of instances makes waking up from a pause quick.
                ## Serverless Aurora
                - Pay per second for the capacity units in use.
                - Fits workloads that are idle for most of the day.
                ## Backtrack
                - Rewinds the database to a point in time without a restore.
                - Works within a window set in hours.
                ## Cloning
                - Copies a cluster quickly by sharing its pages until they change.
                - Handy for testing against production data.
                ## Endpoints
                - Writer endpoint points at the primary instance.
                - Reader endpoint spreads connections over the replicas.
                """);
        Question inShort = answering(result, "Aurora Serverless in short");
        assertFalse(inShort.choices().contains("Serverless Aurora"), inShort.choices()::toString);
        Question serverless = answering(result, "Serverless Aurora");
        assertFalse(serverless.choices().contains("Aurora Serverless in short"), serverless.choices()::toString);
    }

    @Test
    void aServiceWithoutSiblingsOfItsFamilyDrawsOnTheFamilyTheNotesWriteAbout() throws IOException {
        QuestionGenerator.Result result = generate("mixed.md", """
                # Things
                ## SQS
                - Keeps messages until a consumer deletes them after work.
                - Consumers poll for work and may see a message twice.
                ## Storage bits
                - SNS pushes to subscribers; SNS topics fan out; SNS is push; SNS again.
                - EventBridge routes events; EventBridge rules; EventBridge buses.
                - Step Functions orchestrate; Step Functions states; Step Functions retries.
                """);
        Question sqs = answering(result, "SQS");
        assertEquals(Set.of("SQS", "SNS", "EventBridge", "Step Functions"), Set.copyOf(sqs.choices()));
        assertTrue(sqs.score() < 1, "wrong choices from the family are a doubt: " + sqs.score());
    }

    @Test
    void aFactUnderAGenericHeadingNamesItsService() throws IOException {
        Question q = answering(generate("dev.txt", """
                Shards
                - A Kinesis stream is split into shards that are read in order.
                - Each Kinesis shard takes in 1 MB per second of records.
                """), "1 MB");
        assertTrue(q.prompt().startsWith("Fill in the blank (Kinesis › Shards): "), q::prompt);
        assertEquals(List.of("Kinesis", "Shards"), q.topic());
    }

    @Test
    void fragmentsAndShorthandAreNotAsked() throws IOException {
        QuestionGenerator.Result result = generate("frag.md", """
                # S3
                ## Storage Class Analysis
                - 24 - 48 hours to see the first report
                - Now this is 4 subnets of the range
                - Scales up to 100s of GB per second
                - upload → bigger than 100 MB → use multipart
                - Maximum run time is 900 seconds=15 minutes
                - Lifecycle rules can move objects after 30 days to a colder class
                """);
        List<String> asked = ofKind(result, FactQuestions.KIND).stream().map(Question::correctChoice).toList();
        assertEquals(List.of("30 days"), asked, () -> "only the sentence that stands alone: " + result.questions());
    }

    @Test
    void aTermIsANameFromItsOwnListNotAGenericWordOrAFlow() throws IOException {
        QuestionGenerator.Result result = generate("terms.md", """
                # Step Functions
                ## States
                - Task: runs one unit of work such as a function call
                - Choice: picks the next branch from the input values
                - Wait: holds the execution for a set amount of time
                - Succeed: ends the execution as a success at once
                ## Outputs
                - output: goes to the event bus and a notification topic
                - input: comes from the trail and the flow logs together
                - created: when the machine first starts up its work
                - Producers send=> Queue => Poll to consumers in turn
                """);
        List<Question> terms = ofKind(result, TermQuestions.KIND);
        assertEquals(Set.of("Task", "Choice", "Wait", "Succeed"),
                terms.stream().map(Question::correctChoice).collect(Collectors.toSet()));
        for (Question q : terms) {
            assertEquals(Set.of("Task", "Choice", "Wait", "Succeed"), Set.copyOf(q.choices()), q::toString);
        }
    }

    @Test
    void theHeadingPathOrTheSentenceNeverGivesTheValueAway() throws IOException {
        QuestionGenerator.Result result = generate("xray.md", """
                # X-Ray
                ## Sampling
                - rate: 5%
                  - 5% of the further requests are sampled as well
                - the reservoir is 1 request per second by default
                """);
        assertTrue(result.questions().stream().noneMatch(q -> q.correctChoice().equals("5%")), result.questions()::toString);
        assertTrue(result.rejections().getOrDefault("prompt gives the answer away", 0) >= 1, result.rejections()::toString);
    }

    /** Three parts of SQS, each described without naming itself. */
    private static final String SQS_PARTS = """
                ## Long Polling
                - A consumer waits for messages to arrive instead of asking again.
                - Fewer empty answers and lower cost per message.
                ## Dead Letter Queue
                - Messages that fail too often are moved aside for a look later.
                - Set after how many receives a message is moved aside.
                ## Delay Queue
                - New messages stay hidden for a while before consumers see them.
                - Up to fifteen minutes, set per queue or per message.
                """;

    @Test
    void anApiNameThatNamesTheTopicGivesItAway() throws IOException {
        QuestionGenerator.Result result = generate("sqs.md", """
                # SQS
                ## Visibility Timeout
                - A polled message is hidden from the other consumers for a while.
                - Call ChangeMessageVisibility to give a consumer more time.
                - Unprocessed messages come back and are processed twice.
                """ + SQS_PARTS);
        Question q = answering(result, "Visibility Timeout");
        assertFalse(q.prompt().contains("ChangeMessageVisibility"), q::prompt);
        assertTrue(q.prompt().startsWith("Which part of SQS do these notes describe?"), q::prompt);
    }

    @Test
    void anAspectOfEveryPartIsNotAskedAsOneOfThem() throws IOException {
        QuestionGenerator.Result result = generate("sqs.md", "# SQS\n" + SQS_PARTS + """
                ## Queue Pricing
                - Every request of up to 64 KB is billed as one request.
                - The first million requests of each month are free of charge.
                """);
        List<String> asked = ofKind(result, IdentifyQuestions.KIND).stream().map(Question::correctChoice).toList();
        assertTrue(asked.contains("Dead Letter Queue"), asked::toString);
        assertFalse(asked.contains("Queue Pricing"), asked::toString);
    }

    @Test
    void aHeadingPutUnderAServiceByItsTextAloneIsNotOneOfItsParts() throws IOException {
        String tip = """

                # Architecture tips
                ## Cheaper Consumers
                - SQS consumers that wait twenty seconds for each poll make fewer calls to SQS.
                - SQS batches of ten messages cut the number of calls again.
                """;
        // Three parts of SQS need a fourth choice; the tip whose text alone names SQS must not be it.
        QuestionGenerator.Result threeParts = generate("sqs.md", "# SQS\n" + SQS_PARTS + tip);
        assertTrue(threeParts.questions().stream().noneMatch(q -> q.choices().contains("Cheaper Consumers")),
                threeParts.questions()::toString);
        // With a fourth part of its own, SQS is asked about, and still never with the tip.
        QuestionGenerator.Result fourParts = generate("sqs.md", "# SQS\n" + SQS_PARTS + """
                ## Visibility Timeout
                - A polled message is hidden from the other consumers for a while.
                - Unprocessed messages come back and are processed twice.
                """ + tip);
        List<String> asked = ofKind(fourParts, IdentifyQuestions.KIND).stream().map(Question::correctChoice).toList();
        assertTrue(asked.contains("Long Polling"), asked::toString);
        assertTrue(fourParts.questions().stream().noneMatch(q -> q.choices().contains("Cheaper Consumers")),
                fourParts.questions()::toString);
    }

    @Test
    void theHeadingATermListIsUnderGivesNoTermAway() throws IOException {
        QuestionGenerator.Result result = generate("dns.md", """
                # Route 53
                ## Routing policy
                - Simple: one record with one or more values, returned in random order
                - Failover: a second record answers once the health check of the first one fails
                - Weighted routing: each record gets a share of the traffic that you set
                - Latency: the region that answers the user fastest is chosen
                - Geolocation: the answer depends on the country the user is in
                """);
        List<String> terms = ofKind(result, TermQuestions.KIND).stream().map(Question::correctChoice).toList();
        assertTrue(terms.contains("Weighted routing"), terms::toString);
    }

    @Test
    void twoSiblingsDescribedAlikeAreNotAsked() throws IOException {
        QuestionGenerator.Result result = generate("ha.md", """
                # High availability
                ## Scope
                - Route 53: global service, spread over every zone by default
                - ELB: regional service, can spread over several zones
                - ASG: regional service, can spread over several zones
                - RDS: one zone unless a standby is asked for
                """);
        List<String> terms = ofKind(result, TermQuestions.KIND).stream().map(Question::correctChoice).toList();
        assertFalse(terms.contains("ELB") || terms.contains("ASG"), terms::toString);
    }

    @Test
    void aFactTheNotesStateWithTwoValuesIsNotAskedAndOneStatedTwiceIsAskedOnce() throws IOException {
        Files.writeString(notes.resolve("a.md"), """
                # S3
                ## Sharing
                - a presigned link from the command line expires after 3600 seconds by default
                - a single upload can hold up to 5 GB of data
                """);
        QuestionGenerator.Result result = generate("b.md", """
                # S3
                ## Links
                - a presigned link from the command line expires after 10 hours by default
                - one single upload can hold up to 5 GB of data
                """);
        List<Question> facts = ofKind(result, FactQuestions.KIND);
        assertTrue(facts.stream().noneMatch(q -> q.prompt().contains("presigned")), facts::toString);
        assertEquals(1, facts.stream().filter(q -> q.correctChoice().equals("5 GB")).count(), facts::toString);
        assertEquals(2, result.rejections().get(FactConsistency.CONFLICT), result.rejections()::toString);
    }

    @Test
    void aTypoInAHeadingIsNeverShownAsAChoice() throws IOException {
        QuestionGenerator.Result result = generate("trail.md", """
                # Management
                ## CouldTrail
                - Records every call made to the account for later audits.
                - Keeps ninety days of history without any setup.
                ## CloudWatch
                - Collects metrics and logs and raises alarms on them.
                - Dashboards show the metrics of many services together.
                ## AWS Config
                - Records how each resource is set up and checks it against rules.
                - Shows how a resource's settings changed over time.
                ## Systems Manager
                - Runs commands and patches on fleets of machines.
                - Keeps parameters and secrets for applications to read.
                """);
        Question q = answering(result, "CloudTrail");
        assertTrue(result.questions().stream().flatMap(x -> x.choices().stream()).noneMatch("CouldTrail"::equals));
        assertEquals(List.of("Management", "CloudTrail"), q.topic());
    }

    @Test
    void aClueThatLeansOnWhatCameBeforeOrStopsShortIsNotUsed() throws IOException {
        QuestionGenerator.Result result = generate("cdn.md", SERVICES.replace(
                "- Runs a function for each event without servers to manage.",
                "- But this can be changed with a setting for each function.\n"
                        + "- You can force the newest runtime by denying deployments if\n"
                        + "- Runs a function for each event without servers to manage."));
        Question lambda = answering(result, "Lambda");
        assertFalse(lambda.prompt().contains("But this") || lambda.prompt().contains("deployments if"), lambda::prompt);
        assertTrue(lambda.prompt().contains("Runs a function for each event"), lambda::prompt);
    }
}
