package dev.studybot.knowledge.questions;

import dev.studybot.knowledge.analysis.StudyAnalyzers;
import dev.studybot.knowledge.analysis.Synonyms;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * Tells whether a text gives an answer away: says one of its words, in any form (stems), any of its
 * synonyms, the catalogue's other names for it ("ASG" for Auto Scaling), or its initials as an acronym
 * ("OLAP" for online analytical processing), also inside a joined-up name ("ChangeMessageVisibility").
 */
final class Giveaways {

    /** Words every AWS topic shares: naming them gives nothing away. */
    private static final Set<String> SHARED = Set.of("aws", "amazon", "service", "services");
    private static final Pattern CAMEL = Pattern.compile("(?<=\\p{Ll})(?=\\p{Lu})");
    private static final Pattern ACRONYM = Pattern.compile("\\b\\p{Lu}{2,6}s?\\b");
    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    /** Words shorter than this ("data", "time") are too common to tell a close spelling. */
    private static final int MIN_CLOSE = 4;
    /** A term followed by at most this many letters is that word with an ending ("metrics", "connection"). */
    private static final int MAX_ENDING = 4;
    /** Words sharing this many first letters share their root ("migration", "migrate"; not "standard", "standby"). */
    private static final int SAME_ROOT = 6;
    /** A two-letter acronym ("DB", "AZ") is inside too many names to point at one. */
    private static final int MIN_ACRONYM = 3;

    private final Analyzer expanding;
    private final ServiceCatalogue catalogue;

    Giveaways(Synonyms synonyms, ServiceCatalogue catalogue) {
        this.expanding = StudyAnalyzers.query(synonyms);
        this.catalogue = catalogue;
    }

    /** The terms that would reveal {@code answer}, leaving out words that {@code context} already shows. */
    Set<String> of(String answer, String context) {
        List<String> forms = new ArrayList<>(List.of(answer));
        catalogue.named(answer).ifPresent(service -> forms.addAll(service.names()));
        Set<String> terms = new HashSet<>();
        for (String form : forms) {
            terms.addAll(StudyAnalyzers.terms(expanding, form));
            terms.addAll(StudyAnalyzers.terms(StudyAnalyzers.index(), form));
        }
        // A context holding every word of the answer lists it ("Snowball, Snowball Edge, and Snowmobile") rather
        // than heading it: it excuses none of them.
        List<String> shown = StudyAnalyzers.terms(StudyAnalyzers.index(), context);
        if (!shown.containsAll(StudyAnalyzers.terms(StudyAnalyzers.index(), answer))) {
            terms.removeAll(shown);
        }
        terms.removeAll(SHARED);
        terms.removeIf(term -> EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(term)); // "or" in "Fail or Succeed" names nothing
        return terms;
    }

    /**
     * Whether the text says one of the terms, in a close spelling too, or a joined-up name in it does, or it has
     * an acronym a term is built on ("ZFS" for OpenZFS).
     */
    static boolean reveals(String text, Set<String> terms) {
        String split = CAMEL.matcher(text).replaceAll(" ");
        if (StudyAnalyzers.terms(StudyAnalyzers.index(), text + " " + split).stream()
                .anyMatch(word -> terms.contains(word) || terms.stream().anyMatch(term -> closeSpelling(term, word)))) {
            return true;
        }
        Matcher acronym = ACRONYM.matcher(text);
        while (acronym.find()) {
            if (acronym.group().length() < MIN_ACRONYM) {
                continue;
            }
            String letters = acronym.group().toLowerCase(Locale.ROOT);
            // The terms are stemmed: "OpenZFS" is "openzf", its last "s" taken for a plural.
            String unstemmed = letters.endsWith("s") ? letters.substring(0, letters.length() - 1) : letters;
            if (terms.stream().anyMatch(term -> term.length() > letters.length()
                    && (term.contains(letters) || term.endsWith(unstemmed)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * "connection" for "connect", "failure" for "fail", "encrypted" for "encryption": forms the stemmer keeps apart
     * that a student reads as the same word. Not a longer word the term merely starts ("database" for "data"), nor
     * a shorter word the term starts with ("time" in "Timestream").
     */
    private static boolean closeSpelling(String term, String word) {
        if (term.length() < MIN_CLOSE || word.length() < MIN_CLOSE || !isLetters(term) || !isLetters(word)
                || term.startsWith(word)) {
            return false;
        }
        int common = 0;
        while (common < term.length() && common < word.length() && term.charAt(common) == word.charAt(common)) {
            common++;
        }
        return common == term.length() && word.length() - common <= MAX_ENDING || common >= SAME_ROOT;
    }

    private static boolean isLetters(String word) {
        return word.chars().allMatch(Character::isLetter);
    }

    /** Whether an acronym in one text spells the initials of words running in the other (either way round). */
    static boolean acronymOf(String a, String b) {
        return spells(a, b) || spells(b, a);
    }

    private static boolean spells(String acronymText, String wordsText) {
        List<String> words = new ArrayList<>();
        Matcher w = WORD.matcher(wordsText);
        while (w.find()) {
            words.add(w.group().toLowerCase(Locale.ROOT));
        }
        Matcher m = ACRONYM.matcher(acronymText);
        while (m.find()) {
            String acronym = m.group().toLowerCase(Locale.ROOT).replaceAll("(?<=..)s$", "");
            for (int start = 0; start < words.size(); start++) {
                if (startsOf(acronym, 0, words, start)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether the acronym from {@code from} on is made of the words from {@code word} on, each giving its
     * first letter and maybe more of its letters in order ("OLAP": OnLine Analytical Processing).
     */
    private static boolean startsOf(String acronym, int from, List<String> words, int word) {
        if (from == acronym.length()) {
            return true;
        }
        if (word == words.size() || words.get(word).charAt(0) != acronym.charAt(from)) {
            return false;
        }
        String next = words.get(word);
        int inWord = 1;
        for (int end = from + 1; ; end++) {
            if (startsOf(acronym, end, words, word + 1)) {
                return true;
            }
            if (end == acronym.length()) {
                return false;
            }
            inWord = next.indexOf(acronym.charAt(end), inWord) + 1;
            if (inWord == 0) {
                return false;
            }
        }
    }
}
