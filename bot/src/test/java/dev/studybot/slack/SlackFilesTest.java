package dev.studybot.slack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.studybot.chat.Interaction;
import dev.studybot.chat.Reply;
import dev.studybot.pipeline.MiddlewareChain;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A reply's file (the leaderboard chart) against the loopback Slack: the reply goes through its response_url, the file
 * is uploaded in the three steps Slack documents (files.getUploadURLExternal, the bytes to the upload URL,
 * files.completeUploadExternal into the channel).
 */
class SlackFilesTest {

    private static final byte[] CHART = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xFF, 7};

    private FakeSlack slack;
    private SlackAdapter adapter;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    @BeforeEach
    void start() throws Exception {
        slack = new FakeSlack();
        adapter = SlackHttpModeTest.startHttpMode(slack, MiddlewareChain.standard(Map.of(), this::bot));
    }

    @AfterEach
    void stop() {
        adapter.close();
        slack.close();
    }

    private Reply bot(Interaction interaction) {
        Reply.Attachment chart = new Reply.Attachment(CHART, "leaderboard.png", "Leaderboard, points: alice 3");
        boolean mine = ((Interaction.Text) interaction).text().equals("mine");
        return new Reply(mine, List.of(new Reply.Heading("Leaderboard"), chart), List.of());
    }

    private void command(String text, String responseId) throws Exception {
        String body = SlackHttpModeTest.command(slack, text, "U0ALICE01", "alice", responseId);
        long now = SlackHttpModeTest.now();
        assertEquals(200, SlackHttpModeTest.send(http, adapter.port(), body, now, SlackHttpModeTest.sign(now, body))
                .statusCode());
    }

    @Test
    void aReplysFileIsUploadedAndSharedInTheChannel() throws Exception {
        command("leaderboard chart", "r1");

        FakeSlack.Call shared = slack.await("files.completeUploadExternal", SlackHttpModeTest.WAIT);
        assertEquals("C0GENERAL", shared.params().get("channel_id"));
        JsonNode files = FakeSlack.JSON.readTree(shared.params().get("files"));
        assertEquals(1, files.size());
        assertEquals(FakeSlack.UPLOADED_FILE, files.get(0).path("id").asText());

        FakeSlack.Call asked = slack.calls("files.getUploadURLExternal").get(0);
        assertEquals("leaderboard.png", asked.params().get("filename"));
        assertEquals(String.valueOf(CHART.length), asked.params().get("length"));
        assertEquals("Leaderboard, points: alice 3", asked.params().get("alt_txt"));
        FakeSlack.Call upload = slack.calls("upload").get(0);
        assertEquals("/upload/" + FakeSlack.UPLOADED_FILE, upload.path());
        assertArrayEquals(CHART, upload.raw(), "the bytes go to the upload URL as they are");
        assertTrue(upload.nanos() < shared.nanos(), "the upload is completed after the bytes are up");

        JsonNode reply = slack.await("response_url", call -> call.path().endsWith("/r1"), SlackHttpModeTest.WAIT).json();
        assertEquals("in_channel", reply.path("response_type").asText());
        assertEquals("*Leaderboard*", reply.path("blocks").get(0).path("text").path("text").asText());
        assertEquals(1, reply.path("blocks").size(), "the file is no block of the reply");
    }

    @Test
    void aPrivateReplyHasNoFileSinceSlackHasNoneOnlyOneMemberSees() throws Exception {
        command("mine", "r2");
        slack.await("response_url", call -> call.path().endsWith("/r2"), SlackHttpModeTest.WAIT);
        command("leaderboard chart", "r3");
        slack.await("files.completeUploadExternal", SlackHttpModeTest.WAIT);
        assertEquals(1, slack.calls("files.getUploadURLExternal").size(), "only the public reply's file was uploaded");
    }

    @Test
    void theManifestAsksForFilesWrite() throws Exception {
        JsonNode manifest = new YAMLMapper().readTree(Path.of("..", "config", "slack-app-manifest.yml").toFile());
        assertTrue(manifest.path("oauth_config").path("scopes").path("bot").toString().contains("\"files:write\""));
    }
}
