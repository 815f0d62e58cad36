package dev.studybot.knowledge.search;

import dev.studybot.knowledge.notes.Passage;
import dev.studybot.knowledge.notes.Span;
import java.util.List;

/**
 * One passage found for a query.
 *
 * @param passage the passage, whose text is exactly what a chat user is shown
 * @param snippet the best-matching line(s) of the passage, query words wrapped in {@code **}
 * @param score   relevance, only comparable within one response
 * @param answer  the line(s) of the passage's text that answer the query best, in order (empty when
 *                searching by words alone)
 */
public record SearchResult(Passage passage, String snippet, float score, List<Span> answer) {

    public SearchResult {
        answer = List.copyOf(answer);
    }

    /** The text of the answering line(s), one per line. */
    public String answerText() {
        return String.join("\n", answer.stream().map(span -> span.of(passage.text())).toList());
    }
}
