package dev.studybot.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybot.chat.Button;
import dev.studybot.chat.Caller;
import dev.studybot.chat.Interaction;
import dev.studybot.chat.Reply;
import dev.studybot.domain.Member;
import dev.studybot.domain.Place;
import dev.studybot.store.SqlStudyStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Report question button, and what admins see and do about reported questions. */
class QuestionReportTest {

    private static final Place GENERAL = new Place("console", "console", "console", "general", "general");
    private static final Caller ANN = new Caller(new Member("console", "ann", "Ann"), GENERAL, false);
    private static final Caller BOB = new Caller(new Member("console", "bob", "Bob"), GENERAL, false);
    private static final Caller ADMIN = new Caller(new Member("console", "ada", "Ada"), GENERAL, true);

    @TempDir
    Path dir;

    BankBot opened;
    SqlStudyStore store;
    StudyBot bot;

    @BeforeEach
    void start() throws Exception {
        Path notes = Files.createDirectories(dir.resolve("notes"));
        Files.writeString(notes.resolve("bank.quiz.md"), String.join("\n", "# Storage", "## Classes", "",
                "Q: Which storage class is cheapest for archives kept ten years?", "- [ ] Standard", "- [x] Deep Archive", "",
                "Q: Which storage class suits data read once a month?", "- [x] Standard-IA", "- [ ] Deep Archive", ""));
        opened = BankBot.open(notes, dir);
        store = opened.store();
        bot = opened.bot();
    }

    @AfterEach
    void stop() {
        opened.close();
    }

    private static Button reportButton(Reply question) {
        return question.buttons().stream().filter(b -> Button.parseReport(b.action()) != null).findFirst().orElseThrow();
    }

    /** Reports the question {@code who} gets from /study quiz, and returns its prompt and the reply to the report. */
    private String[] quizAndReport(Caller who, String reasonLabel) {
        Reply quiz = bot.handle(new Interaction.Text(who, "quiz"));
        Reply reasons = bot.handle(new Interaction.Press(who, reportButton(quiz).action()));
        assertEquals(Set.of("Wrong answer", "Unclear", "Not useful"),
                Set.copyOf(reasons.buttons().stream().map(Button::label).toList()));
        Button reason = reasons.buttons().stream().filter(b -> b.label().equals(reasonLabel)).findFirst().orElseThrow();
        return new String[] {((Reply.Text) quiz.parts().get(1)).text(),
                bot.handle(new Interaction.Press(who, reason.action())).toString()};
    }

    @Test
    void everyQuestionHasAReportButtonAndTwoMembersRetireTheQuestion() {
        String[] first = quizAndReport(ANN, "Unclear");
        assertTrue(first[1].contains("Thanks: reported as unclear"), first[1]);

        // Bob quizzes until he meets the same question, and reports it for another reason.
        String[] second;
        do {
            second = quizAndReport(BOB, "Wrong answer");
        } while (!second[0].equals(first[0]));
        assertTrue(second[1].contains("out of the question pool"), second[1]);

        Set<String> asked = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            asked.add(((Reply.Text) bot.handle(new Interaction.Text(ANN, "quiz")).parts().get(1)).text());
        }
        assertFalse(asked.contains(first[0]), "a retired question is never asked again: " + asked);
        assertEquals(1, asked.size());
    }

    @Test
    void aSecondReportByTheSameMemberCountsOnce() {
        Reply quiz = bot.handle(new Interaction.Text(ANN, "quiz"));
        Button report = reportButton(quiz);
        Reply reasons = bot.handle(new Interaction.Press(ANN, report.action()));
        bot.handle(new Interaction.Press(ANN, reasons.buttons().get(0).action()));

        String again = bot.handle(new Interaction.Press(ANN, reasons.buttons().get(1).action())).toString();

        assertTrue(again.contains("You reported this question already (as wrong answer)"), again);
        assertTrue(store.questionFeedback().retired().isEmpty());
    }

    @Test
    void adminsListRetiredQuestionsAndRestoreThem() {
        String[] first = quizAndReport(ANN, "Not useful");
        String[] second;
        do {
            second = quizAndReport(BOB, "Not useful");
        } while (!second[0].equals(first[0]));
        String id = store.questionFeedback().retired().iterator().next();

        String refused = bot.handle(new Interaction.Text(ANN, "questions flagged")).toString();
        String flagged = bot.handle(new Interaction.Text(ADMIN, "questions flagged")).toString();
        String restored = bot.handle(new Interaction.Text(ADMIN, "questions restore " + id)).toString();
        String again = bot.handle(new Interaction.Text(ADMIN, "questions restore " + id)).toString();
        String unknown = bot.handle(new Interaction.Text(ADMIN, "questions restore 0123abcd")).toString();
        String bad = bot.handle(new Interaction.Text(ADMIN, "questions delete " + id)).toString();

        assertTrue(refused.contains("Only admins"), refused);
        assertTrue(flagged.contains(id) && flagged.contains("retired: reported by 2 members (not useful)"), flagged);
        assertTrue(restored.contains("back in the pool"), restored);
        assertTrue(store.questionFeedback().retired().isEmpty());
        assertTrue(again.contains("is not retired"), again);
        assertTrue(unknown.contains("No question \"0123abcd\""), unknown);
        assertTrue(bad.contains("I don't know \"/study questions delete\"") && bad.contains("Usage:"), bad);
    }

    @Test
    void showGivesTheItemAnalysisOfAnAnsweredQuestion() {
        Reply quiz = bot.handle(new Interaction.Text(ANN, "quiz"));
        Button wrong = quiz.buttons().stream()
                .filter(b -> Button.parseAnswer(b.action()) != null && b.label().equals("Deep Archive")).findFirst()
                .orElseThrow();
        bot.handle(new Interaction.Press(ANN, wrong.action()));
        String id = store.posted(Button.parseAnswer(wrong.action())[0]).orElseThrow().question().id();

        String shown = bot.handle(new Interaction.Text(ADMIN, "questions show " + id)).toString();

        assertTrue(shown.contains("1 answer, "), shown);
        assertTrue(shown.contains("Deep Archive: 1 answer"), shown);
        assertNotEquals(-1, shown.indexOf("in service"), shown);
    }
}
