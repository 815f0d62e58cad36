package dev.studybot.knowledge.questions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybot.knowledge.analysis.Synonyms;
import dev.studybot.knowledge.embed.BundledModel;
import dev.studybot.knowledge.embed.OnnxEmbedder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wrong choices compared by meaning with the bundled model the search uses. */
class EmbeddingSimilarityTest {

    /** "Priority queue" restates the clues of "Work queue": a student could defend it as the answer. */
    private static final String BROKERS = """
            # Message brokers

            ## Work queue
            - Each message goes to exactly one consumer, which deletes it when done.
            - A message nobody deleted becomes visible again after a timeout.

            ## Priority queue
            - Each message goes to exactly one consumer, which deletes it when done.
            - A message nobody deleted becomes visible again after a timeout.
            - Urgent messages jump ahead of the others.

            ## Topic fan-out
            - One published message is pushed to every subscriber at once.
            - Subscribers can be email addresses, web hooks or phone numbers.

            ## Log stream
            - Consumers keep their own offset and can replay old records.
            - Records stay on disk for a retention period, then expire.

            ## Delay buffer
            - New messages stay hidden for up to fifteen minutes before delivery.
            - Useful to give a slow downstream system time to catch up.
            """;

    @TempDir
    Path notes;

    private final EmbeddingSimilarity meaning = new EmbeddingSimilarity(OnnxEmbedder.of(BundledModel.DEFAULT));

    private Question workQueue(TermSimilarity similarity) throws IOException {
        Files.writeString(notes.resolve("brokers.md"), BROKERS);
        QuestionGenerator generator = new QuestionGenerator(Synonyms.none(), ServiceCatalogue.bundled(), similarity,
                QuestionGenerator.DEFAULT_MIN_SCORE);
        return generator.generate(notes, 1).questions().stream()
                .filter(q -> q.kind().equals(IdentifyQuestions.KIND) && q.correctChoice().equals("Work queue"))
                .findFirst().orElseThrow();
    }

    @Test
    void aSiblingWhoseNotesRestateTheCluesIsReplacedByTheNext() throws IOException {
        Question q = workQueue(meaning);

        assertFalse(q.choices().contains("Priority queue"), q::toString);
        assertEquals(List.of("Delay buffer", "Log stream", "Topic fan-out", "Work queue"),
                q.choices().stream().sorted().toList(), q::toString);
    }

    @Test
    void withoutAnEmbedderASiblingStatingTheCluesIsStillLeftOut() throws IOException {
        Question q = workQueue(new LexicalSimilarity());

        // Shared words rank it first, and are no measure of a clue fitting, but its own statements say the clues.
        assertTrue(new LexicalSimilarity().confusableWithin().isEmpty(), "shared words are no measure of a clue fitting");
        assertFalse(q.choices().contains("Priority queue"), q::toString);
        assertEquals(4, q.choices().size(), q::toString);
    }

    @Test
    void textsNearInMeaningRankFirstThoughTheyShareNoWord() {
        List<Integer> ranked = meaning.rank("separate accounts billed together under one payer",
                List.of("Bake the bread until the crust is golden", "consolidated invoices for a group of member accounts"));

        assertEquals(List.of(1, 0), ranked);
    }

    @Test
    void cluesThatFitASiblingClearlyBetterThanTheirOwnHeadingMakeNoQuestion() throws IOException {
        // Scripted scores: Work queue's clues fit Priority queue's notes far better than its own; the others fit their own.
        TermSimilarity scripted = new TermSimilarity() {
            @Override
            public double[] scores(String anchor, List<String> candidates) {
                boolean workQueueClues = anchor.startsWith("Each message goes");
                String clues = anchor.toLowerCase(Locale.ROOT);
                return candidates.stream().mapToDouble(text -> !workQueueClues ? (text.contains(clues) ? 0.9 : 0.1)
                        : text.startsWith("Priority queue") ? 0.9 : text.startsWith("Work queue") ? 0.7 : 0.1).toArray();
            }

            @Override
            public OptionalDouble confusableWithin() {
                return OptionalDouble.of(0.05);
            }
        };
        Files.writeString(notes.resolve("brokers.md"), BROKERS);
        QuestionGenerator generator = new QuestionGenerator(Synonyms.none(), ServiceCatalogue.bundled(), scripted,
                QuestionGenerator.DEFAULT_MIN_SCORE);

        List<Question> identify = generator.generate(notes, 1).questions().stream()
                .filter(q -> q.kind().equals(IdentifyQuestions.KIND)).toList();
        assertTrue(identify.stream().noneMatch(q -> q.correctChoice().equals("Work queue")), identify::toString);
        assertTrue(identify.stream().anyMatch(q -> q.correctChoice().equals("Log stream")), identify::toString);
    }

    /** The examples {@link EmbeddingSimilarity#CONFUSABLE_WITHIN} is calibrated on. */
    @Test
    void aHeadingRestatingTheCluesFitsThemAboutAsWellAsTheirOwnAParaphraseOfTheSubjectDoesNot() {
        String clue = "each message goes to exactly one worker, which deletes it when done."
                + " a message not deleted becomes visible again after a timeout";
        double[] fit = meaning.scores(clue, List.of(
                "Work queue " + clue + " messages are kept up to fourteen days. long polling waits for messages",
                "Priority queue " + clue + " urgent messages are delivered before the others",
                "Priority queue higher priority messages are delivered before lower ones. a worker deletes a message once"
                        + " done; until then it is hidden from other workers for a timeout",
                "Delay queue messages become visible only after a delay of up to fifteen minutes"));

        assertTrue(Math.abs(fit[0] - fit[1]) <= EmbeddingSimilarity.CONFUSABLE_WITHIN, () -> Arrays.toString(fit));
        assertTrue(fit[0] - fit[2] > 2 * EmbeddingSimilarity.CONFUSABLE_WITHIN, () -> Arrays.toString(fit));
        assertTrue(fit[0] - fit[3] > 2 * EmbeddingSimilarity.CONFUSABLE_WITHIN, () -> Arrays.toString(fit));
    }
}
