package dev.studybot.command;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.lucene.search.spell.LuceneLevenshteinDistance;

/** The known words closest to a mistyped one, so an unknown word gets a suggestion instead of a silent miss. */
public final class DidYouMean {

    /** Damerau-Levenshtein similarity (1 is equal): a swapped or missing letter in a word of six or more passes. */
    private static final float CLOSE_ENOUGH = 0.7f;
    private static final int MOST = 3;
    private static final LuceneLevenshteinDistance DISTANCE = new LuceneLevenshteinDistance();

    private DidYouMean() {
    }

    /** Up to three of {@code known} closest to {@code word} (any case), closest first; empty when none is close. */
    public static List<String> closest(String word, Collection<String> known) {
        String typed = word.toLowerCase(Locale.ROOT);
        Map<String, Float> close = known.stream().distinct()
                .collect(Collectors.toMap(k -> k, k -> DISTANCE.getDistance(typed, k.toLowerCase(Locale.ROOT))));
        return close.entrySet().stream().filter(e -> e.getValue() >= CLOSE_ENOUGH)
                .sorted(Map.Entry.<String, Float>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(MOST).map(Map.Entry::getKey).toList();
    }

    /** " Did you mean X or Y?" for a reply, or "" when nothing is close. */
    public static String sentence(String word, Collection<String> known) {
        List<String> found = closest(word, known);
        if (found.isEmpty()) {
            return "";
        }
        return " Did you mean " + found.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(" or ")) + "?";
    }
}
