package dev.studybot.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybot.chat.Button;
import dev.studybot.chat.Caller;
import dev.studybot.chat.Interaction;
import dev.studybot.chat.ReaderTime;
import dev.studybot.chat.Reply;
import dev.studybot.domain.Member;
import dev.studybot.domain.Place;
import dev.studybot.knowledge.questions.Question;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /study home}: a member's stats, reviews due, the group's board with a period switch, the next daily question. */
class HomeCommandTest {

    private static final Place GENERAL = new Place("console", "console", "console", "general", "general");
    private static final Caller ADMIN = new Caller(new Member("console", "alice", "alice"), GENERAL, true);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    private DailyBot daily;
    private StudyBot bot;

    private static Question question(String id) {
        return new Question(id, "fact", List.of("EC2", "Spot"), "How much notice does Spot interruption " + id + " give?",
                List.of("Two minutes", "None", "An hour", "A day"), 0, "ec2.md", 1, "Two minutes.", 1.0);
    }

    @BeforeEach
    void start() throws Exception {
        daily = DailyBot.open(dir, ZoneOffset.UTC, List.of(question("q1"), question("q2")), CLOCK);
        bot = daily.bot();
    }

    @AfterEach
    void stop() {
        daily.close();
    }

    private static Button labelled(Reply reply, String label) {
        return reply.buttons().stream().filter(button -> button.label().startsWith(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + label + " button: " + reply));
    }

    @Test
    void homeShowsStatsReviewsTheBoardAndTheNextQuestionOfTheDay() {
        Reply quiz = bot.handle(new Interaction.Text(ADMIN, "quiz"));
        bot.handle(new Interaction.Press(ADMIN, quiz.buttons().get(1).action()));   // wrong: one review due
        bot.handle(new Interaction.Text(ADMIN, "schedule set 09:30 Europe/Berlin daily"));

        Reply home = bot.handle(new Interaction.Text(ADMIN, "home"));

        String all = home.toString();
        assertTrue(home.privateTo());
        assertTrue(all.contains("Stats for alice") && all.contains("Answered: 1, right: 0 (0%)"), all);
        assertTrue(all.contains("Leaderboard, this week, console"), all);
        // Quartz times the schedule on the real clock, so the date is whichever day 09:30 in Berlin comes next.
        assertTrue(ReaderTime.in(all), "the time as the platform's own date token: " + all);
        assertTrue(ReaderTime.plain(all).matches(
                "(?s).*Next question of the day: #general, \\w{3} \\d{1,2} \\w{3} at 09:30 \\(Europe/Berlin\\).*"), all);
        assertEquals(List.of("Review (1 due)", "Board: this month", "Board: all time"),
                home.buttons().stream().map(Button::label).toList());
        assertFalse(home.replaces());

        Reply review = bot.handle(new Interaction.Press(ADMIN, labelled(home, "Review").action()));
        assertTrue(review.toString().contains("How much notice does Spot interruption"), review.toString());
    }

    @Test
    void aPeriodButtonReplacesTheHomeWithThatPeriodsBoard() {
        Reply home = bot.handle(new Interaction.Text(ADMIN, "home"));
        Reply month = bot.handle(new Interaction.Press(ADMIN, labelled(home, "Board: this month").action()));

        assertTrue(month.replaces(), "the home is updated in place");
        assertTrue(month.toString().contains("Leaderboard, this month"), month.toString());
        assertEquals(List.of("Board: this week", "Board: all time"), month.buttons().stream().map(Button::label).toList());
        assertTrue(bot.handle(new Interaction.Text(ADMIN, "home all")).toString().contains("Leaderboard, all time"));
    }
}
