package dev.studybot.knowledge.search;

import dev.studybot.knowledge.notes.Passage;

/**
 * One passage found for a query.
 *
 * @param passage the passage, whose text is exactly what a chat user is shown
 * @param snippet the best-matching line(s) of the passage, query words wrapped in {@code **}
 * @param score   relevance, only comparable within one response
 */
public record SearchResult(Passage passage, String snippet, float score) {
}
