package dev.studybot.knowledge.search;

import dev.studybot.knowledge.analysis.StudyAnalyzers;
import dev.studybot.knowledge.analysis.Synonyms;
import dev.studybot.knowledge.index.PassageFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * The topic words of a query, with words the notes never use corrected to the closest word they do
 * use ("kinesys" becomes "kinesis"): the did-you-mean and the fuzzy fallback in one step.
 *
 * @param words       distinct topic words to search for, corrected, in query order
 * @param unknown     topic words neither the notes nor the synonym list know, with no close spelling
 * @param corrections misspelt word to the word searched instead
 * @param truncated   whether the query had more than {@link QueryText#MAX_WORDS} words
 * @param docFreqs    for each word searched, in how many passages' text its commonest stem is: looked
 *                    up here once, for telling known words and for weighing them
 * @param spelt       corrected words that are English words all the same ("difference", searched as the notes'
 *                    "different"): searched as corrected, but never offered as a "did you mean"
 */
record QueryWords(List<String> words, Set<String> unknown, Map<String, String> corrections, boolean truncated,
                  Map<String, Integer> docFreqs, Set<String> spelt) {

    private static final Pattern CORRECTABLE = Pattern.compile("[a-z][a-z0-9-]{3,}");
    private static final float MIN_SIMILARITY = 0.7f;
    private static final int TWO_EDIT_MIN_LENGTH = 8;

    /**
     * @param isWord whether a word is a correctly spelt English word (the embedding model's vocabulary)
     */
    static QueryWords of(String query, IndexReader reader, Synonyms synonyms, Predicate<String> isWord) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String word : StudyAnalyzers.terms(StudyAnalyzers.spelling(), query)) {
            // Emoji and stray symbols are tokens too, but name no topic.
            if (!StudyAnalyzers.isQueryStopWord(word) && word.codePoints().anyMatch(Character::isLetterOrDigit)) {
                distinct.add(word);
            }
        }
        boolean truncated = distinct.size() > QueryText.MAX_WORDS;
        List<String> words = new ArrayList<>();
        Set<String> unknown = new LinkedHashSet<>();
        Map<String, String> corrections = new LinkedHashMap<>();
        Map<String, Integer> docFreqs = new HashMap<>();
        Set<String> spelt = new HashSet<>();
        for (String word : distinct.stream().limit(QueryText.MAX_WORDS).toList()) {
            Stems stems = Stems.of(word, reader);
            if (isInNotes(word, stems, reader) || synonyms.knows(word)) {
                words.add(word);
                docFreqs.put(word, stems.docFreq());
                continue;
            }
            String correction = CORRECTABLE.matcher(word).matches() ? closestSpelling(word, reader) : null;
            if (correction != null) {
                corrections.put(word, correction);
                if (isWord.test(word)) {
                    spelt.add(word);
                }
                words.add(correction);
                docFreqs.put(correction, Stems.of(correction, reader).docFreq());
            } else {
                // "tightly", "early": adverbs say how, not what; the notes lacking one says nothing.
                if (!word.endsWith("ly")) {
                    unknown.add(word);
                }
                words.add(word);
                docFreqs.put(word, stems.docFreq());
            }
        }
        return new QueryWords(List.copyOf(words), unknown, corrections, truncated, docFreqs, spelt);
    }

    /**
     * A word's stems, and in how many passages' text the commonest of them is.
     *
     * @param docFreq 0 when no stem is in any passage's text
     */
    private record Stems(List<String> terms, int docFreq) {

        static Stems of(String word, IndexReader reader) {
            try {
                List<String> terms = StudyAnalyzers.terms(StudyAnalyzers.index(), word);
                int docFreq = 0;
                for (String stem : terms) {
                    docFreq = Math.max(docFreq, reader.docFreq(new Term(PassageFields.BODY, stem)));
                }
                return new Stems(terms, docFreq);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static boolean isInNotes(String word, Stems stems, IndexReader reader) {
        try {
            // "reboot" is known when the notes only say "reboots": stems count too, in text or headings.
            if (reader.docFreq(new Term(PassageFields.SPELL, word)) > 0 || stems.docFreq() > 0) {
                return true;
            }
            for (String stem : stems.terms()) {
                if (reader.docFreq(new Term(PassageFields.HEADING, stem)) > 0) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The notes' word nearest to a misspelt one: one edit away, or for a long word, two. Two edits
     * cost about twenty times more to search, and short words two edits apart are often other words.
     */
    private static String closestSpelling(String word, IndexReader reader) {
        try {
            for (int edits = 1; edits <= (word.length() >= TWO_EDIT_MIN_LENGTH ? 2 : 1); edits++) {
                DirectSpellChecker speller = new DirectSpellChecker();
                speller.setAccuracy(MIN_SIMILARITY);
                speller.setMaxEdits(edits);
                SuggestWord[] suggestions = speller.suggestSimilar(new Term(PassageFields.SPELL, word), 1, reader,
                        SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
                if (suggestions.length > 0) {
                    return suggestions[0].string;
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The query as typed with each misspelt word replaced, or null when nothing was misspelt. Words that
     * are spelt right, though the notes use another form of them, are left as typed.
     */
    String suggestion(String query) {
        if (spelt.containsAll(corrections.keySet())) {
            return null;
        }
        String suggested = query;
        for (Map.Entry<String, String> correction : corrections.entrySet()) {
            if (spelt.contains(correction.getKey())) {
                continue;
            }
            suggested = suggested.replaceAll("(?iu)(?<![\\p{L}\\p{N}])" + Pattern.quote(correction.getKey())
                    + "(?![\\p{L}\\p{N}])", correction.getValue());
        }
        return suggested;
    }
}
