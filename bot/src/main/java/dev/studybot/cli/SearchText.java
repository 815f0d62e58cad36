package dev.studybot.cli;

import dev.studybot.knowledge.notes.Passage;
import dev.studybot.knowledge.search.SearchResponse;
import dev.studybot.knowledge.search.SearchResult;

/** A lookup as plain text for a terminal. */
final class SearchText {

    private SearchText() {
    }

    static String of(SearchResponse response) {
        StringBuilder out = new StringBuilder();
        if (response.suggestion() != null) {
            out.append("Did you mean: ").append(response.suggestion()).append('\n');
        }
        if (response.message() != null) {
            out.append(response.message()).append('\n');
        }
        int rank = 0;
        for (SearchResult result : response.results()) {
            Passage passage = result.passage();
            out.append('\n').append(++rank).append(". ")
                    .append(passage.headingPath().isEmpty() ? passage.file() : passage.headingTrail())
                    .append("  (").append(passage.file()).append(':').append(passage.line()).append(")\n");
            for (String line : passage.text().split("\n")) {
                out.append("   ").append(line).append('\n');
            }
        }
        return out.toString();
    }
}
