package dev.studybot.knowledge.search;

import dev.studybot.knowledge.index.PassageFields;
import dev.studybot.knowledge.notes.Passage;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.CustomSeparatorBreakIterator;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/** The best line or two of each passage, with the query's words in bold ({@code **word**}). */
final class Snippets {

    static final String MARK = "**";
    /** A snippet is a glance, not the passage: long lines are cut around the first match. */
    static final int MAX_CHARS = 300;
    private static final int LINES = 2;
    private static final String ELLIPSIS = " … ";

    private final UnifiedHighlighter highlighter;

    Snippets(IndexSearcher searcher, Analyzer indexAnalyzer) {
        this.highlighter = UnifiedHighlighter.builder(searcher, indexAnalyzer)
                .withFormatter(new DefaultPassageFormatter(MARK, MARK, ELLIPSIS, false))
                // Lines are the natural unit of notes; sentences are rare in bullet points.
                .withBreakIterator(() -> new CustomSeparatorBreakIterator('\n'))
                .withMaxLength(Passage.MAX_TEXT_CHARS + 1)
                // Phrase-exact highlighting costs several times more and changes little in a short snippet.
                .withHighlightPhrasesStrictly(false)
                .build();
    }

    String[] of(Query query, ScoreDoc[] docs, Passage[] passages) {
        String[] highlighted;
        try {
            TopDocs top = new TopDocs(new TotalHits(docs.length, TotalHits.Relation.EQUAL_TO), docs);
            highlighted = highlighter.highlight(PassageFields.BODY, query, top, LINES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] snippets = new String[docs.length];
        for (int i = 0; i < docs.length; i++) {
            String snippet = highlighted[i] == null ? firstLine(passages[i].text()) : highlighted[i];
            snippets[i] = shorten(snippet.replace('\n', ' ').strip());
        }
        return snippets;
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    /** Cuts a long snippet to a window around its first match, never inside a bold mark. */
    static String shorten(String snippet) {
        if (snippet.length() <= MAX_CHARS) {
            return snippet;
        }
        int firstMatch = Math.max(0, snippet.indexOf(MARK));
        int start = Math.max(0, firstMatch - MAX_CHARS / 4);
        start = start == 0 ? 0 : Math.max(0, snippet.lastIndexOf(' ', start) + 1);
        int end = Math.min(snippet.length(), start + MAX_CHARS);
        int space = snippet.lastIndexOf(' ', end);
        if (end < snippet.length() && space > start + MAX_CHARS / 2) {
            end = space;
        }
        String window = snippet.substring(start, end);
        if (countMarks(window) % 2 == 1) {
            window = window + MARK;
        }
        return (start > 0 ? "…" : "") + window.strip() + (end < snippet.length() ? "…" : "");
    }

    private static int countMarks(String text) {
        int count = 0;
        for (int i = text.indexOf(MARK); i >= 0; i = text.indexOf(MARK, i + MARK.length())) {
            count++;
        }
        return count;
    }
}
