package dev.studybot.knowledge.eval;

import dev.studybot.knowledge.search.SearchResponse;
import dev.studybot.knowledge.search.SearchResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** Runs an evaluation set through search and scores what a user would have been shown. */
public final class Evaluator {

    private Evaluator() {
    }

    public static EvalReport run(List<EvalQuery> queries, int limit, BiFunction<String, Integer, SearchResponse> search) {
        int hitsAt1 = 0;
        int hitsAt3 = 0;
        int hitsAtK = 0;
        double reciprocalRanks = 0;
        List<EvalReport.Miss> misses = new ArrayList<>();
        for (EvalQuery query : queries) {
            List<SearchResult> results = search.apply(query.query(), limit).results();
            int rank = 0;
            for (int i = 0; i < results.size() && rank == 0; i++) {
                if (query.isAnsweredBy(results.get(i).passage().text())) {
                    rank = i + 1;
                }
            }
            if (rank == 1) {
                hitsAt1++;
            } else {
                misses.add(new EvalReport.Miss(query, rank, results.stream()
                        .map(r -> r.passage().file() + ":" + r.passage().line() + " " + r.passage().headingTrail())
                        .toList()));
            }
            if (rank > 0 && rank <= 3) {
                hitsAt3++;
            }
            if (rank > 0) {
                hitsAtK++;
                reciprocalRanks += 1.0 / rank;
            }
        }
        int n = queries.size();
        return new EvalReport((double) hitsAt1 / n, (double) hitsAt3 / n, (double) hitsAtK / n, reciprocalRanks / n, n, misses);
    }

    /** Runs queries the notes do not cover: each one answered with results is a failure. */
    public static OffTopicReport runOffTopic(List<EvalQuery> queries, BiFunction<String, Integer, SearchResponse> search) {
        List<OffTopicReport.Found> found = new ArrayList<>();
        for (EvalQuery query : queries) {
            SearchResponse response = search.apply(query.query(), 1);
            if (!response.results().isEmpty()) {
                SearchResult first = response.results().get(0);
                found.add(new OffTopicReport.Found(query, first.passage().file() + ":" + first.passage().line() + " "
                        + first.passage().headingTrail()));
            }
        }
        return new OffTopicReport(queries.size(), found);
    }
}
