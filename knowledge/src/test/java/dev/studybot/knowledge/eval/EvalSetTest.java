package dev.studybot.knowledge.eval;

import static dev.studybot.knowledge.TestNotes.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalSetTest {

    @TempDir
    Path folder;

    @Test
    void headerIsSkippedAndAnswersAreSplitOnSpacedBars() {
        List<EvalQuery> queries = EvalSet.parse(List.of(
                "id\tquery\tanswers\tnotes",
                "q1\tspot interruption notice\ttwo-minute | interruption notice",
                "",
                " q2 \t  how many shards  \tshard|partition | one megabyte \tignored column\tanother"), "set.tsv");

        assertEquals(2, queries.size());
        assertEquals(new EvalQuery("q1", "spot interruption notice", List.of("two-minute", "interruption notice")),
                queries.get(0));
        EvalQuery q2 = queries.get(1);
        assertEquals("q2", q2.id());
        assertEquals("how many shards", q2.query());
        assertEquals(List.of("shard|partition", "one megabyte"), q2.answers());
    }

    @Test
    void headerIsRecognisedWhateverItsCase() {
        List<EvalQuery> queries = EvalSet.parse(List.of("ID\tQuery\tAnswers", "a\tb\tc"), "set.tsv");
        assertEquals(List.of(new EvalQuery("a", "b", List.of("c"))), queries);
    }

    @Test
    void linesStartingWithAHashAreComments() {
        List<EvalQuery> queries = EvalSet.parse(List.of("id\tquery\tanswers", "# 0 helpful, 2 not: nat gateway",
                "q1\tvpc peering\ttransitive"), "set.tsv");
        assertEquals(List.of(new EvalQuery("q1", "vpc peering", List.of("transitive"))), queries);
    }

    @Test
    void firstLineThatIsNotAHeaderIsAQuery() {
        List<EvalQuery> queries = EvalSet.parse(List.of("q1\tvpc peering\ttransitive"), "set.tsv");
        assertEquals(1, queries.size());
        assertEquals("vpc peering", queries.get(0).query());
    }

    @Test
    void malformedLineIsAnIllegalArgumentWithFileAndLine() {
        List<String> missingAnswers = List.of("id\tquery\tanswers", "q1\tok\tfine", "q2\tno answers here");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EvalSet.parse(missingAnswers, "evals/set.tsv"));
        assertTrue(e.getMessage().contains("evals/set.tsv:3"), e.getMessage());

        List<String> blankQuery = List.of("q1\t \tanswer");
        e = assertThrows(IllegalArgumentException.class, () -> EvalSet.parse(blankQuery, "x.tsv"));
        assertTrue(e.getMessage().contains("x.tsv:1"), e.getMessage());

        List<String> blankAnswers = List.of("id\tquery\tanswers", "q1\tquery\t  ");
        e = assertThrows(IllegalArgumentException.class, () -> EvalSet.parse(blankAnswers, "y.tsv"));
        assertTrue(e.getMessage().contains("y.tsv:2"), e.getMessage());

        List<String> spaces = List.of("q1 query with spaces not tabs answer");
        e = assertThrows(IllegalArgumentException.class, () -> EvalSet.parse(spaces, "z.tsv"));
        assertTrue(e.getMessage().contains("z.tsv:1"), e.getMessage());
    }

    @Test
    void setWithoutQueriesIsAnIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> EvalSet.parse(List.of("id\tquery\tanswers", ""), "e.tsv"));
        assertThrows(IllegalArgumentException.class, () -> EvalSet.parse(List.of(), "e.tsv"));
    }

    @Test
    void readParsesAFileAndNamesItInErrors() {
        Path good = write(folder, "good.tsv", "id\tquery\tanswers\nq1\tglacier retrieval\thours | minutes\n");
        assertEquals(List.of(new EvalQuery("q1", "glacier retrieval", List.of("hours", "minutes"))),
                EvalSet.read(good));

        Path bad = write(folder, "bad.tsv", "id\tquery\tanswers\nq1\tglacier retrieval\thours\nbroken line\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EvalSet.read(bad));
        assertTrue(e.getMessage().contains("bad.tsv:3"), e.getMessage());

        assertThrows(UncheckedIOException.class, () -> EvalSet.read(folder.resolve("missing.tsv")));
    }

    @Test
    void queryIsAnsweredByTextContainingAnyAnswer() {
        EvalQuery query = new EvalQuery("q", "x", List.of("two-minute", "interruption notice"));
        assertTrue(query.isAnsweredBy("gives a two-minute warning"));
        assertTrue(query.isAnsweredBy("an interruption notice first"));
        assertFalse(query.isAnsweredBy("an interruption, then a notice"));
    }
}
