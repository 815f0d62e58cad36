package dev.studybot.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybot.chat.Caller;
import dev.studybot.chat.Interaction;
import dev.studybot.chat.Reply;
import dev.studybot.domain.Member;
import dev.studybot.domain.Period;
import dev.studybot.domain.Place;
import dev.studybot.domain.Scope;
import dev.studybot.knowledge.questions.Question;
import dev.studybot.store.Leaderboard;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /study leaderboard chart}: the board as a PNG drawn in process, one bar per member. */
class LeaderboardChartTest {

    private static final Place GENERAL = new Place("console", "console", "console", "general", "general");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static Caller member(String name) {
        return new Caller(new Member("console", name, name), GENERAL, false);
    }

    private static BufferedImage decoded(Reply.Attachment png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.bytes()));
        assertNotNull(image, "the bytes are an image ImageIO reads");
        return image;
    }

    @Test
    void theChartHasABarPerMemberAndDecodesAsAPngOfItsSize() throws Exception {
        Leaderboard board = new Leaderboard(Scope.GROUP, Period.WEEK, List.of(
                new Leaderboard.Row(1, "U1", "alice", 30, 20, 10, 4, 3),
                new Leaderboard.Row(2, "U2", "bob", 10, 0, 10, 2, 1),
                new Leaderboard.Row(2, "U3", "bob", 10, 10, 0, 1, 1)), null, 3);

        Reply.Attachment png = LeaderboardChart.of(board, "Leaderboard, this week, Acme");

        assertEquals("leaderboard.png", png.fileName());
        assertEquals("Leaderboard, this week, Acme, points: alice 30, bob 10, bob 10", png.altText());
        BufferedImage image = decoded(png);
        assertEquals(LeaderboardChart.WIDTH, image.getWidth());
        assertEquals(LeaderboardChart.height(board), image.getHeight());
        assertTrue(image.getHeight() > LeaderboardChart.height(new Leaderboard(Scope.GROUP, Period.WEEK,
                board.top().subList(0, 1), null, 1)), "a longer board is a taller chart");
        var plot = LeaderboardChart.chart(board, "t").getCategoryPlot().getDataset();
        assertEquals(List.of("1. alice", "2. bob", "2. bob"), plot.getColumnKeys().stream().map(String::valueOf).toList(),
                "two members of one name are two bars");
        assertEquals(List.of("daily", "practice"), plot.getRowKeys().stream().map(String::valueOf).toList());
        assertEquals(20, plot.getValue(0, 0).intValue(), "alice's daily points");
        assertEquals(10, plot.getValue(1, 0).intValue(), "alice's practice points");
        assertEquals(10, plot.getValue(0, 2).intValue(), "the second bob's daily points");
    }

    @Test
    void leaderboardChartAttachesTheBoardsChartAndWithoutTheWordThereIsNone() throws Exception {
        try (DailyBot daily = DailyBot.open(dir, ZoneOffset.UTC, List.of(new Question("q1", "fact", List.of("EC2"),
                "How much notice does a Spot interruption give?", List.of("Two minutes", "None"), 0, "ec2.md", 1,
                "Two minutes.", 1.0)), CLOCK)) {
            StudyBot bot = daily.bot();
            assertTrue(bot.handle(new Interaction.Text(member("alice"), "leaderboard chart")).attachments().isEmpty(),
                    "an empty board has nothing to draw");
            for (String name : List.of("alice", "bob")) {
                Reply quiz = bot.handle(new Interaction.Text(member(name), "quiz"));
                bot.handle(new Interaction.Press(member(name), quiz.buttons().get(0).action()));
            }

            Reply board = bot.handle(new Interaction.Text(member("alice"), "leaderboard week chart"));

            assertEquals(1, board.attachments().size(), board.toString());
            Reply.Attachment chart = board.attachments().get(0);
            assertTrue(chart.altText().startsWith("Leaderboard, this week, console, points: "), chart.altText());
            assertTrue(chart.altText().contains("alice") && chart.altText().contains("bob"), chart.altText());
            assertEquals(LeaderboardChart.WIDTH, decoded(chart).getWidth());
            assertTrue(board.toString().contains("Leaderboard, this week"), "the text board is still there");
            assertTrue(bot.handle(new Interaction.Text(member("alice"), "leaderboard week")).attachments().isEmpty());
        }
    }
}
