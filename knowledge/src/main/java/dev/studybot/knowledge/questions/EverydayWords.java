package dev.studybot.knowledge.questions;

import dev.studybot.knowledge.notes.NoteTopic;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which words the notes use as everyday words: written in lower case inside running text, not
 * capitalised like a name ("objects", "launch", "output"; not "Lambda", "Geoproximity").
 */
final class EverydayWords {

    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{N}'-]*|\\p{N}+");
    /** After one of these marks the next word starts a sentence, a list item or an aside. */
    private static final Pattern SENTENCE_BREAK = Pattern.compile("[.:!?•\\-–>(\\[`*]");
    private static final int MAX_WORDS = 3;
    /** Words of no weight in a heading ("Use of", "and"): neither everyday nor jargon. */
    private static final Set<String> GLUE = Set.of("a", "an", "the", "of", "and", "or", "for", "to", "in", "on", "with",
            "vs", "&", "my");

    /** The words written in lower case at least twice, and at least twice as often as capitalised, inside running text. */
    private final Set<String> lowerCaseWords = new HashSet<>();

    EverydayWords(List<NoteTopic> notes) {
        Map<String, int[]> caseCounts = new HashMap<>();
        notes.forEach(note -> note.statements().forEach(statement -> countCases(statement.text(), caseCounts)));
        caseCounts.forEach((word, counts) -> {
            if (counts[0] >= 2 && counts[0] >= 2 * counts[1]) {
                lowerCaseWords.add(word);
            }
        });
    }


    /** Whether a heading or term is a few everyday words. */
    boolean everyday(String text) {
        Matcher m = WORD.matcher(text);
        int words = 0;
        while (m.find()) {
            String word = m.group();
            if (GLUE.contains(word.toLowerCase(Locale.ROOT))) {
                continue;
            }
            words++;
            boolean jargon = !word.substring(1).equals(word.substring(1).toLowerCase(Locale.ROOT))
                    || word.chars().anyMatch(Character::isDigit);
            if (jargon || !lowerCaseWords.contains(word.toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return words > 0 && words <= MAX_WORDS;
    }

    /** Counts words after the first of each sentence: a sentence's first word is capitalised whatever it is. */
    private static void countCases(String text, Map<String, int[]> caseCounts) {
        Matcher m = WORD.matcher(text);
        // One matcher for the breaks of the whole text: a new one per word was most of the time taken here.
        Matcher sentenceBreak = SENTENCE_BREAK.matcher(text);
        boolean first = true;
        int previousEnd = 0;
        while (m.find()) {
            first = first || sentenceBreak.region(previousEnd, m.start()).find();
            String word = m.group();
            if (!first) {
                int[] counts = caseCounts.computeIfAbsent(word.toLowerCase(Locale.ROOT), w -> new int[2]);
                counts[Character.isUpperCase(word.charAt(0)) ? 1 : 0]++;
            }
            first = false;
            previousEnd = m.end();
        }
    }
}
