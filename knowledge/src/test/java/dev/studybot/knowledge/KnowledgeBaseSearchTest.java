package dev.studybot.knowledge;

import static dev.studybot.knowledge.TestNotes.lineOf;
import static dev.studybot.knowledge.TestNotes.write;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybot.knowledge.analysis.Synonyms;
import dev.studybot.knowledge.index.IndexProgress;
import dev.studybot.knowledge.notes.Passage;
import dev.studybot.knowledge.search.NotesSearcher;
import dev.studybot.knowledge.search.SearchResponse;
import dev.studybot.knowledge.search.SearchResponse.Status;
import dev.studybot.knowledge.search.SearchResult;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class KnowledgeBaseSearchTest {

    static final String COMPUTE = """
            # Compute

            ## Spot Instances

            Spot capacity is spare EC2 hardware sold at a steep discount. AWS may reclaim it at any time and
            gives a two-minute interruption notice first, so workloads must tolerate being stopped.

            ## Reserved Instances

            A reservation is a one or three year commitment in exchange for a lower hourly rate on steady workloads.

            ## Scaling

            An Auto Scaling group keeps the desired number of servers running and replaces unhealthy ones.
            """;
    static final String STREAMING = """
            Streaming

            Kinesis Data Streams

            • records are spread across shards by partition key
            • each shard accepts about one megabyte per second of writes
            • data is retained for 24 hours by default, extendable up to a year

            Message queues

            • a queue decouples producers from consumers
            • the visibility timeout hides a message while a worker processes it
            """;
    static final String STORAGE = """
            # Storage

            ## Object storage

            Buckets hold objects of up to five terabytes. Versioning keeps every older copy of an object,
            and static website hosting serves files straight from a bucket.
            See [the bucket guide](https://docs.example.com/buckets).

            ## Archive tiers

            冷数据放在归档层更便宜，但是取回需要等待几个小时。
            Deep archive retrieval can take up to twelve hours.
            """;

    @TempDir
    static Path notes;
    @TempDir
    static Path data;
    static KnowledgeBase kb;

    @BeforeAll
    static void openKnowledgeBase() {
        write(notes, "compute.md", COMPUTE);
        write(notes, "topics/streaming.txt", STREAMING);
        write(notes, "storage.md", STORAGE);
        StringBuilder big = new StringBuilder("# Zeppelin log\n\n");
        for (int i = 0; i < 200; i++) {
            big.append("Zeppelin flight ").append(i).append(" carried mail across the ocean and landed safely. ");
        }
        write(notes, "big.md", big + "\n");
        kb = KnowledgeBase.open(notes, data, Synonyms.parse("asg, auto scaling group", "test synonyms"),
                IndexProgress.SILENT);
    }

    @AfterAll
    static void close() {
        if (kb != null) {
            kb.close();
        }
    }

    private static SearchResponse found(String query) {
        SearchResponse response = kb.search(query, 5);
        assertEquals(Status.FOUND, response.status(), () -> "for \"" + query + "\": " + response);
        assertFalse(response.results().isEmpty());
        return response;
    }

    private static Passage top(String query) {
        return found(query).results().get(0).passage();
    }

    private static void assertAnsweredClearly(String query, SearchResponse response) {
        assertNotNull(response, query);
        assertNotNull(response.status(), query);
        if (response.status() == Status.FOUND) {
            assertFalse(response.results().isEmpty(), query);
        } else {
            assertTrue(response.results().isEmpty(), query);
            assertNotNull(response.message(), "no message for " + query);
            assertFalse(response.message().isBlank(), "blank message for " + query);
        }
    }

    // ---- finding the right passage ----

    @Test
    void paraphrasedQueriesRankTheRelevantPassageFirst() {
        assertEquals(List.of("Storage", "Object storage"), top("old versions of objects").headingPath());
        assertEquals(List.of("Message queues"), top("hide a message while a worker is busy").headingPath());
        assertEquals(List.of("Compute", "Spot Instances"), top("interrupted spare capacity").headingPath());
        assertEquals(List.of("Compute", "Reserved Instances"),
                top("lower hourly rate for steady workloads").headingPath());
    }

    @Test
    void resultCarriesHeadingPathFileLineAndLinks() {
        Passage kinesis = top("partition key");
        assertEquals("topics/streaming.txt", kinesis.file());
        assertEquals(List.of("Kinesis Data Streams"), kinesis.headingPath());
        assertEquals(lineOf(STREAMING, "records are spread"), kinesis.line());

        Passage buckets = top("static website hosting");
        assertEquals("storage.md", buckets.file());
        assertEquals(lineOf(STORAGE, "Buckets hold objects"), buckets.line());
        assertEquals(List.of("https://docs.example.com/buckets"), buckets.links());
    }

    @Test
    void headingWordsAloneFindTheirSection() {
        assertEquals(List.of("Compute", "Reserved Instances"), top("reserved instances").headingPath());
        assertEquals(List.of("Kinesis Data Streams"), top("kinesis").headingPath());
    }

    @Test
    void resultsAreBestFirstAndRespectTheLimit() {
        SearchResponse response = kb.search("workloads", 1);
        assertEquals(Status.FOUND, response.status());
        assertEquals(1, response.results().size());
        List<SearchResult> many = kb.search("bucket objects hours year", 50).results();
        assertTrue(many.size() <= NotesSearcher.MAX_LIMIT);
        for (int i = 1; i < many.size(); i++) {
            assertTrue(many.get(i - 1).score() >= many.get(i).score(), "results out of order");
        }
        assertDoesNotThrow(() -> kb.search("kinesis", 0));
        assertDoesNotThrow(() -> kb.search("kinesis", -3));
    }

    @Test
    void misspeltWordStillFindsThePassageAndIsSuggested() {
        SearchResponse response = found("kinesys partition key");
        assertEquals(List.of("Kinesis Data Streams"), response.results().get(0).passage().headingPath());
        assertNotNull(response.suggestion());
        assertTrue(response.suggestion().contains("kinesis"), response.suggestion());
        assertFalse(response.suggestion().contains("kinesys"), response.suggestion());

        assertNull(found("kinesis partition key").suggestion(), "nothing to correct");
    }

    @Test
    void correctlySpeltPluralIsNotCorrected() {
        assertNull(found("three years commitment").suggestion());
    }

    @Test
    void queryAboutATopicAbsentFromTheNotesIsNoMatch() {
        SearchResponse response = kb.search("amplify react hosting", 5);
        assertEquals(Status.NO_MATCH, response.status());
        assertTrue(response.results().isEmpty());
        assertNotNull(response.message());
        assertFalse(response.message().isBlank());
    }

    @Test
    void commonWordAbsentFromTheNotesDoesNotSinkTheQuery() {
        assertEquals(List.of("Kinesis Data Streams"), top("how many shards").headingPath());
    }

    @Test
    void chineseQueryOfTwoCharactersFindsChineseText() {
        assertEquals(List.of("Storage", "Archive tiers"), top("归档").headingPath());
        assertEquals(List.of("Storage", "Archive tiers"), top("冷数据").headingPath());
    }

    // ---- input that must never break the search ----

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "   \t\n  ", "\u0000\u0007"})
    void emptyOrBlankQueryIsEmptyQueryWithAMessage(String query) {
        SearchResponse response = kb.search(query, 5);
        assertEquals(Status.EMPTY_QUERY, response.status());
        assertTrue(response.results().isEmpty());
        assertNotNull(response.message());
        assertFalse(response.message().isBlank());
    }

    @ParameterizedTest
    @ValueSource(strings = {"what is the", "how do I", "and or not of the", "AND OR NOT"})
    void queryOfOnlyStopWordsIsEmptyQueryWithAMessage(String query) {
        SearchResponse response = kb.search(query, 5);
        assertEquals(Status.EMPTY_QUERY, response.status());
        assertNotNull(response.message());
        assertFalse(response.message().isBlank());
    }

    @ParameterizedTest
    @ValueSource(strings = {"title:(foo AND \"bar", "*?~^[]{}\\/!", "AND OR NOT", "kinesis AND shards",
            "kinesis*", "shard~2", "+kinesis -queue", "\"kinesis", "\"kinesis\" \"shard\"", "'single' quotes'",
            "🚀", "🚀🔥💾", "kinesis 🚀", "::", "a:b:c", "((()))", "%s %n %d", "\\u0000", "<script>alert(1)</script>",
            "SELECT * FROM notes; --", "ÅÄÖ ñ ß", "٣ عربى", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢"})
    void oddInputNeverThrowsAndIsAnsweredClearly(String query) {
        SearchResponse response = assertDoesNotThrow(() -> kb.search(query, 5));
        assertAnsweredClearly(query, response);
    }

    @Test
    void quotesAndOperatorsAreTakenAsWordsNotSyntax() {
        assertEquals(List.of("Kinesis Data Streams"), top("\"partition key\"").headingPath());
        assertEquals(List.of("Kinesis Data Streams"), top("shards AND partition").headingPath());
        assertEquals(List.of("Kinesis Data Streams"), top("title:(partition AND \"key").headingPath());
    }

    @Test
    void emojiDoNotSpoilAQuery() {
        assertEquals(List.of("Kinesis Data Streams"), top("🚀 kinesis 🔥").headingPath());
    }

    @Test
    void longPasteUpToTheLimitIsAcceptedOrAnsweredClearly() {
        String words = "spot capacity interruption notice workloads discount reserved commitment hourly ";
        String paste = words.repeat(40).substring(0, 2000);
        assertEquals(2000, paste.length());
        SearchResponse response = assertDoesNotThrow(() -> kb.search(paste, 5));
        assertNotEquals(Status.TOO_LONG, response.status());
        assertAnsweredClearly("2000-char paste", response);

        StringBuilder manyWords = new StringBuilder();
        for (int i = 0; manyWords.length() < 1990; i++) {
            manyWords.append("word").append(i).append(' ');
        }
        SearchResponse distinct = assertDoesNotThrow(() -> kb.search(manyWords.toString(), 5));
        assertNotEquals(Status.TOO_LONG, distinct.status());
        assertAnsweredClearly("many distinct words", distinct);
    }

    @Test
    void queryOverTwoThousandCharactersIsTooLongWithAMessage() {
        for (int length : new int[] {2001, 2500, 100_000}) {
            String query = "kinesis ".repeat(length / 8 + 1).substring(0, length - 1) + "x";
            assertEquals(length, query.length());
            SearchResponse response = kb.search(query, 5);
            assertEquals(Status.TOO_LONG, response.status(), "length " + length);
            assertTrue(response.results().isEmpty());
            assertNotNull(response.message());
            assertFalse(response.message().isBlank());
        }
    }

    // ---- what is shown ----

    private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");

    @Test
    void snippetBoldsTheMatchedWords() {
        SearchResult result = found("visibility timeout").results().get(0);
        String snippet = result.snippet();
        assertTrue(snippet.contains("**"), snippet);
        assertEquals(0, count(snippet, "**") % 2, "unbalanced bold marks: " + snippet);
        Matcher bold = BOLD.matcher(snippet);
        boolean visibility = false;
        while (bold.find()) {
            visibility |= bold.group(1).toLowerCase().contains("visibility");
        }
        assertTrue(visibility, snippet);
        String plain = snippet.replace("**", "");
        assertTrue(result.passage().text().replace('\n', ' ').contains(plain),
                "the snippet is a piece of the passage: " + snippet);
    }

    @Test
    void boldMarksNeverEncloseSurroundingWhitespace() {
        // matches at the end of one line and the start of the next once gave "**partition key **• each"
        for (String query : List.of("partition key shards", "consumers visibility timeout")) {
            for (SearchResult result : found(query).results()) {
                Matcher bold = BOLD.matcher(result.snippet());
                while (bold.find()) {
                    String inside = bold.group(1);
                    assertEquals(inside.strip(), inside, "bold span with spaces in: " + result.snippet());
                }
            }
        }
    }

    @Test
    void shownPassagesAndSnippetsStayWithinChatLimits() {
        SearchResponse response = found("zeppelin flight mail ocean");
        for (SearchResult result : response.results()) {
            assertTrue(result.passage().text().length() <= Passage.MAX_TEXT_CHARS,
                    "passage of " + result.passage().text().length());
            assertTrue(result.snippet().length() <= Passage.MAX_TEXT_CHARS, "snippet of " + result.snippet().length());
            assertEquals(List.of("Zeppelin log"), result.passage().headingPath());
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }
}
