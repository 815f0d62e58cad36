package dev.studybot.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybot.chat.Caller;
import dev.studybot.chat.Interaction;
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

/** The board and the stats as name/value fields (the lines other platforms show are those fields), and the period menu. */
class StandingsFieldsTest {

    private static final Place GENERAL = new Place("discord", "G1", "Study Group", "C1", "general");
    private static final Caller ALICE = new Caller(new Member("discord", "U1", "alice"), GENERAL, false);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    private DailyBot daily;
    private StudyBot bot;

    @BeforeEach
    void start() throws Exception {
        daily = DailyBot.open(dir, ZoneOffset.UTC, List.of(new Question("q1", "fact", List.of("EC2"), "Notice?",
                List.of("Two minutes", "None"), 0, "ec2.md", 1, "Two minutes.", 1.0)), CLOCK);
        bot = daily.bot();
        Reply quiz = bot.handle(new Interaction.Text(ALICE, "quiz"));
        bot.handle(new Interaction.Press(ALICE, quiz.buttons().get(0).action()));
    }

    @AfterEach
    void stop() {
        daily.close();
    }

    private static <T> T part(Reply reply, Class<T> type) {
        return reply.parts().stream().filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + ": " + reply));
    }

    @Test
    void theBoardsRowsAreFieldsWhoseLinesAreTheRowsAsBefore() {
        Reply board = bot.handle(new Interaction.Text(ALICE, "leaderboard"));
        Reply.Lines rows = part(board, Reply.Lines.class);
        assertEquals("1. alice", rows.fields().get(0).name());
        assertEquals("1 pt (daily 0, practice 1), 1/1 right", rows.fields().get(0).value());
        assertEquals(rows.fields().get(0).name() + "  " + rows.fields().get(0).value(), rows.lines().get(0));
    }

    @Test
    void theMenuOffersEachPeriodAndAPickIsThatPeriodsBoardInThePlaceOfThisOne() {
        Reply.Menu menu = part(bot.handle(new Interaction.Text(ALICE, "leaderboard here")), Reply.Menu.class);
        assertEquals(List.of("board-period:week:here", "board-period:month:here", "board-period:all:here"),
                menu.options().stream().map(Reply.MenuOption::action).toList());
        assertEquals(List.of(true, false, false), menu.options().stream().map(Reply.MenuOption::selected).toList());

        Reply month = bot.handle(new Interaction.Press(ALICE, "board-period:month:here"));
        assertTrue(month.replaces(), "the board is edited in place");
        assertTrue(month.toString().contains("Leaderboard, this month, #general"), month.toString());
        assertEquals(List.of(false, true, false), part(month, Reply.Menu.class).options().stream()
                .map(Reply.MenuOption::selected).toList());
        assertTrue(bot.handle(new Interaction.Press(ALICE, "board-period:soon")).toString().contains("doesn't do anything"));
    }

    @Test
    void statsAreShortFieldsNamedAsTheirLines() {
        Reply stats = bot.handle(new Interaction.Text(ALICE, "stats"));
        Reply.Lines lines = part(stats, Reply.Lines.class);
        assertEquals("Answered", lines.fields().get(1).name());
        assertEquals("1, right: 1 (100%)", lines.fields().get(1).value());
        assertTrue(lines.fields().get(1).inline());
        assertEquals("Answered: 1, right: 1 (100%)", lines.lines().get(1));
    }
}
