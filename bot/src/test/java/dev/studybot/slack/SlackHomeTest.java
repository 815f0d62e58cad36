package dev.studybot.slack;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.studybot.chat.Button;
import dev.studybot.chat.Interaction;
import dev.studybot.chat.Reply;
import dev.studybot.pipeline.MiddlewareChain;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The App Home tab over HTTP mode against the loopback Slack: opening it publishes the member's home with
 * views.publish; a period button on it publishes it again; another button answers in the app's Messages tab.
 */
class SlackHomeTest {

    private FakeSlack slack;
    private SlackAdapter adapter;
    private final List<Interaction> handled = new CopyOnWriteArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    @BeforeEach
    void start() throws Exception {
        slack = new FakeSlack();
        adapter = SlackHttpModeTest.startHttpMode(slack, MiddlewareChain.standard(Map.of(), this::home));
    }

    @AfterEach
    void stop() {
        adapter.close();
        slack.close();
    }

    /** A stand-in bot: its home, replaced in place by the period button; a review question for the other button. */
    private Reply home(Interaction interaction) {
        handled.add(interaction);
        if (interaction instanceof Interaction.Press press && press.action().equals("period:month")) {
            return Reply.privately(new Reply.Heading("Home, this month")).replacingPressed();
        }
        if (interaction instanceof Interaction.Press) {
            return Reply.privately(new Reply.Text("Review: which S3 class is cheapest?"));
        }
        return new Reply(true, List.of(new Reply.Heading("Home, this week")),
                List.of(new Button("period:month", "month", "Board: this month"), new Button("review-due", "r", "Review (1 due)")));
    }

    private void event(String json) throws Exception {
        long now = SlackHttpModeTest.now();
        assertEquals(200, SlackHttpModeTest.send(client, adapter.port(), json, now, SlackHttpModeTest.sign(now, json),
                "application/json").statusCode());
    }

    /** Alice opens a tab of the app: app_home_opened, as the Events API sends it. */
    private void opened(String tab) throws Exception {
        event("""
                {"token":"legacy","team_id":"T0ACME001","api_app_id":"A0APP0001","type":"event_callback","event_id":"Ev-%1$s",
                 "event_time":1764000004,"event":{"type":"app_home_opened","user":"U0ALICE01","channel":"D0ALICE01",
                 "tab":"%1$s","event_ts":"1764000004.1"}}""".formatted(tab));
    }

    private void pressOnHome(String action) throws Exception {
        String payload = """
                {"type":"block_actions","team":{"id":"T0ACME001","domain":"acme-study"},
                 "user":{"id":"U0ALICE01","username":"alice","team_id":"T0ACME001"},
                 "container":{"type":"view","view_id":"V0HOME001"},"trigger_id":"1.2.3",
                 "view":{"id":"V0HOME001","type":"home","blocks":[]},
                 "actions":[{"action_id":"%1$s","block_id":"b1","value":"%1$s","type":"button","action_ts":"1764000005.1"}]}
                """.formatted(action);
        String body = "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
        long now = SlackHttpModeTest.now();
        assertEquals(200, SlackHttpModeTest.send(client, adapter.port(), body, now, SlackHttpModeTest.sign(now, body)).statusCode());
    }

    @Test
    void openingTheHomeTabPublishesTheMembersHomeAndItsButtonsWork() throws Exception {
        opened("home");
        FakeSlack.Call published = slack.await("views.publish", SlackHttpModeTest.WAIT);
        assertEquals("U0ALICE01", published.params().get("user_id"));
        JsonNode view = FakeSlack.JSON.readTree(published.params().get("view"));
        assertEquals("home", view.path("type").asText());
        assertTrue(view.path("blocks").toString().contains("Home, this week"), view.toString());
        assertTrue(view.path("blocks").toString().contains("\"value\":\"period:month\""), view.toString());
        assertEquals("home", ((Interaction.Text) handled.get(0)).text());
        assertEquals("T0ACME001", handled.get(0).caller().place().groupId());

        pressOnHome("period:month");
        slack.await("views.publish", call -> call.params().get("view").contains("Home, this month"), SlackHttpModeTest.WAIT);

        pressOnHome("review-due");
        FakeSlack.Call message = slack.await("chat.postMessage", SlackHttpModeTest.WAIT);
        assertEquals("U0ALICE01", message.params().get("channel"), "to the member, in the app's Messages tab");
        assertTrue(message.params().get("text").contains("which S3 class is cheapest"), message.params().toString());
    }

    @Test
    void theMessagesTabPublishesNothing() throws Exception {
        opened("messages");
        await("no home published for the Messages tab").during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3)).until(() -> slack.calls("views.publish").isEmpty());
    }

    @Test
    void theManifestTurnsTheHomeTabOnAndSubscribesToItsEvent() throws Exception {
        JsonNode manifest = new YAMLMapper().readTree(Path.of("..", "config", "slack-app-manifest.yml").toFile());
        assertTrue(manifest.path("features").path("app_home").path("home_tab_enabled").asBoolean());
        assertTrue(manifest.path("settings").path("event_subscriptions").path("bot_events").toString()
                .contains("\"app_home_opened\""));
    }
}
