package dev.studybot.knowledge.questions;

import java.util.List;

/**
 * A question before its choices are shuffled and before it has passed the quality gates.
 *
 * @param mask   words that must not appear in the prompt, or they would give the answer away
 * @param doubts what makes it weaker without ruling it out; each lowers its score
 */
record Draft(String kind, List<String> topic, String prompt, String correct, List<String> distractors,
             String file, int line, String explanation, List<String> mask, List<String> doubts) {

    Draft {
        topic = List.copyOf(topic);
        distractors = List.copyOf(distractors);
        mask = List.copyOf(mask);
        doubts = List.copyOf(doubts);
    }

    Draft withExplanation(String text) {
        return new Draft(kind, topic, prompt, correct, distractors, file, line, text, mask, doubts);
    }
}
