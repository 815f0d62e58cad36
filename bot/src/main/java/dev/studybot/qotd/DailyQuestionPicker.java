package dev.studybot.qotd;

import dev.studybot.knowledge.questions.Question;
import dev.studybot.knowledge.questions.QuestionBank;
import dev.studybot.knowledge.questions.QuestionSelection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Chooses a channel's question of the day: none asked there before until the pool is used up, the
 * team's bank questions first, none retired from service, and topics in turn (the topic asked least so far in the channel).
 */
final class DailyQuestionPicker {

    /** Replaced whole when the notes change; a pick sees either the old pool or the new one. */
    private volatile List<Question> pool;
    private final long seed;
    private final Predicate<String> inService;

    /** @param inService whether a question (by id) may be asked: retired ones are left out */
    DailyQuestionPicker(List<Question> pool, long seed, Predicate<String> inService) {
        this.pool = List.copyOf(pool);
        this.seed = seed;
        this.inService = inService;
    }

    void replace(List<Question> newPool) {
        this.pool = List.copyOf(newPool);
    }

    /**
     * @param topics only these topics (heading path mentions one); empty for any
     * @param asked  ids of the questions of the day already asked in the channel
     */
    Optional<Question> pick(List<String> topics, Set<String> asked, String channelKey, LocalDate day) {
        List<Question> current = pool.stream().filter(q -> inService.test(q.id())).toList();
        List<Question> allowed = topics.isEmpty() ? current
                : current.stream().filter(q -> topics.stream().anyMatch(t -> !QuestionSelection.onTopic(List.of(q), t).isEmpty()))
                        .toList();
        if (allowed.isEmpty()) {
            return Optional.empty();
        }
        List<Question> fresh = allowed.stream().filter(q -> !asked.contains(q.id())).toList();
        List<Question> candidates = fresh.isEmpty() ? allowed : fresh;
        List<Question> bank = candidates.stream().filter(q -> q.kind().equals(QuestionBank.KIND)).toList();
        if (!bank.isEmpty()) {
            candidates = bank;
        }
        Map<String, Integer> askedPerTopic = new HashMap<>();
        for (Question question : allowed) {
            if (asked.contains(question.id())) {
                askedPerTopic.merge(topicOf(question), 1, Integer::sum);
            }
        }
        Random random = new Random(seed ^ channelKey.hashCode() ^ day.toEpochDay());
        List<String> order = new ArrayList<>(candidates.stream().map(DailyQuestionPicker::topicOf).distinct().sorted().toList());
        Collections.shuffle(order, random);
        String topic = order.stream()
                .min(Comparator.comparingInt((String t) -> askedPerTopic.getOrDefault(t, 0)))
                .orElseThrow();
        List<Question> onTopic = candidates.stream().filter(q -> topicOf(q).equals(topic)).toList();
        return Optional.of(onTopic.get(random.nextInt(onTopic.size())));
    }

    private static String topicOf(Question question) {
        return question.topic().isEmpty() ? question.file() : question.topic().get(0);
    }
}
