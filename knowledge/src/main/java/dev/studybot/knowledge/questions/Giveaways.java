package dev.studybot.knowledge.questions;

import dev.studybot.knowledge.analysis.StudyAnalyzers;
import dev.studybot.knowledge.analysis.Synonyms;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;

/**
 * Tells whether a text gives an answer away: says one of its words, in any form (stems), or any of
 * its synonyms and acronyms ("asg" for "Auto Scaling group").
 */
final class Giveaways {

    /** Words every AWS topic shares: naming them gives nothing away. */
    private static final Set<String> SHARED = Set.of("aws", "amazon", "service", "services");

    private final Analyzer expanding;

    Giveaways(Synonyms synonyms) {
        this.expanding = StudyAnalyzers.query(synonyms);
    }

    /** The terms that would reveal {@code answer}, leaving out words that {@code context} already shows. */
    Set<String> of(String answer, String context) {
        Set<String> terms = new HashSet<>(StudyAnalyzers.terms(expanding, answer));
        terms.addAll(StudyAnalyzers.terms(StudyAnalyzers.index(), answer));
        terms.removeAll(StudyAnalyzers.terms(StudyAnalyzers.index(), context));
        terms.removeAll(SHARED);
        return terms;
    }

    static boolean reveals(String text, Set<String> terms) {
        List<String> words = StudyAnalyzers.terms(StudyAnalyzers.index(), text);
        return words.stream().anyMatch(terms::contains);
    }
}
