package dev.studybot.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.studybot.knowledge.notes.Passage;
import dev.studybot.knowledge.search.SearchResponse;
import dev.studybot.knowledge.search.SearchResult;

/** The one-line JSON form of a lookup that other tools read (see README, "search --json"). */
final class SearchJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SearchJson() {
    }

    static String of(SearchResponse response) {
        ObjectNode root = JSON.createObjectNode();
        root.put("query", response.query());
        ArrayNode results = root.putArray("results");
        for (SearchResult result : response.results()) {
            Passage passage = result.passage();
            ObjectNode node = results.addObject();
            node.put("file", passage.file());
            node.put("line", passage.line());
            ArrayNode path = node.putArray("path");
            passage.headingPath().forEach(path::add);
            node.put("text", passage.text());
            node.put("snippet", result.snippet());
            node.put("answer", result.answerText());
            node.put("score", Math.round(result.score() * 1000) / 1000.0);
            ArrayNode links = node.putArray("links");
            passage.links().forEach(links::add);
        }
        root.put("suggestion", response.suggestion());
        root.put("status", response.status().name().toLowerCase(java.util.Locale.ROOT));
        if (response.message() != null) {
            root.put("message", response.message());
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A tree of strings and numbers always serialises", e);
        }
    }
}
