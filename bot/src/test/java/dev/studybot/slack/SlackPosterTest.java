package dev.studybot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.studybot.chat.Button;
import dev.studybot.chat.Reply;
import dev.studybot.ops.StartupFailure;
import dev.studybot.domain.Place;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The question of the day reaching a Slack channel through the (fake) Web API. */
@Timeout(20)
class SlackPosterTest {

    private FakeSlack slack;
    private SlackAdapter adapter;

    @BeforeEach
    void start() throws Exception {
        slack = new FakeSlack();
        adapter = new SlackAdapter(new SlackSettings(SlackHttpModeTest.BOT_TOKEN, null, SlackHttpModeTest.SIGNING_SECRET,
                0, "127.0.0.1", slack.apiUrl()));
    }

    @AfterEach
    void stop() {
        adapter.close();
        slack.close();
    }

    @Test
    void questionOfTheDayIsPostedWithOneButtonPerChoice() throws Exception {
        Place channel = new Place("slack", "T0ACME001", "acme-study", "C0GENERAL", "general");
        Reply question = new Reply(false, List.of(new Reply.Heading("Question of the day · S3"),
                new Reply.Text("Which storage class has **millisecond** retrieval for archives?")),
                List.of(Button.answer(7, 0, "Glacier Instant Retrieval"), Button.answer(7, 1, "Glacier Flexible Retrieval"),
                        Button.answer(7, 2, "Glacier Deep Archive"), Button.answer(7, 3, "S3 One Zone-IA")));

        adapter.poster().post(channel, question);

        FakeSlack.Call call = slack.await("chat.postMessage", Duration.ofSeconds(5));
        assertEquals("C0GENERAL", call.params().get("channel"));
        assertEquals("Bearer " + SlackHttpModeTest.BOT_TOKEN, call.authorization());
        assertTrue(call.params().get("text").startsWith("Question of the day · S3"), call.params().toString());
        JsonNode blocks = call.blocks();
        assertTrue(blocks.toString().contains("*millisecond*"), blocks.toString());
        List<JsonNode> buttons = FakeSlack.buttons(blocks);
        assertEquals(4, buttons.size());
        for (int i = 0; i < 4; i++) {
            assertEquals("answer:7:" + i, buttons.get(i).path("action_id").asText());
            assertEquals("answer:7:" + i, buttons.get(i).path("value").asText());
        }
        assertEquals("Glacier Deep Archive", buttons.get(2).path("text").path("text").asText());
    }

    /** A post with a file (the weekly summary's chart): the message, then the file shared in the same channel. */
    @Test
    void aPostsFileIsSharedInItsChannelAfterTheMessage() throws Exception {
        Place channel = new Place("slack", "T0ACME001", "acme-study", "C0GENERAL", "general");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2};
        adapter.poster().post(channel, new Reply(false, List.of(new Reply.Heading("Week in review, #general"),
                new Reply.Attachment(png, "leaderboard.png", "Week in review, #general, points: alice 3")), List.of()));

        FakeSlack.Call shared = slack.await("files.completeUploadExternal", Duration.ofSeconds(5));
        assertEquals("C0GENERAL", shared.params().get("channel_id"));
        assertEquals("Week in review, #general, points: alice 3",
                slack.calls("files.getUploadURLExternal").get(0).params().get("alt_txt"));
        assertTrue(slack.calls("chat.postMessage").get(0).nanos() < shared.nanos(), "the message first");
    }

    @Test
    void startingWithARevokedTokenSaysWhichVariableWithoutItsValue() {
        slack.tokenValid = false;
        StartupFailure error = assertThrows(StartupFailure.class, () -> adapter.start(i -> null));
        assertTrue(error.getMessage().contains("SLACK_BOT_TOKEN") && error.getMessage().contains("invalid_auth"),
                error.getMessage());
        assertEquals(1, error.getMessage().lines().count(), "one line for the operator");
        assertTrue(!error.getMessage().contains(SlackHttpModeTest.BOT_TOKEN), error.getMessage());
        assertEquals(-1, adapter.port(), "nothing listens");
    }

    @Test
    void aRefusedPostSaysWhyWithoutTheToken() {
        Place unknown = new Place("slack", "T0ACME001", "acme-study", "C0NOWHERE", "nowhere");
        slack.close();
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> adapter.poster().post(unknown, Reply.publicly(new Reply.Text("hi"))));
        assertTrue(error.getMessage().contains("#nowhere"), error.getMessage());
        assertTrue(!error.getMessage().contains(SlackHttpModeTest.BOT_TOKEN), error.getMessage());
    }
}
