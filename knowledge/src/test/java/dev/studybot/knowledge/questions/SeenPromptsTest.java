package dev.studybot.knowledge.questions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeenPromptsTest {

    @Test
    void aPromptSharingMostOfItsWordsWithAKeptOneIsANearDuplicate() {
        SeenPrompts seen = new SeenPrompts(0.8);
        assertFalse(seen.isNearDuplicate("How many Elastic IPs can an account have by default?"));
        assertTrue(seen.isNearDuplicate("How many elastic IPs can an account have, by default"));
        assertFalse(seen.isNearDuplicate("How many VPCs can an account have by default?"));
    }

    @Test
    void promptsWithoutWordsAreNeverNearDuplicates() {
        SeenPrompts seen = new SeenPrompts(0.8);
        assertFalse(seen.isNearDuplicate("?!"));
        assertFalse(seen.isNearDuplicate("?!"));
    }

    /** Comparing only prompts that share a word must find what comparing every pair finds. */
    @Test
    void agreesWithComparingEveryPair() {
        Random random = new Random(7);
        List<String> vocabulary = List.of("which", "topic", "ec2", "s3", "vpc", "spot", "instance", "bucket", "limit");
        SeenPrompts seen = new SeenPrompts(0.8);
        List<Set<String>> kept = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            Set<String> words = new HashSet<>();
            for (int n = 1 + random.nextInt(5); n > 0; n--) {
                words.add(vocabulary.get(random.nextInt(vocabulary.size())));
            }
            boolean expected = kept.stream().anyMatch(other -> jaccard(words, other) >= 0.8);
            assertEquals(expected, seen.isNearDuplicate(String.join(", ", words)), words.toString());
            if (!expected) {
                kept.add(words);
            }
        }
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        Set<String> common = new HashSet<>(a);
        common.retainAll(b);
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        return (double) common.size() / union.size();
    }
}
