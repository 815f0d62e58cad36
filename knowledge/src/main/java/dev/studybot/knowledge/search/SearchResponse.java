package dev.studybot.knowledge.search;

import java.util.List;

/**
 * The answer to one lookup.
 *
 * @param query      the query as typed
 * @param status     whether results were found, and if not, why
 * @param results    best first; empty unless {@code status} is {@link Status#FOUND}
 * @param suggestion the query with misspelt words corrected ("did you mean"), or null
 * @param message    a sentence for the user when there are no results (or the query was trimmed), or null
 */
public record SearchResponse(String query, Status status, List<SearchResult> results, String suggestion,
                             String message) {

    public enum Status {
        FOUND,
        /** Nothing in the notes is about the query. */
        NO_MATCH,
        /** Blank query, or one with no searchable word in it. */
        EMPTY_QUERY,
        TOO_LONG
    }

    public SearchResponse {
        results = List.copyOf(results);
    }
}
