package dev.studybot.study;

import dev.studybot.domain.MemberKey;
import dev.studybot.knowledge.questions.Question;
import dev.studybot.knowledge.questions.QuestionSelection;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Chooses practice questions: on the asked topic, the team's bank questions first, not one a member saw in
 * their last few quizzes, and none retired from service.
 */
final class QuizPicker {

    private static final int REMEMBERED = 20;

    /** Replaced whole when the notes change; a pick sees either the old pool or the new one. */
    private volatile List<Question> pool;
    private final Random random;
    private final Predicate<String> inService;
    private final Map<MemberKey, Deque<String>> recent = new HashMap<>();

    /** @param inService whether a question (by id) may be asked: retired ones are left out */
    QuizPicker(List<Question> pool, long seed, Predicate<String> inService) {
        this.pool = List.copyOf(pool);
        this.random = new Random(seed);
        this.inService = inService;
    }

    /** Switches to a new pool (the notes changed); members' recently seen questions are still avoided. */
    void replace(List<Question> newPool) {
        this.pool = List.copyOf(newPool);
    }

    /** The questions that may be asked now. */
    private List<Question> serving() {
        return pool.stream().filter(q -> inService.test(q.id())).toList();
    }

    int size() {
        return serving().size();
    }

    synchronized Optional<Question> pick(MemberKey member, String topic) {
        List<Question> candidates = QuestionSelection.onTopic(serving(), topic);
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Deque<String> seen = recent.computeIfAbsent(member, key -> new ArrayDeque<>());
        List<Question> fresh = candidates.stream().filter(q -> !seen.contains(q.id())).toList();
        List<Question> from = fresh.isEmpty() ? candidates : fresh;
        List<Question> bank = from.stream().filter(q -> q.kind().equals("bank")).toList();
        List<Question> choice = bank.isEmpty() ? from : bank;
        Question picked = choice.get(random.nextInt(choice.size()));
        seen.addLast(picked.id());
        if (seen.size() > REMEMBERED) {
            seen.removeFirst();
        }
        return Optional.of(picked);
    }

    /** Whether any question's topic path mentions {@code topic}, as {@link #pick} and the question of the day match it. */
    boolean covers(String topic) {
        return !QuestionSelection.onTopic(pool, topic).isEmpty();
    }

    /** Every heading in the questions' topic paths, and each word of them: what a member may have meant to type. */
    Set<String> headingWords() {
        Set<String> words = new TreeSet<>();
        for (Question question : pool) {
            for (String heading : question.topic()) {
                words.add(heading);
                words.addAll(List.of(heading.split("\\s+")));
            }
        }
        return words;
    }

    /** Topics (first heading) with how many questions each has, most first. */
    Map<String, Long> topics() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (Question question : serving()) {
            String topic = question.topic().isEmpty() ? question.file() : question.topic().get(0);
            counts.merge(topic, 1L, Long::sum);
        }
        return counts;
    }
}
