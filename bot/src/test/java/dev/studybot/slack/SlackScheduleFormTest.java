package dev.studybot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.studybot.chat.Caller;
import dev.studybot.chat.Interaction;
import dev.studybot.domain.ChannelKey;
import dev.studybot.domain.Member;
import dev.studybot.domain.Place;
import dev.studybot.pipeline.MiddlewareChain;
import dev.studybot.store.Schedule;
import dev.studybot.study.DailyBot;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The question-of-the-day modal end to end in HTTP mode: the real bot on a SQLite file, signed requests to the
 * adapter, {@code views.open} and the replies to the fake Slack.
 */
@Timeout(60)
class SlackScheduleFormTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ChannelKey GENERAL = new ChannelKey("slack", "T0ACME001", "C0GENERAL");
    private static final String ADMIN = "U0ADMIN01";

    @TempDir
    Path dir;
    private FakeSlack slack;
    private DailyBot daily;
    private SlackAdapter adapter;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    @BeforeEach
    void start() throws Exception {
        slack = new FakeSlack();
        slack.workspaceAdmins.add(ADMIN);
        daily = DailyBot.open(dir, ZoneId.of("Europe/Berlin"), List.of(DailyBot.about("S3"), DailyBot.about("EC2")),
                Clock.systemUTC());
        adapter = SlackHttpModeTest.startHttpMode(slack, MiddlewareChain.standard(Map.of(), daily.bot()));
    }


    @AfterEach
    void stop() {
        adapter.close();
        daily.close();
        slack.close();
    }

    private HttpResponse<String> post(String body) throws Exception {
        long now = SlackHttpModeTest.now();
        return SlackHttpModeTest.send(http, adapter.port(), body, now, SlackHttpModeTest.sign(now, body));
    }

    private static String payload(JsonNode payload) {
        return "payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8);
    }

    /** The view of the latest views.open call opened with {@code triggerId}. */
    private JsonNode openedView(String triggerId) throws Exception {
        FakeSlack.Call open = slack.await("views.open", call -> triggerId.equals(call.params().get("trigger_id")), WAIT);
        return FakeSlack.JSON.readTree(open.params().get("view"));
    }

    private JsonNode block(JsonNode view, String id) {
        for (JsonNode block : view.path("blocks")) {
            if (block.path("block_id").asText().equals(id)) {
                return block;
            }
        }
        throw new AssertionError("no block " + id + " in " + view);
    }

    private ObjectNode submission(String metadata, String time, String zone, String otherZone, String days,
                                  List<String> topics) {
        ObjectNode payload = FakeSlack.JSON.createObjectNode().put("type", "view_submission")
                .put("api_app_id", "A0APP0001").put("token", "legacy-verification-token").put("trigger_id", "9.9.sub");
        payload.putObject("team").put("id", "T0ACME001").put("domain", "acme-study");
        payload.putObject("user").put("id", ADMIN).put("username", "ada").put("name", "ada").put("team_id", "T0ACME001");
        ObjectNode view = payload.putObject("view").put("id", "V0MODAL01").put("type", "modal")
                .put("callback_id", "schedule").put("private_metadata", metadata);
        ObjectNode values = view.putObject("state").putObject("values");
        values.putObject("time").putObject("time").put("type", "plain_text_input").put("value", time);
        values.putObject("zone").putObject("zone").put("type", "static_select").putObject("selected_option")
                .put("value", zone).putObject("text").put("type", "plain_text").put("text", zone);
        ObjectNode other = values.putObject("other_zone").putObject("other_zone").put("type", "plain_text_input");
        if (otherZone == null) {
            other.putNull("value");
        } else {
            other.put("value", otherZone);
        }
        values.putObject("days").putObject("days").put("type", "static_select").putObject("selected_option")
                .put("value", days);
        var chosen = values.putObject("topics").putObject("topics").put("type", "multi_static_select")
                .putArray("selected_options");
        topics.forEach(topic -> chosen.addObject().put("value", topic));
        payload.putArray("response_urls");
        return payload;
    }

    @Test
    void anAdminOpensTheModalFromTheScheduleButtonAndSavesItAfterFixingTheTime() throws Exception {
        assertEquals(200, post(SlackHttpModeTest.command(slack, "schedule", ADMIN, "ada", "r1")).statusCode());
        JsonNode shown = slack.await("response_url", call -> call.path().endsWith("/r1"), WAIT).json();
        JsonNode button = FakeSlack.buttons(shown.path("blocks")).get(0);
        assertEquals("schedule-form", button.path("value").asText());
        assertEquals("Set a schedule…", button.path("text").path("text").asText());

        ObjectNode press = FakeSlack.JSON.createObjectNode().put("type", "block_actions").put("trigger_id", "7.7.press")
                .put("api_app_id", "A0APP0001").put("token", "legacy-verification-token")
                .put("response_url", slack.responseUrl("p1"));
        press.putObject("user").put("id", ADMIN).put("username", "ada").put("name", "ada").put("team_id", "T0ACME001");
        press.putObject("team").put("id", "T0ACME001").put("domain", "acme-study");
        press.putObject("channel").put("id", "C0GENERAL").put("name", "general");
        press.putArray("actions").addObject().put("action_id", "schedule-form").put("value", "schedule-form")
                .put("type", "button").put("block_id", "b1").put("action_ts", "1764000001.000300");
        assertEquals(200, post(payload(press)).statusCode());

        JsonNode view = openedView("7.7.press");
        assertEquals("modal", view.path("type").asText());
        assertEquals("schedule", view.path("callback_id").asText());
        assertEquals("Question of the day", view.path("title").path("text").asText());
        assertEquals("Save", view.path("submit").path("text").asText());
        JsonNode time = block(view, "time");
        assertEquals("input", time.path("type").asText());
        assertEquals("plain_text_input", time.path("element").path("type").asText());
        assertEquals("time", time.path("element").path("action_id").asText());
        JsonNode zone = block(view, "zone").path("element");
        assertEquals("static_select", zone.path("type").asText());
        assertEquals("Europe/Berlin", zone.path("initial_option").path("value").asText(), "the workspace's zone");
        assertTrue(block(view, "other_zone").path("optional").asBoolean());
        JsonNode topics = block(view, "topics").path("element");
        assertEquals("multi_static_select", topics.path("type").asText());
        assertEquals("EC2", topics.path("options").get(0).path("value").asText());
        String metadata = view.path("private_metadata").asText();
        assertTrue(metadata.contains("C0GENERAL"), metadata);
        Awaitility.await("the press gets no message besides the modal").during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(2)).until(() -> slack.calls("response_url").size() == 1);

        HttpResponse<String> refused = post(payload(submission(metadata, "25:00", "Europe/Paris", "Mars/Olympus",
                "weekdays", List.of("S3"))));
        assertEquals(200, refused.statusCode());
        JsonNode errors = FakeSlack.JSON.readTree(refused.body());
        assertEquals("errors", errors.path("response_action").asText(), refused.body());
        assertEquals("\"25:00\" is not a time of day; use 24-hour HH:MM, e.g. 09:00 or 17:30.",
                errors.path("errors").path("time").asText());
        assertTrue(errors.path("errors").path("other_zone").asText().contains("\"Mars/Olympus\" is not a time zone"));
        assertTrue(daily.store().schedule(GENERAL).isEmpty(), "nothing saved");

        HttpResponse<String> saved = post(payload(submission(metadata, "07:30", "Europe/Paris", null, "weekdays",
                List.of("S3", "EC2"))));
        assertEquals(200, saved.statusCode());
        assertFalse(saved.body().contains("errors"), saved.body());
        Schedule schedule = daily.store().schedule(GENERAL).orElseThrow();
        assertEquals(LocalTime.of(7, 30), schedule.time());
        assertEquals(ZoneId.of("Europe/Paris"), schedule.zone());
        assertTrue(schedule.weekdaysOnly());
        assertEquals(List.of("S3", "EC2"), schedule.topics());
        FakeSlack.Call confirmed = slack.await("chat.postMessage", call -> "C0GENERAL".equals(call.params().get("channel")),
                WAIT);
        assertTrue(confirmed.params().get("text").contains(
                "Question of the day for #general: weekdays at 07:30 Europe/Paris, topics: S3, EC2 (set by ada)"),
                confirmed.params().toString());
    }

    @Test
    void scheduleSetWithoutATimeOpensTheModalWithTheCommandsTrigger() throws Exception {
        daily.bot().handle(new Interaction.Text(new Caller(new Member("slack", ADMIN, "ada"),
                new Place("slack", "T0ACME001", "acme-study", "C0GENERAL", "general"), true), "schedule set 18:15 UTC daily"));
        assertEquals(200, post(SlackHttpModeTest.command(slack, "schedule set", ADMIN, "ada", "r2")).statusCode());
        JsonNode view = openedView("13345224609.738474920.8088930838d88f008e0");
        assertEquals("18:15", block(view, "time").path("element").path("initial_value").asText(), "pre-filled");
        assertEquals("UTC", block(view, "zone").path("element").path("initial_option").path("value").asText());
        assertEquals("daily", block(view, "days").path("element").path("initial_option").path("value").asText());
        Awaitility.await("no reply besides the modal").during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                .until(() -> slack.calls("response_url").isEmpty());
    }

    @Test
    void aMemberGetsNoModalButTheRefusal() throws Exception {
        assertEquals(200, post(SlackHttpModeTest.command(slack, "schedule set", "U0BOB0001", "bob", "r3")).statusCode());
        JsonNode reply = slack.await("response_url", call -> call.path().endsWith("/r3"), WAIT).json();
        assertTrue(reply.toString().contains("Only admins can use /study schedule set"), reply.toString());
        assertTrue(slack.calls("views.open").isEmpty());
    }
}
