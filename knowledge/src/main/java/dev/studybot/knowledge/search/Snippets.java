package dev.studybot.knowledge.search;

import dev.studybot.knowledge.analysis.StudyAnalyzers;
import dev.studybot.knowledge.index.PassageFields;
import dev.studybot.knowledge.notes.Span;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * The best line or two of a passage, with the query's words in bold ({@code **word**}).
 *
 * <p>Not Lucene's UnifiedHighlighter: it opens postings for every query term and synonym in every
 * shown passage, which made it half the cost of a lookup. A passage is at most 1,500 characters, so
 * analysing it again and marking the query's terms is cheaper and gives the same marks.
 */
final class Snippets {

    static final String MARK = "**";
    /** A snippet is a glance, not the passage: long lines are cut around the first match. */
    static final int MAX_CHARS = 300;
    private static final int LINES = 2;
    private static final String ELLIPSIS = " … ";

    private final Set<String> terms;

    /** Marks the terms that {@code query} looks for in passage text. */
    Snippets(Query query) {
        Set<Term> all = new HashSet<>();
        query.visit(QueryVisitor.termCollector(all));
        Set<String> bodyTerms = new HashSet<>();
        for (Term term : all) {
            if (term.field().equals(PassageFields.BODY)) {
                bodyTerms.add(term.text());
            }
        }
        this.terms = bodyTerms;
    }

    private record Line(int start, int end, List<int[]> matches, int distinct) {
    }

    /** For each of {@code spans} of {@code text}, how many distinct query terms it holds. */
    int[] distinctTermsIn(String text, List<Span> spans) {
        List<int[]> matches = matches(text);
        int[] counts = new int[spans.size()];
        for (int i = 0; i < spans.size(); i++) {
            Set<Integer> distinct = new HashSet<>();
            for (int[] match : matches) {
                if (match[0] >= spans.get(i).start() && match[1] <= spans.get(i).end()) {
                    distinct.add(match[2]);
                }
            }
            counts[i] = distinct.size();
        }
        return counts;
    }

    String of(String text) {
        List<Line> lines = lines(text, matches(text));
        List<Line> best = new ArrayList<>();
        for (Line line : lines) {
            if (line.distinct() > 0) {
                best.add(line);
            }
        }
        best.sort((a, b) -> b.distinct() != a.distinct() ? b.distinct() - a.distinct() : b.matches().size() - a.matches().size());
        List<Line> chosen = best.isEmpty() ? lines.subList(0, 1) : best.subList(0, Math.min(LINES, best.size()));
        StringBuilder snippet = new StringBuilder();
        lines.stream().filter(chosen::contains).forEach(line -> {
            if (snippet.length() > 0) {
                snippet.append(ELLIPSIS);
            }
            snippet.append(marked(text, line));
        });
        return shorten(snippet.toString().strip());
    }

    /** Offsets of the tokens of {@code text} that the query looks for, with the term each is. */
    private List<int[]> matches(String text) {
        List<int[]> matches = new ArrayList<>();
        List<String> matchedTerms = new ArrayList<>();
        try (TokenStream stream = StudyAnalyzers.index().tokenStream(PassageFields.BODY, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String value = term.toString();
                if (terms.contains(value)) {
                    int index = matchedTerms.indexOf(value);
                    if (index < 0) {
                        matchedTerms.add(value);
                        index = matchedTerms.size() - 1;
                    }
                    matches.add(new int[] {offset.startOffset(), offset.endOffset(), index});
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return matches;
    }

    private static List<Line> lines(String text, List<int[]> matches) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end;
            List<int[]> inLine = new ArrayList<>();
            Set<Integer> distinct = new HashSet<>();
            for (int[] match : matches) {
                if (match[0] >= start && match[1] <= end) {
                    inLine.add(match);
                    distinct.add(match[2]);
                }
            }
            if (end > start) {
                lines.add(new Line(start, end, inLine, distinct.size()));
            }
            start = end + 1;
        }
        if (lines.isEmpty()) {
            lines.add(new Line(0, text.length(), List.of(), 0));
        }
        return lines;
    }

    /** The line with each match in bold; overlapping matches (CJK bigrams) become one bold run. */
    private static String marked(String text, Line line) {
        StringBuilder out = new StringBuilder();
        int at = line.start();
        int i = 0;
        List<int[]> matches = line.matches();
        while (i < matches.size()) {
            int start = matches.get(i)[0];
            int end = matches.get(i)[1];
            while (i + 1 < matches.size() && matches.get(i + 1)[0] <= end) {
                end = Math.max(end, matches.get(++i)[1]);
            }
            out.append(text, at, start).append(MARK).append(text, start, end).append(MARK);
            at = end;
            i++;
        }
        return out.append(text, at, line.end()).toString().strip();
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
