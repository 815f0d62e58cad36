package dev.studybot.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.studybot.chat.Button;
import dev.studybot.chat.Reply;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleButtonsTest {

    @Test
    void aShownButtonIsPressedByTypingItsKey() {
        ConsoleButtons buttons = new ConsoleButtons();
        buttons.remember(new Reply(true, List.of(), List.of(Button.report(12), Button.reportFor(12, "unclear", "Unclear"))));

        assertEquals("report:12", buttons.action("R12"));
        assertEquals("report:12:unclear", buttons.action("r12u"));
        assertNull(buttons.action("r13"), "never shown");
    }

    @Test
    void anAnsweredQuestionIsPrintedAsTheUpdatedQuestionWithOnlyTheButtonsLeftToPress() {
        Reply answered = new Reply(true, List.of(new Reply.Heading("Practice question · S3"),
                new Reply.Lines(List.of("❌ A. Standard", "✅ B. Deep Archive"))),
                List.of(Button.answer(8, 0, "Standard").in(Button.State.WRONG),
                        Button.answer(8, 1, "Deep Archive").in(Button.State.RIGHT),
                        new Button("next-question", "next8", "Next question"))).replacingPressed();
        ConsoleButtons buttons = new ConsoleButtons();
        buttons.remember(answered);

        assertEquals("""
                studybot updates the question it showed @alice:
                  Practice question · S3
                  ❌ A. Standard
                  ✅ B. Deep Archive
                  [next8] Next question
                """, ConsoleRenderer.render(answered, "alice", "general"));
        assertEquals("next-question", buttons.action("next8"));
    }

    @Test
    void answerKeysWorkForQuestionsShownBeforeARestart() {
        assertEquals("answer:7:1", new ConsoleButtons().action("7b"));
    }

    @Test
    void onlyTheLatestFewHundredButtonsAreRemembered() {
        ConsoleButtons buttons = new ConsoleButtons();
        List<Button> many = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            many.add(Button.report(i));
        }
        buttons.remember(new Reply(true, List.of(), many));

        assertNull(buttons.action("r0"));
        assertEquals("report:599", buttons.action("r599"));
    }
}
