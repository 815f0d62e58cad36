package dev.studybot.knowledge.questions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class QuestionSelectionTest {

    private static Question question(String kind, List<String> topic, int n) {
        String prompt = "Question number " + n + " about " + String.join(" › ", topic) + "?";
        List<String> choices = List.of("alpha " + n, "beta " + n, "gamma " + n, "delta " + n);
        String file = topic.get(0).toLowerCase().replace(' ', '-') + ".md";
        return new Question(Question.idOf(kind, file, n, prompt, choices.get(1)), kind, topic, prompt, choices, 1,
                file, n, "because " + n);
    }

    private static final List<List<String>> TOPICS = List.of(
            List.of("Storage", "Object buckets"),
            List.of("Storage", "Block volumes"),
            List.of("Compute", "Containers"));

    /** Three topics, five generated questions each, interleaved as a generator would not bother to. */
    private static List<Question> pool() {
        List<Question> pool = new ArrayList<>();
        int n = 1;
        for (List<String> topic : TOPICS) {
            for (int i = 0; i < 5; i++) {
                pool.add(question(i % 2 == 0 ? "fact" : "term", topic, n++));
            }
        }
        return pool;
    }

    private static String topicOf(Question q) {
        return String.join(" › ", q.topic());
    }

    @Test
    void onTopicMatchesAnyPartOfTheHeadingPathIgnoringCase() {
        List<Question> pool = pool();
        List<Question> storage = QuestionSelection.onTopic(pool, "  sToRaGe ");
        assertEquals(pool.stream().filter(q -> q.topic().get(0).equals("Storage")).toList(), storage);
        List<Question> volumes = QuestionSelection.onTopic(pool, "BLOCK volumes");
        assertEquals(5, volumes.size());
        assertTrue(volumes.stream().allMatch(q -> q.topic().equals(TOPICS.get(1))));
        assertEquals(List.of(), QuestionSelection.onTopic(pool, "databases"));
    }

    @Test
    void onTopicWithoutATopicKeepsEverything() {
        List<Question> pool = pool();
        assertEquals(pool, QuestionSelection.onTopic(pool, null));
        assertEquals(pool, QuestionSelection.onTopic(pool, "   "));
    }

    @Test
    void aShortPickSpreadsOverTopics() {
        List<Question> pool = pool();
        for (long seed = 0; seed < 20; seed++) {
            List<Question> picked = QuestionSelection.pick(pool, 3, seed);
            assertEquals(3, picked.size());
            Set<String> topics = picked.stream().map(QuestionSelectionTest::topicOf).collect(Collectors.toSet());
            assertEquals(3, topics.size(), "seed " + seed + " picked " + picked);
            assertTrue(pool.containsAll(picked));
        }
    }

    @Test
    void aLongerPickTakesTopicsInTurn() {
        List<Question> pool = pool();
        List<Question> picked = QuestionSelection.pick(pool, 7, 42);
        assertEquals(7, picked.size());
        assertEquals(7, new HashSet<>(picked).size(), "no question twice");
        Map<String, Long> perTopic = picked.stream()
                .collect(Collectors.groupingBy(QuestionSelectionTest::topicOf, Collectors.counting()));
        assertEquals(3, perTopic.size());
        assertTrue(perTopic.values().stream().allMatch(c -> c == 2 || c == 3), perTopic.toString());
    }

    @Test
    void askingForMoreThanThePoolGivesThePool() {
        List<Question> pool = pool();
        List<Question> picked = QuestionSelection.pick(pool, 100, 3);
        assertEquals(new HashSet<>(pool), new HashSet<>(picked));
        assertEquals(pool.size(), picked.size());
        assertEquals(List.of(), QuestionSelection.pick(pool, 0, 3));
    }

    @Test
    void theSameSeedPicksTheSame() {
        List<Question> pool = pool();
        for (long seed : new long[] {0, 1, 99, -5}) {
            assertEquals(QuestionSelection.pick(pool, 5, seed), QuestionSelection.pick(pool, 5, seed));
            assertEquals(QuestionSelection.pick(pool, 5, seed), QuestionSelection.pick(new ArrayList<>(pool), 5, seed));
        }
        Set<List<String>> orders = new HashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            orders.add(QuestionSelection.pick(pool, 5, seed).stream().map(Question::id).toList());
        }
        assertTrue(orders.size() > 1, "the seed should change the pick");
    }

    @Test
    void bankQuestionsComeFirstWhereverTheyAreInThePool() {
        List<Question> pool = new ArrayList<>(pool());
        Question bankA = question(QuestionBank.KIND, List.of("Compute", "Containers"), 101);
        Question bankB = question(QuestionBank.KIND, List.of("Databases"), 102);
        pool.add(bankA);
        pool.add(7, bankB);
        Set<Question> bank = Set.of(bankA, bankB);
        for (long seed = 0; seed < 10; seed++) {
            List<Question> picked = QuestionSelection.pick(pool, 4, seed);
            assertEquals(4, picked.size());
            assertEquals(bank, new HashSet<>(picked.subList(0, 2)), "seed " + seed + ": " + picked);
            assertTrue(picked.subList(2, 4).stream().noneMatch(bank::contains));
            assertTrue(picked.subList(2, 4).stream().map(QuestionSelectionTest::topicOf).distinct().count() == 2,
                    "the generated ones still spread over topics");
        }
        List<Question> one = QuestionSelection.pick(pool, 1, 5);
        assertEquals(1, one.size());
        assertTrue(bank.contains(one.get(0)));
    }

    @Test
    void pickDoesNotChangeThePool() {
        List<Question> pool = pool();
        List<Question> copy = List.copyOf(pool);
        QuestionSelection.pick(pool, 6, 11);
        assertEquals(copy, pool);
        Map<String, Question> byId = pool.stream().collect(Collectors.toMap(Question::id, Function.identity()));
        assertEquals(pool.size(), byId.size());
        assertSame(pool.get(0), byId.get(pool.get(0).id()));
    }
}
