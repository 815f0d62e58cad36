package dev.studybot.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.studybot.chat.Button;
import dev.studybot.chat.Reply;
import dev.studybot.domain.ChannelKey;
import dev.studybot.domain.Place;
import dev.studybot.pipeline.MiddlewareChain;
import dev.studybot.store.Schedule;
import dev.studybot.study.DailyBot;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The question-of-the-day modal against {@link FakeDiscord} with the real bot on a SQLite file: the MODAL callback
 * (type 9) to a button press, the MODAL_SUBMIT answered privately with what is wrong or publicly with the schedule,
 * and time zones suggested as they are typed (callback type 8).
 */
@Timeout(60)
class DiscordScheduleFormTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ChannelKey GENERAL = new ChannelKey("discord", FakeDiscord.GUILD_ID, FakeDiscord.CHANNEL_ID);

    @TempDir
    Path dir;
    private FakeDiscord discord;
    private DailyBot daily;
    private DiscordAdapter adapter;

    @BeforeEach
    void start() throws Exception {
        discord = new FakeDiscord();
        daily = DailyBot.open(dir, ZoneId.of("Europe/Berlin"), List.of(DailyBot.about("S3"), DailyBot.about("EC2")),
                Clock.systemUTC());
        adapter = new DiscordAdapter(discord.settings(FakeDiscord.GUILD_ID));
        adapter.start(MiddlewareChain.standard(Map.of(), daily.bot()));
    }


    @AfterEach
    void stop() throws Exception {
        adapter.close();
        daily.close();
        discord.close();
    }

    /** What the bot answered to an interaction: the callback's message, or the deferred one's edit. */
    private JsonNode answer(String id, String token) throws InterruptedException {
        FakeDiscord.Request callback = discord.awaitRequest("POST", "interactions/" + id + "/" + token + "/callback", WAIT);
        if (callback.body().path("type").asInt() == 4) {
            return callback.body().path("data");
        }
        return discord.awaitRequest("PATCH", "webhooks/" + FakeDiscord.APP_ID + "/" + token, WAIT).body();
    }

    private JsonNode submit(String token, Map<String, Object> fields) throws InterruptedException {
        String id = FakeDiscord.snowflakeNow();
        discord.dispatch("INTERACTION_CREATE", discord.modalSubmit(id, token, "schedule", fields, FakeDiscord.ADMIN_ID,
                true));
        return answer(id, token);
    }

    @Test
    void theChangeButtonOpensTheModalAndASubmissionIsCheckedThenSaved() throws Exception {
        Place channel = new Place("discord", FakeDiscord.GUILD_ID, "Study Group", FakeDiscord.CHANNEL_ID, "general");
        adapter.poster().post(channel, new Reply(true, List.of(new Reply.Text("No question of the day here yet.")),
                List.of(new Button("schedule-form", "sched", "Set a schedule…"))));
        JsonNode message = discord.awaitRequest("POST", "channels/" + FakeDiscord.CHANNEL_ID + "/messages", WAIT)
                .response();
        String pressId = FakeDiscord.snowflakeNow();
        ObjectNode press = discord.button(pressId, "tok-open", "schedule-form", message, FakeDiscord.ADMIN_ID);
        press.set("member", FakeDiscord.member(FakeDiscord.ADMIN_ID, "alice", true));
        discord.dispatch("INTERACTION_CREATE", press);

        JsonNode callback = discord.awaitRequest("POST", "interactions/" + pressId + "/tok-open/callback", WAIT).body();
        assertEquals(9, callback.path("type").asInt(), "MODAL: " + callback);
        JsonNode modal = callback.path("data");
        assertEquals("schedule", modal.path("custom_id").asText());
        assertEquals("Question of the day", modal.path("title").asText());
        JsonNode labels = modal.path("components");
        assertEquals(5, labels.size(), "Discord's most: time, zone, another zone, days, topics");
        List<String> kinds = new ArrayList<>();
        labels.forEach(label -> kinds.add(label.path("type").asInt() + ":" + label.path("component").path("type").asInt()
                + ":" + label.path("component").path("custom_id").asText()));
        assertEquals(List.of("18:4:time", "18:3:zone", "18:4:other_zone", "18:3:days", "18:3:topics"), kinds);
        assertEquals("Time (24-hour HH:MM)", labels.get(0).path("label").asText());
        JsonNode zone = labels.get(1).path("component");
        assertTrue(zone.path("options").size() <= 25);
        List<String> defaults = new ArrayList<>();
        zone.path("options").forEach(option -> {
            if (option.path("default").asBoolean()) {
                defaults.add(option.path("value").asText());
            }
        });
        assertEquals(List.of("Europe/Berlin"), defaults, "the server's zone is chosen");
        JsonNode topics = labels.get(4).path("component");
        assertEquals(0, topics.path("min_values").asInt());
        assertEquals(2, topics.path("max_values").asInt());

        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("time", "25:00");
        bad.put("zone", List.of("Europe/Paris"));
        bad.put("other_zone", "");
        bad.put("days", List.of("weekdays"));
        bad.put("topics", List.of("S3"));
        JsonNode refused = submit("tok-bad", bad);
        assertEquals(64, refused.path("flags").asInt() & 64, "only the admin sees what is wrong");
        String text = refused.path("embeds").get(0).path("description").asText();
        assertTrue(text.contains("Nothing was changed") && text.contains("**Time:** \"25:00\" is not a time of day"),
                text);
        assertTrue(daily.store().schedule(GENERAL).isEmpty());

        Map<String, Object> good = new LinkedHashMap<>(bad);
        good.put("time", "07:30");
        good.put("topics", List.of("S3", "EC2"));
        JsonNode saved = submit("tok-good", good);
        assertEquals(0, saved.path("flags").asInt() & 64, "the channel sees the new schedule");
        assertTrue(saved.path("embeds").get(0).path("description").asText().contains(
                "Question of the day for #general: weekdays at 07:30 Europe/Paris, topics: S3, EC2 (set by alice)"),
                saved.toString());
        Schedule schedule = daily.store().schedule(GENERAL).orElseThrow();
        assertEquals(LocalTime.of(7, 30), schedule.time());
        assertEquals(ZoneId.of("Europe/Paris"), schedule.zone());
        assertEquals(List.of("S3", "EC2"), schedule.topics());
    }

    @Test
    void aMemberPressingTheButtonGetsTheRefusalInsteadOfTheModal() throws Exception {
        Place channel = new Place("discord", FakeDiscord.GUILD_ID, "Study Group", FakeDiscord.CHANNEL_ID, "general");
        adapter.poster().post(channel, Reply.publicly(new Reply.Text("x")));
        JsonNode message = discord.awaitRequest("POST", "channels/" + FakeDiscord.CHANNEL_ID + "/messages", WAIT)
                .response();
        String pressId = FakeDiscord.snowflakeNow();
        discord.dispatch("INTERACTION_CREATE", discord.button(pressId, "tok-member", "schedule-form", message,
                FakeDiscord.USER_ID));
        JsonNode callback = discord.awaitRequest("POST", "interactions/" + pressId + "/tok-member/callback", WAIT).body();
        assertEquals(4, callback.path("type").asInt(), callback.toString());
        assertTrue(callback.toString().contains("Only admins can use /study-admin schedule set"), callback.toString());
    }

    @Test
    void suggestsTimeZonesByCityAsTypedWithSpacesAndUtc() throws Exception {
        assertEquals(List.of("America/New_York"), zonesFor("new york"));
        assertEquals("UTC", zonesFor("utc").get(0));
    }

    private List<String> zonesFor(String typed) throws Exception {
        String id = FakeDiscord.snowflakeNow();
        ObjectNode options = JSON.createObjectNode().put("zone", typed);
        ObjectNode interaction = discord.slash(id, "tok-zone", "study-admin", "schedule", "set", options,
                FakeDiscord.ADMIN_ID, true);
        interaction.put("type", 4);
        ((ObjectNode) interaction.path("data").path("options").get(0).path("options").get(0).path("options").get(0))
                .put("focused", true);
        discord.dispatch("INTERACTION_CREATE", interaction);
        FakeDiscord.Request callback = discord.awaitRequest("POST", "interactions/" + id + "/tok-zone/callback", WAIT);
        assertEquals(8, callback.body().path("type").asInt());
        List<String> zones = new ArrayList<>();
        callback.body().path("data").path("choices").forEach(choice -> zones.add(choice.path("value").asText()));
        assertTrue(zones.size() <= 25);
        return zones;
    }
}
