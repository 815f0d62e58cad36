package dev.studybot.study;

import dev.studybot.chat.Reply;
import dev.studybot.knowledge.notes.Passage;
import dev.studybot.knowledge.notes.Span;
import dev.studybot.knowledge.search.SearchResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A search result as a reply shows it: the whole passage, or only the lines that answer the query (the gist), which
 * a "Show full passage" button then completes.
 */
final class SearchExcerpts {

    /** Stands for the lines a gist leaves out, where they were. */
    static final String LEFT_OUT = "…";

    private SearchExcerpts() {
    }

    /** The whole passage, its answering lines marked. */
    static Reply.Excerpt whole(SearchResult result) {
        Passage passage = result.passage();
        return new Reply.Excerpt(trail(passage), passage.file() + ":" + passage.line(), passage.text(), passage.links(),
                answerLines(result));
    }

    /**
     * Only the answering lines, in order, with {@link #LEFT_OUT} where other lines were; the whole passage when no
     * line answers or every line does (nothing would be left out).
     *
     * @param number the result's place in the lookup (1 for the first), put before its heading path so that the
     *               "Show full passage" button naming it can be matched to it
     */
    static Reply.Excerpt gist(SearchResult result, int number) {
        Reply.Excerpt whole = whole(result);
        Reply.Excerpt numbered = new Reply.Excerpt(number + ". " + whole.trail(), whole.source(), whole.text(),
                whole.links(), whole.answerLines());
        if (!shortened(result)) {
            return numbered;
        }
        List<String> lines = whole.text().lines().toList();
        List<String> kept = new ArrayList<>();
        Set<Integer> marked = new HashSet<>();
        int last = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (!whole.answerLines().contains(i)) {
                continue;
            }
            if (i > last + 1) {
                kept.add(LEFT_OUT);
            }
            marked.add(kept.size());
            kept.add(lines.get(i));
            last = i;
        }
        if (last < lines.size() - 1) {
            kept.add(LEFT_OUT);
        }
        return new Reply.Excerpt(numbered.trail(), numbered.source(), String.join("\n", kept), numbered.links(), marked);
    }

    /** Whether the result's gist leaves lines out, so that it has a "Show full passage" button. */
    static boolean shortened(SearchResult result) {
        Set<Integer> answering = answerLines(result);
        return !answering.isEmpty() && answering.size() < result.passage().text().lines().count();
    }

    /** The 0-based lines of the passage's text that the search found to answer the query. */
    static Set<Integer> answerLines(SearchResult result) {
        String text = result.passage().text();
        Set<Integer> lines = new HashSet<>();
        for (Span span : result.answer()) {
            lines.add((int) text.substring(0, span.start()).chars().filter(c -> c == '\n').count());
        }
        return lines;
    }

    private static String trail(Passage passage) {
        return passage.headingPath().isEmpty() ? passage.file() : passage.headingTrail();
    }
}
