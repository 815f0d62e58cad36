package dev.studybot.study;

import dev.studybot.config.ScoringRules;
import dev.studybot.game.AnswerService;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybot.chat.Caller;
import dev.studybot.chat.Interaction;
import dev.studybot.chat.Reply;
import dev.studybot.knowledge.KnowledgeBase;
import dev.studybot.knowledge.analysis.Synonyms;
import dev.studybot.knowledge.index.IndexProgress;
import dev.studybot.domain.Member;
import dev.studybot.domain.Place;
import dev.studybot.store.SqlStudyStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A lookup's reply points at the line of the passage that answers the question (the others are left out). */
class SearchAnswerLineTest {

    private static final Place GENERAL = new Place("console", "console", "console", "general", "general");
    private static final Caller ALICE = new Caller(new Member("console", "alice", "alice"), GENERAL, false);

    @TempDir
    Path dir;

    @Test
    void theAnsweringLineIsMarkedInTheShownPassage() throws Exception {
        Path notes = Files.createDirectories(dir.resolve("notes"));
        Files.writeString(notes.resolve("queues.md"), """
                # Queues

                - Messages can be up to 256 KB each
                - A message not deleted before the visibility timeout ends is delivered again to another consumer
                - Long polling waits up to 20 seconds for a message to arrive
                """);
        try (KnowledgeBase knowledge = KnowledgeBase.open(notes, dir.resolve("data"), Synonyms.none(), IndexProgress.SILENT);
             SqlStudyStore store = SqlStudyStore.open(dir.resolve("studybot.db"))) {
            StudyBot bot = new StudyBot(knowledge, List.of(), store,
                    new AnswerService(store.answers(), ScoringRules.DEFAULTS), Clock.systemUTC(), 1, null);

            Reply reply = bot.handle(new Interaction.Text(ALICE, "search when is a message delivered again"));

            Reply.Excerpt excerpt = (Reply.Excerpt) reply.parts().stream().filter(p -> p instanceof Reply.Excerpt)
                    .findFirst().orElseThrow();
            assertEquals(Set.of(1), excerpt.answerLines(), excerpt.text());
            List<String> shown = excerpt.markedLines(excerpt.text(), "| ");
            assertTrue(shown.get(1).startsWith("| " + Reply.Excerpt.ANSWER_MARK + "- A message not deleted"), shown.toString());
            assertEquals("| " + SearchExcerpts.LEFT_OUT, shown.get(0), "the lines left out are not marked");
        }
    }
}
