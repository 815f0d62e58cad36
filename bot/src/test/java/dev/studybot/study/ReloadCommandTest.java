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
import dev.studybot.knowledge.questions.Question;
import dev.studybot.knowledge.questions.QuestionGenerator;
import dev.studybot.live.NotesReloader;
import dev.studybot.domain.Member;
import dev.studybot.domain.Place;
import dev.studybot.store.SqlStudyStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /study reload}, and the bot switching to a new question pool. */
class ReloadCommandTest {

    private static final Place GENERAL = new Place("console", "console", "console", "general", "general");
    private static final Caller ADMIN = new Caller(new Member("console", "alice", "alice"), GENERAL, true);
    private static final Caller MEMBER = new Caller(new Member("console", "bob", "bob"), GENERAL, false);

    @TempDir
    Path dir;
    private Path notes;
    private KnowledgeBase knowledge;
    private SqlStudyStore store;
    private StudyBot bot;
    private NotesReloader reloader;

    @BeforeEach
    void setUp() throws IOException {
        notes = Files.createDirectories(dir.resolve("notes"));
        Files.writeString(notes.resolve("ec2.md"),
                "# EC2\n\n## Spot\n\nSpot instances get a two-minute interruption notice before they stop.\n");
        knowledge = KnowledgeBase.open(notes, dir.resolve("data"), Synonyms.none(), IndexProgress.SILENT);
        store = SqlStudyStore.open(dir.resolve("studybot.db"));
        QuestionGenerator generator = new QuestionGenerator(Synonyms.none());
        List<Question> questions = generator.generate(notes, 1).questions();
        bot = new StudyBot(knowledge, questions, store,
                new AnswerService(store.answers(), ScoringRules.DEFAULTS), Clock.systemUTC(), 1, null);
        reloader = new NotesReloader(knowledge, notes, generator, 1, questions.size(), bot::replaceQuestions);
    }

    @AfterEach
    void tearDown() {
        store.close();
        knowledge.close();
    }

    private Reply command(Caller caller, String text) {
        return bot.handle(new Interaction.Text(caller, text));
    }

    @Test
    void anAdminReloadsAndHearsWhatChanged() throws IOException {
        Files.writeString(notes.resolve("s3.md"),
                "# S3\n\n## Glacier\n\nGlacier Deep Archive is the cheapest storage class for cold data.\n");
        Files.writeString(notes.resolve("bank.quiz.md"), String.join("\n", "# S3", "## Classes", "",
                "Q: Which class is cheapest for archives?", "- [ ] Standard", "- [x] Deep Archive", ""));
        Files.write(notes.resolve("broken.md"), new byte[] {0, 1, 2, 3});
        bot.enableReload(reloader);

        Reply reply = command(ADMIN, "reload");

        String text = reply.toString();
        assertTrue(reply.privateTo());
        assertTrue(text.contains("Notes reloaded"), text);
        assertTrue(text.contains("Files: 1 re-indexed, 0 removed, 1 unchanged"), text);
        assertTrue(text.matches("(?s).*Passages: 1 → [2-9].*"), text);
        assertTrue(text.contains("warning: broken.md: looks like a binary file"), text);
        assertTrue(command(ADMIN, "search glacier").toString().contains("s3.md"));
        // Bank questions come first: the new one is what a practice quiz asks now.
        assertTrue(command(MEMBER, "quiz").toString().contains("Which class is cheapest for archives?"));
        assertTrue(command(MEMBER, "about").toString().contains("Questions: " + reloader.reload().questionsAfter()));

        Files.delete(notes.resolve("s3.md"));
        String again = command(ADMIN, "reload").toString();
        assertTrue(again.contains("0 re-indexed, 1 removed"), again);
        assertTrue(command(ADMIN, "reload").toString().contains("nothing changed"));
    }

    @Test
    void aFileNestedThousandsDeepIsReportedAndTheRestReloads() throws IOException {
        StringBuilder deep = new StringBuilder("# Deep\n\n");
        for (int level = 0; level < 1500; level++) {
            deep.append("  ".repeat(level)).append("- nestling ").append(level).append('\n');
        }
        Files.writeString(notes.resolve("deep.md"), deep);
        Files.writeString(notes.resolve("s3.md"), "# S3\n\n## Glacier\n\nGlacier is cold storage.\n");
        bot.enableReload(reloader);

        String text = command(ADMIN, "reload").toString();

        assertTrue(text.contains("Files: 2 re-indexed"), text);
        assertTrue(text.contains("warning: deep.md: nests bullets more than"), text);
        assertTrue(command(ADMIN, "search glacier").toString().contains("s3.md"));
        assertTrue(command(ADMIN, "search nestling").toString().contains("deep.md"));
    }

    @Test
    void aMemberWhoIsNotAnAdminIsRefused() throws IOException {
        bot.enableReload(reloader);
        Files.writeString(notes.resolve("s3.md"), "# S3\n\n## Glacier\n\nGlacier is cold storage.\n");

        String text = command(MEMBER, "reload").toString();

        assertTrue(text.contains("Only admins can use /study reload."), text);
        assertEquals(1, knowledge.lastSync().filesIndexed() + knowledge.lastSync().filesUnchanged(),
                "nothing was reloaded");
    }

    @Test
    void wordsAfterACommandThatTakesNoneAreAnErrorNotIgnored() throws IOException {
        bot.enableReload(reloader);
        Files.writeString(notes.resolve("s3.md"), "# S3\n\n## Glacier\n\nGlacier is cold storage.\n");

        String text = command(ADMIN, "reload now").toString();

        assertTrue(text.contains("/study reload takes nothing after it (got \"now\")"), text);
        assertEquals(1, knowledge.lastSync().filesIndexed() + knowledge.lastSync().filesUnchanged(), "nothing was reloaded");
        for (String command : List.of("review please", "about me")) {
            assertTrue(command(MEMBER, command).toString().contains("takes nothing after it"), command);
        }
    }

    @Test
    void withoutLiveReloadTheCommandSaysSo() {
        assertTrue(command(ADMIN, "reload").toString().contains("not available"));
        assertTrue(command(ADMIN, "help").toString().contains("/study reload"));
    }
}
