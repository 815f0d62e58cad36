package dev.studybot.knowledge.eval;

import java.util.List;

/** One line of an evaluation set: a query and the strings any of which a good result contains. */
public record EvalQuery(String id, String query, List<String> answers) {

    public EvalQuery {
        answers = List.copyOf(answers);
    }

    /** Whether a shown result's text answers the query. */
    public boolean isAnsweredBy(String resultText) {
        return answers.stream().anyMatch(resultText::contains);
    }
}
