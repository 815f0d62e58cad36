package dev.studybot.knowledge.questions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headings spelt the way the notes spell them most often: "Ec2" becomes "EC2", and a rare misspelling
 * ("Encrpytion", "CouldTrail") the common word one or two letters away, so a typo never becomes a choice.
 */
final class HeadingSpelling {

    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    /** Shorter words are too often different words one letter apart (ECS, EKS). */
    private static final int MIN_FUZZY = 6;
    /** A spelling is a typo of another only when the other is written this many times as often. */
    private static final int DOMINANCE = 3;

    /** Every spelling of a word, by its lower case form, with how often it is written. */
    private final Map<String, Map<String, Integer>> spellings = new HashMap<>();
    private final Map<String, String> corrected = new HashMap<>();
    /** The words by first letter: a typo keeps it, so only these are compared, not the whole vocabulary. */
    private final Map<Character, List<String>> byFirstLetter = new HashMap<>();

    /** @param texts everything the notes say (headings and prose), and the catalogue's names, which count extra */
    HeadingSpelling(Iterable<String> texts, Iterable<String> catalogueNames) {
        texts.forEach(text -> count(text, 1));
        catalogueNames.forEach(name -> count(name, DOMINANCE * DOMINANCE));
        spellings.keySet().forEach(word -> byFirstLetter.computeIfAbsent(word.charAt(0), letter -> new ArrayList<>()).add(word));
    }

    /** The heading with each word in its most common spelling. */
    String normalise(String heading) {
        Matcher m = WORD.matcher(heading);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(corrected.computeIfAbsent(m.group(), this::best)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private void count(String text, int weight) {
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            spellings.computeIfAbsent(m.group().toLowerCase(Locale.ROOT), key -> new HashMap<>())
                    .merge(m.group(), weight, Integer::sum);
        }
    }

    private String best(String word) {
        String key = word.toLowerCase(Locale.ROOT);
        Map<String, Integer> forms = spellings.getOrDefault(key, Map.of(word, 1));
        int weight = forms.values().stream().mapToInt(Integer::intValue).sum();
        String target = key;
        if (key.length() >= MIN_FUZZY) {
            int allowed = key.length() >= 9 ? 2 : 1;
            int bestWeight = weight * DOMINANCE - 1;
            for (Map.Entry<String, Map<String, Integer>> other : candidates(key)) {
                int otherWeight = other.getValue().values().stream().mapToInt(Integer::intValue).sum();
                if (otherWeight > bestWeight && !inflection(key, other.getKey())
                        && distance(key, other.getKey(), allowed) <= allowed) {
                    target = other.getKey();
                    bestWeight = otherWeight;
                }
            }
        }
        Map<String, Integer> targetForms = target.equals(key) ? forms : spellings.get(target);
        String common = targetForms.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(word);
        // "service" and "Service" are the same word written at another place in a sentence; "Ec2" is a misspelt "EC2".
        return target.equals(key) && plain(word) && plain(common) ? word : common;
    }

    private static boolean plain(String word) {
        return word.substring(1).equals(word.substring(1).toLowerCase(Locale.ROOT));
    }

    /** Words close in length: the only ones that can be a letter or two away. */
    private List<Map.Entry<String, Map<String, Integer>>> candidates(String key) {
        List<Map.Entry<String, Map<String, Integer>>> close = new ArrayList<>();
        for (String word : byFirstLetter.getOrDefault(key.charAt(0), List.of())) {
            if (!word.equals(key) && Math.abs(word.length() - key.length()) <= 2) {
                close.add(Map.entry(word, spellings.get(word)));
            }
        }
        return close;
    }

    /** "stream" and "streams", "scale" and "scaling": other words, not misspellings. */
    private static boolean inflection(String a, String b) {
        String shorter = a.length() <= b.length() ? a : b;
        String longer = shorter == a ? b : a;
        String stem = shorter.replaceAll("(e|s|es|ed|ing)$", "");
        return longer.startsWith(stem) && longer.substring(stem.length()).matches("e?|s|es|ed|ing|er|ers");
    }

    /** Edit distance counting a swap of neighbours as one (optimal string alignment), capped past {@code max}. */
    static int distance(String a, String b, int max) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
                rowMin = Math.min(rowMin, d[i][j]);
            }
            if (rowMin > max) {
                return max + 1;
            }
        }
        return d[a.length()][b.length()];
    }
}
