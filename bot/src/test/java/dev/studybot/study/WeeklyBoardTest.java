package dev.studybot.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybot.chat.Caller;
import dev.studybot.chat.Interaction;
import dev.studybot.chat.Reply;
import dev.studybot.domain.Member;
import dev.studybot.domain.Place;
import dev.studybot.knowledge.questions.Question;
import dev.studybot.qotd.RecordingPoster;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The weekly summary: the channel's board of the week that ended, with its chart, or nothing for a silent week. */
class WeeklyBoardTest {

    private static final Place GENERAL = new Place("console", "console", "console", "general", "general");
    /** Wednesday 2 December 2026. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void theWeeksChannelBoardIsPostedWithItsChartAndASilentWeekPostsNothing() throws Exception {
        try (DailyBot daily = DailyBot.open(dir, ZoneOffset.UTC, List.of(new Question("q1", "fact", List.of("EC2"),
                "How much notice does a Spot interruption give?", List.of("Two minutes", "None"), 0, "ec2.md", 1,
                "Two minutes.", 1.0)), CLOCK)) {
            for (String name : List.of("alice", "bob")) {
                Caller caller = new Caller(new Member("console", name, name), GENERAL, false);
                Reply quiz = daily.bot().handle(new Interaction.Text(caller, "quiz"));
                daily.bot().handle(new Interaction.Press(caller, quiz.buttons().get(0).action()));
            }
            RecordingPoster poster = new RecordingPoster();
            WeeklyBoard summary = new WeeklyBoard(daily.store(), poster);

            summary.ended(GENERAL, Instant.parse("2026-11-22T09:00:00Z")); // a week before: nobody scored
            assertEquals(List.of(), poster.posted(), "a silent week posts nothing");

            summary.ended(GENERAL, Instant.parse("2026-12-06T09:00:00Z")); // Sunday of the same week
            Reply posted = poster.posted().get(0);
            assertEquals("Week in review, #general", RecordingPoster.heading(posted));
            String text = posted.toString();
            assertTrue(text.contains("from Monday 30 November to Sunday 6 December"), text);
            assertTrue(text.contains("alice") && text.contains("bob"), text);
            assertEquals(1, posted.attachments().size(), "the chart is attached");
            assertTrue(posted.attachments().get(0).altText().startsWith("Week in review, #general, points: "),
                    posted.attachments().get(0).altText());
            assertTrue(!posted.privateTo(), "posted for the channel");
        }
    }
}
