package dev.studybot.knowledge.search;

import static dev.studybot.knowledge.TestNotes.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybot.knowledge.KnowledgeBase;
import dev.studybot.knowledge.TestEmbedder;
import dev.studybot.knowledge.analysis.Synonyms;
import dev.studybot.knowledge.index.IndexProgress;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Search by meaning beside search by words, on small notes written for these tests. */
class HybridSearchTest {

    static final String SERVERLESS = """
            # Serverless

            ## Functions

            - Provisioned concurrency keeps execution environments initialised ahead of time, so requests are served without start-up delay
            - Reserved concurrency caps how many copies of a function may run at once
            - A function may run for at most fifteen minutes per invocation
            - The /tmp directory gives each environment up to ten gigabytes of ephemeral disk

            ## Queues

            - The visibility timeout hides a message from other consumers while one worker processes it
            - A message that is not deleted before the timeout ends becomes visible again and is delivered once more
            - Long polling waits up to twenty seconds for messages to arrive, which cuts empty responses
            """;
    static final String SECURITY = """
            # Security

            ## Threat detection

            - GuardDuty analyses VPC flow logs, DNS logs and CloudTrail events with machine learning
            - It raises findings for CryptoCurrency attacks, port scans and compromised credentials

            ## Keys

            - KMS keys never leave the service unencrypted; data keys encrypt large payloads locally
            - Automatic rotation of customer managed keys happens once a year
            """;
    static final String STORAGE = """
            # Storage

            ## Archive

            - Glacier Deep Archive is the cheapest storage class, with retrievals taking up to twelve hours
            - Objects in the archive tiers have a minimum storage duration of 180 days

            ## Hybrid

            - Outposts bring racks of AWS hardware into your own data centre, running the same services on premises
            - Storage Gateway gives on-premises applications file, volume and tape access backed by S3
            """;

    @TempDir
    static Path notes;
    @TempDir
    static Path data;
    static KnowledgeBase kb;

    @BeforeAll
    static void open() {
        write(notes, "serverless.md", SERVERLESS);
        write(notes, "security.md", SECURITY);
        write(notes, "storage.md", STORAGE);
        kb = KnowledgeBase.open(notes, data, Synonyms.none(), TestEmbedder.get(), IndexProgress.SILENT);
    }

    @AfterAll
    static void close() {
        kb.close();
    }

    private static String firstText(SearchResponse response) {
        assertEquals(SearchResponse.Status.FOUND, response.status(), () -> response.query() + ": " + response.message());
        return response.results().get(0).passage().text();
    }

    @ParameterizedTest
    @ValueSource(strings = {"detect crypto mining|CryptoCurrency attacks", "cheapest place for old backups|Deep Archive"})
    void meaningFindsWhatWordsAloneCannot(String queryAndAnswer) {
        String query = queryAndAnswer.split("\\|")[0];
        String answer = queryAndAnswer.split("\\|")[1];
        assertEquals(SearchResponse.Status.NO_MATCH, kb.search(query, 3, SearchMode.LEXICAL).status(),
                "the notes share too few of the words");
        SearchResponse hybrid = kb.search(query, 3);
        assertTrue(firstText(hybrid).contains(answer), hybrid.results().toString());
        assertTrue(hybrid.results().get(0).answerText().contains(answer), hybrid.results().get(0).answerText());
    }

    @Test
    void runningServicesInYourOwnBuildingFindsOutposts() {
        assertTrue(firstText(kb.search("run aws services in my own building", 3)).contains("Outposts"));
    }

    @Test
    void theAnswerLineIsMarkedInsideThePassage() {
        SearchResponse response = kb.search("why does a message come back to the queue", 3);
        SearchResult first = response.results().get(0);
        assertTrue(first.passage().text().contains("visibility timeout"), first.passage().text());
        assertFalse(first.answer().isEmpty(), "a line is marked");
        assertTrue(first.answerText().contains("becomes visible again"), first.answerText());
        assertNotEquals(first.passage().text().strip(), first.answerText(), "the answer is a line, not the passage");
    }

    @Test
    void answerSpansPointIntoTheShownText() {
        for (SearchResult result : kb.search("how long can a function run", 5).results()) {
            result.answer().forEach(span -> assertTrue(span.end() <= result.passage().text().length()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"bake sourdough bread at home", "best pizza near campus", "center a div with flexbox"})
    void queriesTheNotesNeverMentionFindNothing(String query) {
        SearchResponse response = kb.search(query, 5);
        assertEquals(SearchResponse.Status.NO_MATCH, response.status(), () -> "found " + response.results());
        assertTrue(response.message().startsWith("Nothing in the notes about"), response.message());
    }

    @Test
    void misspeltQueryIsCorrectedBeforeItIsEmbedded() {
        SearchResponse response = kb.search("glacer deep archve retrieval time", 3);
        assertEquals("glacier deep archive retrieval time", response.suggestion());
        assertTrue(firstText(response).contains("twelve hours"));
    }

    @Test
    void aWordSpeltRightIsNeverOfferedAsAMisspelling(@TempDir Path own, @TempDir Path ownData) {
        write(own, "queues.md", "# Queues\n\n- SQS and SNS are different: a queue is pulled, a topic pushes\n");
        try (KnowledgeBase small = KnowledgeBase.open(own, ownData, Synonyms.none(), TestEmbedder.get(),
                IndexProgress.SILENT)) {
            SearchResponse spelt = small.search("difference between sqs and sns", 3);
            assertEquals(null, spelt.suggestion(), "\"difference\" is English, though the notes say \"different\"");
            assertTrue(firstText(spelt).contains("different"));
            assertEquals("how are sqs and sns different", small.search("how are sqs and sns diferent", 3).suggestion());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"AND OR NOT", "title:(s3 AND \"bucket\")~2^3 *", "🚀🔥 lambda 🤖", "冷数据 归档", "???", "a"})
    void oddInputNeverThrowsOnTheVectorPath(String query) {
        SearchResponse response = kb.search(query, 5, SearchMode.HYBRID);
        assertTrue(response.status() != SearchResponse.Status.FOUND || !response.results().isEmpty());
    }

    @Test
    void hybridAndLexicalAgreeOnTheEmptyAndTheTooLong() {
        for (SearchMode mode : SearchMode.values()) {
            assertEquals(SearchResponse.Status.EMPTY_QUERY, kb.search("   ", 5, mode).status());
            assertEquals(SearchResponse.Status.TOO_LONG, kb.search("lambda ".repeat(400), 5, mode).status());
            assertEquals(List.of(), kb.search("lambda ".repeat(400), 5, mode).results());
        }
    }
}
