package dev.studybot.knowledge.eval;

import static dev.studybot.knowledge.TestNotes.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybot.knowledge.KnowledgeBase;
import dev.studybot.knowledge.analysis.Synonyms;
import dev.studybot.knowledge.index.IndexProgress;
import dev.studybot.knowledge.notes.Passage;
import dev.studybot.knowledge.search.SearchResponse;
import dev.studybot.knowledge.search.SearchResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluatorTest {

    private static final double EPS = 1e-9;

    private static SearchResponse shown(String query, String... texts) {
        List<SearchResult> results = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            Passage passage = new Passage("f.md", i + 1, List.of("H"), texts[i], List.of());
            results.add(new SearchResult(passage, texts[i], texts.length - i, List.of()));
        }
        return new SearchResponse(query, results.isEmpty() ? SearchResponse.Status.NO_MATCH
                : SearchResponse.Status.FOUND, results, null, results.isEmpty() ? "nothing" : null);
    }

    @Test
    void offTopicQueriesCountThoseAnsweredWithNothing() {
        Map<String, SearchResponse> responses = Map.of(
                "pizza", shown("pizza"),
                "amplify", shown("amplify", "something near it"),
                "bedrock", shown("bedrock"));
        List<EvalQuery> queries = List.of(new EvalQuery("o1", "pizza", List.of("food")),
                new EvalQuery("o2", "amplify", List.of("hosting")), new EvalQuery("o3", "bedrock", List.of("models")));

        OffTopicReport report = Evaluator.runOffTopic(queries, (q, limit) -> responses.get(q));

        assertEquals(3, report.queries());
        assertEquals(List.of("o2"), report.found().stream().map(found -> found.query().id()).toList());
        assertEquals(2.0 / 3, report.nothingShare(), EPS);
        assertEquals("nothing=2/3 (0.667)", report.summary());
    }

    @Test
    void metricsFromKnownRankings() {
        Map<String, SearchResponse> responses = Map.of(
                "first", shown("first", "the answer is here", "noise"),
                "second", shown("second", "noise", "noise again", "the answer is here"),
                "third", shown("third", "noise", "the answer is here"),
                "none", shown("none"));
        List<EvalQuery> queries = List.of(
                new EvalQuery("a", "first", List.of("answer")),
                new EvalQuery("b", "second", List.of("answer")),
                new EvalQuery("c", "third", List.of("nope", "answer")),
                new EvalQuery("d", "none", List.of("answer")));
        List<Integer> limits = new ArrayList<>();

        EvalReport report = Evaluator.run(queries, 5, (q, limit) -> {
            limits.add(limit);
            return responses.get(q);
        });

        assertEquals(List.of(5, 5, 5, 5), limits);
        assertEquals(4, report.queries());
        assertEquals(1.0 / 4, report.hitAt1(), EPS);
        assertEquals(3.0 / 4, report.hitAt3(), EPS, "answers at ranks 1, 2 and 3 count");
        assertEquals(3.0 / 4, report.hitAtK(), EPS);
        assertEquals((1 + 1.0 / 3 + 1.0 / 2 + 0) / 4, report.mrr(), EPS);
        assertEquals(List.of("b", "c", "d"), report.misses().stream().map(m -> m.query().id()).toList());
        assertEquals(List.of(3, 2, 0), report.misses().stream().map(EvalReport.Miss::rank).toList());
        assertEquals(3, report.misses().get(0).shown().size());
        assertEquals(List.of(), report.misses().get(2).shown());
    }

    @TempDir
    Path notes;
    @TempDir
    Path data;

    @Test
    void metricsOnATinyNotesFolder() {
        write(notes, "streams.md", """
                # Streams

                ## Kinesis Data Streams

                Kinesis splits incoming records across shards, and every shard takes a fixed write rate.

                ## Firehose

                Firehose delivers a Kinesis feed into storage without any code.

                ## Queues

                A queue decouples producers from consumers.
                """);
        List<EvalQuery> queries = List.of(
                new EvalQuery("hit-at-1", "kinesis shards", List.of("every shard takes")),
                new EvalQuery("hit-at-2", "shards of kinesis", List.of("Firehose delivers")),
                new EvalQuery("miss", "amplify react hosting", List.of("Amplify")));

        try (KnowledgeBase kb = KnowledgeBase.open(notes, data, Synonyms.parse("asg, auto scaling group", "test"),
                IndexProgress.SILENT)) {
            // the setup this test relies on: both Kinesis passages are found, the shard one first
            List<SearchResult> shown = kb.search("shards of kinesis", 5).results();
            assertTrue(shown.size() >= 2, "results: " + shown);
            assertTrue(shown.get(1).passage().text().contains("Firehose delivers"), "results: " + shown);

            EvalReport report = Evaluator.run(queries, 5, kb::search);

            assertEquals(3, report.queries());
            assertEquals(1.0 / 3, report.hitAt1(), EPS);
            assertEquals(2.0 / 3, report.hitAtK(), EPS);
            assertEquals((1 + 0.5 + 0) / 3, report.mrr(), EPS);
            assertEquals(2, report.misses().size());
            EvalReport.Miss second = report.misses().get(0);
            assertEquals("hit-at-2", second.query().id());
            assertEquals(2, second.rank());
            assertTrue(second.shown().get(0).startsWith("streams.md:"), second.shown().toString());
            assertTrue(second.shown().get(0).contains("Streams › Kinesis Data Streams"), second.shown().toString());
            EvalReport.Miss miss = report.misses().get(1);
            assertEquals("miss", miss.query().id());
            assertEquals(0, miss.rank());
            assertEquals("hit@1=0.333 hit@3=0.667 hit@5=0.667 mrr=0.500 queries=3", report.summary(5));
        }
    }
}
