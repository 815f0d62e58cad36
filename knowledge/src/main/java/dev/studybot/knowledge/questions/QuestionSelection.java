package dev.studybot.knowledge.questions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/** Picks questions from a pool: by topic, and a number of them spread over topics, bank questions first. */
public final class QuestionSelection {

    private QuestionSelection() {
    }

    /** Questions whose topic path mentions {@code topic} (any case); all when it is null or blank. */
    public static List<Question> onTopic(List<Question> pool, String topic) {
        if (topic == null || topic.isBlank()) {
            return pool;
        }
        String wanted = topic.strip().toLowerCase(Locale.ROOT);
        return pool.stream()
                .filter(q -> String.join(" › ", q.topic()).toLowerCase(Locale.ROOT).contains(wanted))
                .toList();
    }

    /**
     * Up to {@code count} questions: the team's bank questions first, then generated ones taken a topic
     * at a time in turn, so a short quiz is not ten questions on one heading. The seed fixes the order.
     */
    public static List<Question> pick(List<Question> pool, int count, long seed) {
        Random random = new Random(seed);
        List<Question> picked = new ArrayList<>();
        Map<String, List<Question>> byTopic = new LinkedHashMap<>();
        for (Question question : pool) {
            if (question.kind().equals(QuestionBank.KIND)) {
                picked.add(question);
            } else {
                byTopic.computeIfAbsent(String.join(" › ", question.topic()), key -> new ArrayList<>()).add(question);
            }
        }
        Collections.shuffle(picked, random);
        List<List<Question>> topics = new ArrayList<>(byTopic.values());
        Collections.shuffle(topics, random);
        topics.forEach(questions -> Collections.shuffle(questions, random));
        for (int round = 0; picked.size() < count; round++) {
            boolean any = false;
            for (List<Question> questions : topics) {
                if (round < questions.size() && picked.size() < count) {
                    picked.add(questions.get(round));
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        return picked.subList(0, Math.min(count, picked.size()));
    }
}
