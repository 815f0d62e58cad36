package dev.studybot.knowledge.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybot.knowledge.analysis.StudyAnalyzers;
import dev.studybot.knowledge.index.PassageFields;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.Test;

class SnippetsTest {

    private static String filler(int words, String prefix) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words; i++) {
            out.append(prefix).append(i).append(' ');
        }
        return out.toString();
    }

    private static int marks(String text) {
        int n = 0;
        for (int i = text.indexOf("**"); i >= 0; i = text.indexOf("**", i + 2)) {
            n++;
        }
        return n;
    }

    @Test
    void shortSnippetIsLeftAlone() {
        String snippet = "the **visibility** timeout hides a message";
        assertEquals(snippet, Snippets.shorten(snippet));
    }

    @Test
    void longSnippetIsCutAroundItsFirstMatchWithBalancedMarks() {
        for (int before = 0; before < 120; before += 7) {
            for (int spanWords = 1; spanWords < 60; spanWords += 11) {
                String snippet = filler(before, "a") + "**target** " + filler(10, "b")
                        + "**" + filler(spanWords, "c").strip() + "** " + filler(80, "d");
                String shortened = Snippets.shorten(snippet);
                String context = "before=" + before + " span=" + spanWords + ": " + shortened;
                assertTrue(shortened.length() <= Snippets.MAX_CHARS + 2 + 2 * Snippets.MARK.length(), context);
                assertTrue(shortened.contains("**target**"), context);
                assertEquals(0, marks(shortened) % 2, context);
                assertFalse(shortened.contains("***"), context);
                assertTrue(shortened.endsWith("…"), context);
            }
        }
    }

    private static Snippets snippetsFor(String query) {
        return new Snippets(new QueryBuilder(StudyAnalyzers.index()).createBooleanQuery(PassageFields.BODY, query));
    }

    @Test
    void picksTheLinesWithMostQueryWordsAndBoldsEveryForm() {
        String text = """
                - Spot capacity is cheap
                - unrelated line about billing
                - Spot Instances get a two-minute interruption notice
                - another unrelated line""";
        String snippet = snippetsFor("spot instance interruptions").of(text);

        assertTrue(snippet.startsWith("- **Spot** capacity"), snippet);
        assertTrue(snippet.contains("**Spot** **Instances** get a two-minute **interruption** notice"), snippet);
        assertFalse(snippet.contains("billing"), snippet);
    }

    @Test
    void withoutAnyMatchTheFirstLineIsShown() {
        assertEquals("- first line", snippetsFor("kinesis").of("- first line\n- second line"));
    }

    @Test
    void overlappingChineseBigramsBecomeOneBoldRun() {
        String snippet = snippetsFor("最便宜的选择").of("你自动帮我找到最便宜的选择");
        assertTrue(snippet.contains("**最便宜的选择**"), snippet);
        assertEquals(2, marks(snippet), snippet);
    }
}
