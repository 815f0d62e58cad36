package dev.studybot.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybot.chat.Button;
import dev.studybot.chat.Caller;
import dev.studybot.chat.Interaction;
import dev.studybot.chat.Reply;
import dev.studybot.domain.Member;
import dev.studybot.domain.Place;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An answered practice question takes the place of the question, marked, with buttons for what comes next. */
class PracticeInOneMessageTest {

    private static final Place GENERAL = new Place("console", "console", "console", "general", "general");
    private static final Caller ALICE = new Caller(new Member("console", "alice", "alice"), GENERAL, false);

    @TempDir
    Path dir;

    private BankBot opened;
    private StudyBot bot;

    @BeforeEach
    void start() throws Exception {
        Path notes = Files.createDirectories(dir.resolve("notes"));
        Files.writeString(notes.resolve("s3.quiz.md"), String.join("\n", "# S3", "## Classes", "",
                "Q: Which class is cheapest for archives?", "- [ ] Standard", "- [x] Deep Archive", "- [ ] One Zone-IA",
                "", "Explanation: Deep Archive costs least and takes hours to restore.", ""));
        Files.writeString(notes.resolve("ec2.quiz.md"), String.join("\n", "# EC2", "## Spot", "",
                "Q: How much notice does a Spot interruption give?", "- [x] Two minutes", "- [ ] None", ""));
        opened = BankBot.open(notes, dir);
        bot = opened.bot();
    }

    @AfterEach
    void stop() {
        opened.close();
    }

    @Test
    void aWrongAnswerMarksTheQuestionInPlaceAndItsButtonsLeadOn() {
        Reply quiz = bot.handle(new Interaction.Text(ALICE, "quiz s3"));
        assertFalse(quiz.replaces(), "a new question is a message of its own");
        assertEquals(List.of("A. Standard", "B. Deep Archive", "C. One Zone-IA"), lines(quiz), quiz.toString());

        Reply answered = bot.handle(new Interaction.Press(ALICE, quiz.buttons().get(0).action()));

        assertTrue(answered.replaces(), answered.toString());
        assertTrue(answered.privateTo());
        assertEquals("Practice question · S3 › Classes", ((Reply.Heading) answered.parts().get(0)).text());
        assertEquals(List.of("❌ A. Standard", "✅ B. Deep Archive", "C. One Zone-IA"), lines(answered));
        assertTrue(answered.toString().contains("Not quite: you chose \"Standard\""), answered.toString());
        assertTrue(answered.parts().stream().anyMatch(part -> part instanceof Reply.Excerpt excerpt
                && excerpt.text().contains("takes hours to restore") && excerpt.source().equals("s3.quiz.md:4")),
                "the explanation and its source: " + answered);
        List<Button> buttons = answered.buttons();
        assertEquals(List.of(Button.State.WRONG, Button.State.RIGHT, Button.State.CLOSED),
                buttons.subList(0, 3).stream().map(Button::state).toList());
        assertEquals(List.of("Report question", "Next question", "Same topic", "Review (1 due)"),
                buttons.subList(3, buttons.size()).stream().map(Button::label).toList());
        assertTrue(buttons.subList(3, buttons.size()).stream().allMatch(Button::live));
        assertEquals(List.of(false, true, false, false), buttons.subList(3, buttons.size()).stream()
                .map(Button::primary).toList(), "Next question is the step to take");

        Reply again = bot.handle(new Interaction.Press(ALICE, quiz.buttons().get(1).action()));
        assertFalse(again.replaces(), "a second press leaves the marked question as it is");
        assertTrue(again.toString().contains("You already answered this one (you chose \"Standard\")"), again.toString());

        Reply sameTopic = bot.handle(new Interaction.Press(ALICE, label(buttons, "Same topic").action()));
        assertTrue(((Reply.Heading) sameTopic.parts().get(0)).text().startsWith("Practice question · S3"),
                sameTopic.toString());
        assertFalse(sameTopic.replaces());

        Reply review = bot.handle(new Interaction.Press(ALICE, label(buttons, "Review (1 due)").action()));
        assertEquals("Review · S3 › Classes", ((Reply.Heading) review.parts().get(0)).text());
        assertEquals(List.of("A. Standard", "B. Deep Archive", "C. One Zone-IA"), lines(review));
    }

    @Test
    void nextQuestionIsAPracticeQuestionOnAnyTopicAndARightAnswerOffersNoReviewWhenNoneIsDue() {
        Reply quiz = bot.handle(new Interaction.Text(ALICE, "quiz ec2"));
        Reply answered = bot.handle(new Interaction.Press(ALICE, quiz.buttons().get(0).action()));
        assertEquals(List.of("✅ A. Two minutes", "B. None"), lines(answered));
        assertEquals(List.of(Button.State.RIGHT, Button.State.CLOSED),
                answered.buttons().subList(0, 2).stream().map(Button::state).toList());
        assertFalse(answered.buttons().stream().anyMatch(button -> button.label().startsWith("Review")),
                answered.toString());

        Reply next = bot.handle(new Interaction.Press(ALICE, label(answered.buttons(), "Next question").action()));
        assertTrue(((Reply.Heading) next.parts().get(0)).text().startsWith("Practice question · "), next.toString());
        assertTrue(next.buttons().stream().anyMatch(button -> Button.parseAnswer(button.action()) != null));
    }

    private static List<String> lines(Reply reply) {
        return reply.parts().stream().filter(part -> part instanceof Reply.Lines).findFirst()
                .map(part -> ((Reply.Lines) part).lines()).orElseThrow();
    }

    private static Button label(List<Button> buttons, String label) {
        return buttons.stream().filter(button -> button.label().equals(label)).findFirst().orElseThrow();
    }
}
