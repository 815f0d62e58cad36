package dev.studybot.study;

import dev.studybot.config.ScoringRules;
import dev.studybot.game.AnswerService;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybot.chat.Button;
import dev.studybot.chat.Caller;
import dev.studybot.chat.Interaction;
import dev.studybot.chat.Reply;
import dev.studybot.knowledge.KnowledgeBase;
import dev.studybot.knowledge.analysis.Synonyms;
import dev.studybot.knowledge.index.IndexProgress;
import dev.studybot.knowledge.questions.QuestionGenerator;
import dev.studybot.domain.Member;
import dev.studybot.domain.Place;
import dev.studybot.store.SqlStudyStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pressing (or typing, in the console) a choice the question does not have. */
class AnswerChoicesTest {

    private static final Place GENERAL = new Place("console", "console", "console", "general", "general");
    private static final Caller ALICE = new Caller(new Member("console", "alice", "alice"), GENERAL, false);

    @TempDir
    Path dir;

    @Test
    void aChoiceTheQuestionDoesNotHaveSaysSoAndCountsNothing() throws Exception {
        Path notes = Files.createDirectories(dir.resolve("notes"));
        Files.writeString(notes.resolve("bank.quiz.md"), String.join("\n", "# S3", "## Classes", "",
                "Q: Which class is cheapest for archives?", "- [ ] Standard", "- [x] Deep Archive", ""));
        try (KnowledgeBase knowledge = KnowledgeBase.open(notes, dir.resolve("data"), Synonyms.none(), IndexProgress.SILENT);
             SqlStudyStore store = SqlStudyStore.open(dir.resolve("studybot.db"))) {
            StudyBot bot = new StudyBot(knowledge, new QuestionGenerator(Synonyms.none()).generate(notes, 1).questions(),
                    store, new AnswerService(store.answers(), ScoringRules.DEFAULTS), Clock.systemUTC(), 1, null);
            Reply quiz = bot.handle(new Interaction.Text(ALICE, "quiz"));
            assertEquals(2, quiz.buttons().stream().filter(b -> Button.parseAnswer(b.action()) != null).count(),
                    quiz.toString());
            String third = Button.answerActionForKey(quiz.buttons().get(0).key().replaceAll("a$", "c"));

            String text = bot.handle(new Interaction.Press(ALICE, third)).toString();

            assertTrue(text.contains("only 2 choices, so there is no choice c; nothing was counted"), text);
            String right = bot.handle(new Interaction.Press(ALICE, quiz.buttons().get(1).action())).toString();
            assertTrue(right.contains("Right"), "the real answer still counts afterwards: " + right);
        }
    }
}
