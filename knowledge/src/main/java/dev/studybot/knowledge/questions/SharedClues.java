package dev.studybot.knowledge.questions;

import dev.studybot.knowledge.analysis.StudyAnalyzers;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Whether a clue is also true of a wrong choice, so two choices fit it: the choice's name is in the clue
 * ("stateful firewalls" beside a "Firewall" choice), or one of the choice's own statements has most of
 * the clue's telling words ("throughput" said of EFS as well as of EBS). Telling words are the stemmed
 * words that are not stop words or numbers; they are worked out once per distinct text.
 */
final class SharedClues {

    /** A statement saying this share of a clue's telling words says what the clue says. */
    private static final double SAYS_TOO = 0.7;
    private static final int MAX_REMEMBERED = 200_000;

    private final Map<String, Set<String>> tellingByText = new ConcurrentHashMap<>();

    /** The stemmed words of a text that tell something: no stop words, nothing with a digit. */
    Set<String> telling(String text) {
        if (tellingByText.size() > MAX_REMEMBERED) {
            tellingByText.clear(); // reloads of edited notes must not pile old texts up
        }
        return tellingByText.computeIfAbsent(text, key -> StudyAnalyzers.terms(StudyAnalyzers.index(), NoteText.plain(key))
                .stream().filter(word -> !StudyAnalyzers.isQueryStopWord(word) && word.chars().noneMatch(Character::isDigit))
                .collect(Collectors.toUnmodifiableSet()));
    }

    /**
     * Whether any clue names the choice (all the telling words of its name but those of {@code ownWords}, the
     * service both share) or is said by one of {@code statements}, what the notes say about the choice.
     */
    boolean fitsToo(List<String> clues, String choiceName, Set<String> ownWords, Collection<String> statements) {
        Set<String> name = telling(choiceName).stream().filter(word -> !ownWords.contains(word))
                .collect(Collectors.toSet());
        for (String clue : clues) {
            Set<String> words = telling(clue);
            if (!name.isEmpty() && words.containsAll(name)) {
                return true;
            }
            int needed = (int) Math.ceil(SAYS_TOO * words.size());
            if (needed > 0 && statements.stream().map(this::telling)
                    .anyMatch(said -> words.stream().filter(said::contains).count() >= needed)) {
                return true;
            }
        }
        return false;
    }
}
