package dev.studybot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.studybot.cli.AssembledBot;
import dev.studybot.domain.ChannelKey;
import dev.studybot.domain.Mention;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The bot as the program assembles it (sample notes, SQLite) behind the Slack adapter in HTTP mode, against the fake Slack. */
@Timeout(30)
class SlackStudyBotTest {

    static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private FakeSlack slack;
    private SlackAdapter adapter;
    private AssembledBot bot;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.close();
        }
        if (slack != null) {
            slack.close();
        }
    }

    @Test
    void searchQuizPressAndLeaderboardThroughSlack() throws Exception {
        startBot();

        assertEquals(200, post(command("search spot interruption notice", "s1")));
        JsonNode search = slack.await("response_url", c -> c.path().endsWith("/s1"), WAIT).json();
        assertEquals("ephemeral", search.path("response_type").asText());
        assertTrue(search.path("blocks").toString().matches(".*`[^`]+\\.(md|txt):\\d+`.*"), search.toString());

        assertEquals(200, post(command("quiz", "q1")));
        JsonNode quiz = slack.await("response_url", c -> c.path().endsWith("/q1"), WAIT).json();
        List<JsonNode> buttons = FakeSlack.buttons(quiz.path("blocks"));
        assertTrue(buttons.size() >= 2, quiz.toString());
        String action = buttons.get(0).path("value").asText();
        assertTrue(action.startsWith("answer:"), action);

        String press = press(action, "p1");
        long old = SlackHttpModeTest.now() - 600;
        assertEquals(401, SlackHttpModeTest.send(http, adapter.port(), press, old, SlackHttpModeTest.sign(old, press))
                .statusCode(), "a replayed press is refused");
        assertEquals(200, post(press));
        JsonNode answer = slack.await("response_url", c -> c.path().endsWith("/p1"), WAIT).json();
        assertEquals("ephemeral", answer.path("response_type").asText());
        String answerText = answer.path("blocks").toString();
        assertTrue(answerText.contains("Right!") || answerText.contains("Not quite"), "first answer counts: " + answerText);
        assertFalse(answerText.contains("already answered"), answerText);

        assertEquals(200, post(command("leaderboard week", "l1")));
        JsonNode board = slack.await("response_url", c -> c.path().endsWith("/l1"), WAIT).json();
        assertTrue(board.toString().contains("alice"), board.toString());
    }

    @Test
    void anAnsweredPracticeQuestionIsReplacedInPlaceWithTheChoicesMarked() throws Exception {
        startBot();

        assertEquals(200, post(command("quiz", "q1")));
        JsonNode quiz = slack.await("response_url", c -> c.path().endsWith("/q1"), WAIT).json();
        assertTrue(quiz.path("blocks").toString().contains("\\nB. "), "choices lettered: " + quiz);
        String action = FakeSlack.buttons(quiz.path("blocks")).get(0).path("value").asText();

        assertEquals(200, post(press(action, "p1")));
        JsonNode answer = slack.await("response_url", c -> c.path().endsWith("/p1"), WAIT).json();
        assertTrue(answer.path("replace_original").asBoolean(), answer.toString());
        String blocks = answer.path("blocks").toString();
        assertTrue(blocks.contains("✅ "), "the right choice marked: " + blocks);
        assertTrue(blocks.contains("Right!") || (blocks.contains("Not quite") && blocks.contains("❌ A. ")), blocks);
        List<String> labels = FakeSlack.buttons(answer.path("blocks")).stream().map(b -> b.path("text").path("text").asText())
                .toList();
        assertEquals(List.of("Report question", "Next question", "Same topic"), labels.subList(0, 3),
                "no answer button is left to press: " + labels);

        assertEquals(200, post(press(action, "p2")));
        JsonNode again = slack.await("response_url", c -> c.path().endsWith("/p2"), WAIT).json();
        assertFalse(again.path("replace_original").asBoolean(), "a second press leaves the marked question: " + again);
        assertTrue(again.toString().contains("You already answered"), again.toString());
    }

    @Test
    void showFullPassageAnswersPrivatelyBesideTheLookupWithTheWholePassage() throws Exception {
        startBot();

        assertEquals(200, post(command("search spot interruption notice", "s1")));
        JsonNode search = slack.await("response_url", c -> c.path().endsWith("/s1"), WAIT).json();
        String gist = search.path("blocks").toString();
        assertTrue(gist.contains("> ▶ ") && gist.contains("> …"), "the answering lines, and where others were: " + gist);
        String full = FakeSlack.buttons(search.path("blocks")).stream().map(b -> b.path("value").asText())
                .filter(value -> value.startsWith("search-passage:")).findFirst()
                .orElseThrow(() -> new AssertionError("no Show full passage button: " + search));

        assertEquals(200, post(press(full, "f1")));
        JsonNode passage = slack.await("response_url", c -> c.path().endsWith("/f1"), WAIT).json();
        assertEquals("ephemeral", passage.path("response_type").asText());
        assertFalse(passage.path("replace_original").asBoolean(), "the results stay: " + passage);
        String blocks = passage.path("blocks").toString();
        assertTrue(blocks.contains("Result 1 in full, for: spot interruption notice"), blocks);
        assertTrue(blocks.contains("> ▶ ") && !blocks.contains("> …") && blocks.length() > gist.length() / 3,
                "the whole passage: " + blocks);
    }

    /** Slack sends a picked user group as its bare handle (should_escape is off): it is found by usergroups.list. */
    @Test
    void aUserGroupTypedByItsHandleIsLookedUpAndAHandleNoGroupHasIsExplained() throws Exception {
        startBot();
        slack.workspaceAdmins.add("U0ALICE01");
        slack.userGroups.put("oncall", "S0ONCALL01");
        ChannelKey general = new ChannelKey("slack", "T0ACME001", "C0GENERAL");

        assertEquals(200, post(command("schedule mention @oncall", "m1")));
        String set = slack.await("response_url", c -> c.path().endsWith("/m1"), WAIT).json().toString();
        assertTrue(set.contains("will mention @oncall"), set);
        assertEquals(Optional.of(new Mention("S0ONCALL01", "@oncall")), bot.store().mentions().mention(general));

        assertEquals(200, post(command("schedule mention @nobody", "m2")));
        String refused = slack.await("response_url", c -> c.path().endsWith("/m2"), WAIT).json().toString();
        assertTrue(refused.contains("without the group's id"), refused);
        assertEquals(Optional.of(new Mention("S0ONCALL01", "@oncall")), bot.store().mentions().mention(general),
                "the mention there was stays");
        assertEquals(2, slack.calls("usergroups.list").size(), "looked up for the mention command only");
    }

    /** The assembled bot on the sample notes behind the Slack adapter in HTTP mode, against a new fake Slack. */
    private void startBot() throws IOException {
        slack = new FakeSlack();
        adapter = new SlackAdapter(new SlackSettings(SlackHttpModeTest.BOT_TOKEN, null, SlackHttpModeTest.SIGNING_SECRET, 0, "127.0.0.1",
                slack.apiUrl()));
        bot = AssembledBot.on(adapter, Path.of("..", "notes"), dir);
    }

    private String press(String action, String responseId) {
        return "payload=" + URLEncoder.encode("""
                {"type":"block_actions","user":{"id":"U0ALICE01","username":"alice","name":"alice","team_id":"T0ACME001"},
                 "api_app_id":"A0APP0001","container":{"type":"message","channel_id":"C0GENERAL","is_ephemeral":true},
                 "team":{"id":"T0ACME001","domain":"acme-study"},"channel":{"id":"C0GENERAL","name":"general"},
                 "response_url":"%s","trigger_id":"1.2.3",
                 "actions":[{"action_id":"%s","block_id":"b","value":"%s","type":"button","action_ts":"1764000001.0003"}]}
                """.formatted(slack.responseUrl(responseId), action, action), StandardCharsets.UTF_8);
    }

    private int post(String body) throws Exception {
        long now = SlackHttpModeTest.now();
        return SlackHttpModeTest.send(http, adapter.port(), body, now, SlackHttpModeTest.sign(now, body)).statusCode();
    }

    private String command(String text, String responseId) {
        return "token=x&team_id=T0ACME001&team_domain=acme-study&channel_id=C0GENERAL&channel_name=general"
                + "&user_id=U0ALICE01&user_name=alice&command=%2Fstudy&text=" + URLEncoder.encode(text, StandardCharsets.UTF_8)
                + "&api_app_id=A0APP0001&response_url=" + URLEncoder.encode(slack.responseUrl(responseId), StandardCharsets.UTF_8)
                + "&trigger_id=1.2.3";
    }
}
