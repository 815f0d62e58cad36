package dev.studybot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
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
 * The notes one click away on Slack, over HTTP mode against the loopback Slack: the "Look up in notes" message
 * shortcut answers privately through its response_url, and a mention of the bot is answered in the message's thread.
 */
class SlackLookupsTest {

    private static final Duration WAIT = SlackHttpModeTest.WAIT;

    private FakeSlack slack;
    private SlackAdapter adapter;
    private final List<Interaction> received = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    @BeforeEach
    void start() throws Exception {
        slack = new FakeSlack();
        adapter = SlackHttpModeTest.startHttpMode(slack, MiddlewareChain.standard(Map.of(), interaction -> {
            received.add(interaction);
            if (interaction instanceof Interaction.Press) {
                return Reply.publicly(new Reply.Text("alice shared a lookup"));   // as the Share to channel button does
            }
            return Reply.privately(new Reply.Text("found: " + ((Interaction.Text) interaction).text()));
        }));
    }

    @AfterEach
    void stop() {
        adapter.close();
        slack.close();
    }

    @Test
    void theMessageShortcutLooksTheMessagesWordsUpAndAnswersOnlyTheMemberWhoAsked() throws Exception {
        String payload = """
                {"type":"message_action","callback_id":"lookup_in_notes","trigger_id":"1.2.3","action_ts":"1764000002.1",
                 "team":{"id":"T0ACME001","domain":"acme-study"},"user":{"id":"U0ALICE01","name":"alice"},
                 "channel":{"id":"C0GENERAL","name":"general"},"message_ts":"1764000001.000100",
                 "message":{"type":"message","user":"U0BOB0001","ts":"1764000001.000100",
                   "text":"<@U0ALICE01> how long is the &lt;spot&gt; interruption notice? see <https://aws.amazon.com/ec2|the docs>"},
                 "response_url":"%s"}""".formatted(slack.responseUrl("s1"));
        String body = "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
        long now = SlackHttpModeTest.now();
        assertEquals(200, SlackHttpModeTest.send(http, adapter.port(), body, now, SlackHttpModeTest.sign(now, body)).statusCode());

        JsonNode reply = slack.await("response_url", call -> call.path().endsWith("/s1"), WAIT).json();
        assertEquals("ephemeral", reply.path("response_type").asText());
        assertFalse(reply.path("replace_original").asBoolean(true), "the message looked up stays as it is");
        Interaction.Text lookup = assertInstanceOf(Interaction.Text.class, received.get(0));
        assertEquals("search how long is the <spot> interruption notice? see the docs", lookup.text(),
                "the words as people read them, without the mention and the link markup");
        assertEquals("U0ALICE01", lookup.caller().member().userId(), "the member who asked, not the message's author");
    }

    @Test
    void aMentionIsAnsweredInTheThreadOfTheMessageThatMentionedTheBot() throws Exception {
        String event = """
                {"token":"legacy","team_id":"T0ACME001","api_app_id":"A0APP0001","type":"event_callback",
                 "event_id":"Ev0001","event_time":1764000003,
                 "event":{"type":"app_mention","user":"U0BOB0001","text":"<@U0BOT0001> what is a placement group",
                   "ts":"1764000003.000200","channel":"C0GENERAL","event_ts":"1764000003.000200"}}""";
        long now = SlackHttpModeTest.now();
        assertEquals(200, SlackHttpModeTest.send(http, adapter.port(), event, now, SlackHttpModeTest.sign(now, event),
                "application/json").statusCode());

        FakeSlack.Call answer = slack.await("chat.postMessage", WAIT);
        assertEquals("C0GENERAL", answer.params().get("channel"));
        assertEquals("1764000003.000200", answer.params().get("thread_ts"), "in the thread the mention starts");
        assertTrue(answer.params().get("text").contains("found: search what is a placement group"), answer.params().toString());
    }

    @Test
    void aPressWhoseReplyIsForEveryoneIsPostedInTheChannel() throws Exception {
        String payload = """
                {"type":"block_actions","team":{"id":"T0ACME001","domain":"acme-study"},
                 "user":{"id":"U0ALICE01","username":"alice","team_id":"T0ACME001"},
                 "channel":{"id":"C0GENERAL","name":"general"},"response_url":"%s","trigger_id":"1.2.3",
                 "actions":[{"action_id":"search-share:abc","block_id":"b1","value":"search-share:abc","type":"button",
                   "action_ts":"1764000006.1"}]}""".formatted(slack.responseUrl("share1"));
        String body = "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
        long now = SlackHttpModeTest.now();
        assertEquals(200, SlackHttpModeTest.send(http, adapter.port(), body, now, SlackHttpModeTest.sign(now, body)).statusCode());

        JsonNode reply = slack.await("response_url", call -> call.path().endsWith("/share1"), WAIT).json();
        assertEquals("in_channel", reply.path("response_type").asText());
        assertFalse(reply.path("replace_original").asBoolean(true), "the private results stay as they are");
    }

    @Test
    void longMessagesAreCutToWhatALookupTakesAtAWordBoundary() {
        String words = "word ".repeat(100);
        String query = Interaction.lookUp(null, words).text().substring("search ".length());
        assertTrue(query.length() <= Interaction.LOOKUP_LIMIT, query.length() + " characters");
        assertTrue(query.endsWith("word"), "no word cut in half: " + query);
    }

    @Test
    void theManifestDeclaresTheShortcutTheMentionEventAndItsScope() throws Exception {
        JsonNode manifest = new YAMLMapper().readTree(Path.of("..", "config", "slack-app-manifest.yml").toFile());
        JsonNode shortcut = manifest.path("features").path("shortcuts").get(0);
        assertEquals(SlackLookups.SHORTCUT, shortcut.path("callback_id").asText());
        assertEquals("message", shortcut.path("type").asText());
        assertTrue(manifest.path("oauth_config").path("scopes").path("bot").toString().contains("\"app_mentions:read\""));
        assertEquals("app_mention", manifest.path("settings").path("event_subscriptions").path("bot_events").get(0).asText());
    }
}
