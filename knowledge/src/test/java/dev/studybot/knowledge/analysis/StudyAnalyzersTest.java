package dev.studybot.knowledge.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

class StudyAnalyzersTest {

    static List<String> tokens(Analyzer analyzer, String text) {
        return StudyAnalyzers.terms(analyzer, text);
    }

    @Test
    void kstemKeepsReadableStems() {
        List<String> stems = tokens(StudyAnalyzers.index(), "Instances Policies queries buckets");
        assertEquals(List.of("instance", "policy", "query", "bucket"), stems);
    }

    @Test
    void indexAndQueryAgreeOnStems() {
        Analyzer query = StudyAnalyzers.query(Synonyms.parse("foo, bar baz", "test"));
        assertEquals(tokens(StudyAnalyzers.index(), "instance"), tokens(query, "instances"));
        assertEquals(tokens(StudyAnalyzers.index(), "Policies"), tokens(query, "policy"));
    }

    @Test
    void possessivesAndCaseAreFolded() {
        assertEquals(List.of("aws", "bucket"), tokens(StudyAnalyzers.index(), "AWS's Bucket"));
    }

    @Test
    void spellingAnalyzerDoesNotStem() {
        assertEquals(List.of("instances", "policies"), tokens(StudyAnalyzers.spelling(), "Instances policies"));
    }

    @Test
    void queryAnalyzerDropsQuestionWords() {
        Analyzer query = StudyAnalyzers.query(Synonyms.parse("foo, bar baz", "test"));
        List<String> words = tokens(query, "What is the difference between spot and reserved instances, and how do I choose?");
        for (String dropped : List.of("what", "is", "the", "between", "and", "how", "do", "i")) {
            assertFalse(words.contains(dropped), dropped + " kept in " + words);
        }
        assertTrue(words.contains("spot"), words.toString());
        assertTrue(words.contains("instance"), words.toString());
        assertTrue(words.contains("difference") || words.contains("differ"), words.toString());
        assertTrue(StudyAnalyzers.isQueryStopWord("which"));
        assertFalse(StudyAnalyzers.isQueryStopWord("lambda"));
    }

    @Test
    void indexAnalyzerKeepsEveryWord() {
        // question words are dropped from queries only; passages keep them (e.g. "What's new" headings)
        assertTrue(tokens(StudyAnalyzers.index(), "how it works").contains("how"));
    }

    @Test
    void queryAnalyzerExpandsSynonyms() {
        Analyzer query = StudyAnalyzers.query(Synonyms.parse("asg, auto scaling group", "test"));
        List<String> fromAcronym = tokens(query, "asg");
        assertTrue(fromAcronym.containsAll(List.of("asg", "auto", "group")), fromAcronym.toString());
        List<String> fromPhrase = tokens(query, "auto scaling group");
        assertTrue(fromPhrase.contains("asg"), fromPhrase.toString());
    }

    @Test
    void chineseBecomesOverlappingBigrams() {
        List<String> cjk = tokens(StudyAnalyzers.index(), "归档层");
        assertEquals(List.of("归档", "档层"), cjk);
        Analyzer query = StudyAnalyzers.query(Synonyms.parse("foo, bar baz", "test"));
        assertEquals(List.of("归档"), tokens(query, "归档"));
    }

    @Test
    void fullWidthLatinIsFolded() {
        assertEquals(tokens(StudyAnalyzers.index(), "s3"), tokens(StudyAnalyzers.index(), "Ｓ３"));
    }
}
