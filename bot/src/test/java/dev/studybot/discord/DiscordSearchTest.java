package dev.studybot.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.studybot.cli.AssembledBot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A lookup on Discord through the bot as the program assembles it (sample notes, SQLite), against {@link FakeDiscord}. */
@Timeout(60)
class DiscordSearchTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private FakeDiscord discord;
    private AssembledBot bot;

    @AfterEach
    void stop() throws Exception {
        if (bot != null) {
            bot.close();
        }
        if (discord != null) {
            discord.close();
        }
    }

    @Test
    void showFullPassageAnswersPrivatelyWithTheWholePassage() throws Exception {
        discord = new FakeDiscord();
        bot = AssembledBot.on(new DiscordAdapter(discord.settings(FakeDiscord.GUILD_ID)), Path.of("..", "notes"), dir);
        String searchId = FakeDiscord.snowflakeNow();
        discord.dispatch("INTERACTION_CREATE", discord.slash(searchId, "tok-search", "study", null, "search",
                new ObjectMapper().createObjectNode().put("query", "spot interruption notice"), FakeDiscord.USER_ID, false));
        FakeDiscord.Request results = discord.awaitRequest("POST", "interactions/" + searchId + "/tok-search/callback", WAIT);
        JsonNode first = results.body().path("data").path("embeds").get(0).path("fields").get(0);
        assertTrue(first.path("name").asText().startsWith("1. "), first.toString());
        String gist = first.path("value").asText();
        assertTrue(gist.contains("> " + "▶ ") && gist.contains("> …"), "the answering lines, and where others were: " + gist);

        String full = buttons(results.body().path("data")).stream().map(b -> b.path("custom_id").asText())
                .filter(id -> id.startsWith("search-passage:")).findFirst()
                .orElseThrow(() -> new AssertionError("no Show full passage button: " + results.body()));
        String pressId = FakeDiscord.snowflakeNow();
        discord.dispatch("INTERACTION_CREATE", discord.button(pressId, "tok-full", full,
                results.response().path("resource").path("message"), FakeDiscord.USER_ID));
        FakeDiscord.Request passage = discord.awaitRequest("POST", "interactions/" + pressId + "/tok-full/callback", WAIT);
        assertEquals(4, passage.body().path("type").asInt(), "a message of its own, beside the results");
        assertEquals(64, passage.body().path("data").path("flags").asInt() & 64, "only for the member who pressed");
        JsonNode embed = passage.body().path("data").path("embeds").get(0);
        String text = embed.path("description").asText() + embed.path("fields").findValuesAsText("value");
        assertTrue(text.contains("▶ ") && !text.contains("> …") && text.length() > gist.length(), "the whole passage: " + embed);
        assertTrue(embed.path("footer").path("text").asText().startsWith("Result 1 in full, for: spot interruption notice"),
                embed.toString());
    }

    private static List<JsonNode> buttons(JsonNode message) {
        List<JsonNode> buttons = new ArrayList<>();
        message.path("components").forEach(row -> row.path("components").forEach(buttons::add));
        return buttons;
    }
}
