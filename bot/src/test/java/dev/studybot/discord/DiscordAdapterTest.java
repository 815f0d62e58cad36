package dev.studybot.discord;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.studybot.chat.Button;
import dev.studybot.chat.ChatHandler;
import dev.studybot.chat.CommandSpec;
import dev.studybot.chat.Interaction;
import dev.studybot.chat.Reply;
import dev.studybot.config.StudybotConfig;
import dev.studybot.study.RealCommands;
import dev.studybot.ops.StartupFailure;
import dev.studybot.domain.Place;
import dev.studybot.pipeline.MiddlewareChain;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** End to end against {@link FakeDiscord} on loopback: JDA logs in, registers commands and answers interactions. */
@Timeout(40)
class DiscordAdapterTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A member without Manage Server whose id is configured in admins.discord. */
    private static final String CONFIGURED_ADMIN_ID = "1400000000000000009";

    /** The press the test's bot answers with a reply that replaces the practice question it was on. */
    private static final String ANSWERED_PRACTICE = "answer:8:0";

    private FakeDiscord discord;
    private final List<DiscordAdapter> adapters = new ArrayList<>();
    private final List<Interaction> seen = new CopyOnWriteArrayList<>();
    /** Holds "search slow" and "leaderboard all" in the bot until the test lets them go. */
    private final CountDownLatch slowSearch = new CountDownLatch(1);
    private final CountDownLatch slowBoard = new CountDownLatch(1);
    /** The test's bot behind the program's middleware chain, with topics to complete. */
    private final ChatHandler chat = MiddlewareChain.standard(Map.of("discord", List.of(CONFIGURED_ADMIN_ID)),
            new ChatHandler() {
                @Override
                public Reply handle(Interaction interaction) {
                    return answer(interaction);
                }

                @Override
                public List<String> topicNames() {
                    return List.of("ec2", "s3", "spot instances");
                }

                @Override
                public List<CommandSpec> commands() {
                    return RealCommands.specs();
                }
            });

    @BeforeEach
    void startFake() throws Exception {
        discord = new FakeDiscord();
    }

    @AfterEach
    void stopAll() throws Exception {
        slowSearch.countDown();
        slowBoard.countDown();
        for (DiscordAdapter adapter : adapters) {
            adapter.close();
        }
        discord.close();
    }

    private DiscordAdapter start(String guildId) {
        DiscordAdapter adapter = new DiscordAdapter(discord.settings(guildId));
        adapters.add(adapter);
        adapter.start(chat);
        return adapter;
    }

    private Reply answer(Interaction interaction) {
        seen.add(interaction);
        if (interaction instanceof Interaction.Press press && press.action().equals(ANSWERED_PRACTICE)) {
            return new Reply(true, List.of(new Reply.Heading("Practice question · S3"), new Reply.Text("Cheapest class?"),
                    new Reply.Lines(List.of("❌ A. Standard", "✅ B. Deep Archive")), new Reply.Text("Not quite")),
                    List.of(Button.answer(8, 0, "Standard").in(Button.State.WRONG),
                            Button.answer(8, 1, "Deep Archive").in(Button.State.RIGHT),
                            new Button("next-question", "next8", "Next question"))).replacingPressed();
        }
        if (interaction instanceof Interaction.Press press && press.action().equals("board-period:month")) {
            return Reply.publicly(new Reply.Heading("Leaderboard, this month")).replacingPressed();
        }
        if (interaction instanceof Interaction.Press press && press.action().startsWith("search-share:")) {
            return Reply.publicly(new Reply.Text("alice shared a lookup"));
        }
        if (interaction instanceof Interaction.Press press) {
            return Reply.privately(new Reply.Text("Right! +10 points (" + press.action() + ")"));
        }
        String text = interaction instanceof Interaction.Text typed ? typed.text()
                : (((Interaction.Command) interaction).path() + " "
                        + String.join(" ", ((Interaction.Command) interaction).options().values().values())).strip();
        if (text.equals("leaderboard all")) {
            waitFor(slowBoard);
        }
        if (text.equals("search slow")) {
            waitFor(slowSearch);
        }
        if (text.equals("search crash")) {
            throw new IllegalStateException("the index at /srv/secret is gone");
        }
        if (text.startsWith("search")) {
            return Reply.privately(new Reply.Heading("Results for spot instance"),
                    new Reply.Excerpt("EC2 > Spot", "ec2.md:12", "Two-minute interruption notice.", List.of()),
                    new Reply.Note("3 passages"));
        }
        if (text.equals("leaderboard week")) {
            return Reply.publicly(new Reply.Heading("Leaderboard"), Reply.Lines.of(List.of(
                    new Reply.Field("1. <@" + FakeDiscord.ADMIN_ID + ">", "30 pts", "  ", false),
                    new Reply.Field("2. bob", "10 pts", "  ", false))),
                    new Reply.Menu("Period", List.of(new Reply.MenuOption("board-period:week", "Board: this week", true),
                            new Reply.MenuOption("board-period:month", "Board: this month", false))));
        }
        if (text.contains("chart")) {
            return Reply.publicly(new Reply.Heading("Leaderboard"), new Reply.Lines(List.of("1. alice 30")),
                    new Reply.Attachment(CHART, "leaderboard.png", "Leaderboard, points: alice 30"));
        }
        return Reply.publicly(new Reply.Heading("Leaderboard"), new Reply.Lines(List.of("1. alice 30", "2. bob 10")));
    }

    /** Bytes no text encoding keeps as they are. */
    private static final byte[] CHART = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0, (byte) 0xFF, (byte) 0xC3};

    private static void waitFor(CountDownLatch release) {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ObjectNode options(String... pairs) {
        ObjectNode node = JSON.createObjectNode();
        for (int i = 0; i < pairs.length; i += 2) {
            node.put(pairs[i], pairs[i + 1]);
        }
        return node;
    }

    @Test
    void registersTheCommandsByBulkOverwriteSoARestartDoesNotDuplicate() throws Exception {
        start(FakeDiscord.GUILD_ID).close();
        start(FakeDiscord.GUILD_ID);
        String path = "applications/" + FakeDiscord.APP_ID + "/guilds/" + FakeDiscord.GUILD_ID + "/commands";
        discord.awaitRequest("PUT", path, WAIT);
        List<FakeDiscord.Request> puts = discord.requests("PUT", path);
        assertEquals(2, puts.size(), "each start overwrites the whole list once");
        assertEquals(puts.get(0).body(), puts.get(1).body(), "the same commands both times");
        assertTrue(discord.requests("POST", "/commands").isEmpty(), "never created one by one");
        JsonNode body = puts.get(1).body();
        assertEquals(3, body.size());
        assertEquals(DiscordCommands.LOOK_UP, body.get(2).path("name").asText());
        assertEquals(3, body.get(2).path("type").asInt(), "a message context command");
        JsonNode study = body.get(0);
        assertEquals("study", study.path("name").asText());
        List<String> subcommands = new ArrayList<>();
        study.path("options").forEach(o -> subcommands.add(o.path("name").asText()));
        assertEquals(List.of("search", "quiz", "review", "leaderboard", "stats", "home", "topics", "schedule", "timezone", "about",
                "help"), subcommands);
        JsonNode quizTopic = study.path("options").get(1).path("options").get(0);
        assertTrue(quizTopic.path("autocomplete").asBoolean());
        JsonNode zone = null;
        for (JsonNode group : body.get(1).path("options")) {
            if (group.path("name").asText().equals("timezone")) {
                zone = group.path("options").get(0).path("options").get(0);
            }
        }
        assertEquals("zone", zone.path("name").asText());
        assertTrue(zone.path("autocomplete").asBoolean(), "time zones are suggested as they are typed");
        JsonNode period = study.path("options").get(3).path("options").get(0);
        assertEquals(3, period.path("choices").size());
        assertEquals(6, study.path("options").get(4).path("options").get(0).path("type").asInt(), "a User option");
        JsonNode admin = body.get(1);
        assertEquals("study-admin", admin.path("name").asText());
        assertEquals(String.valueOf(FakeDiscord.MANAGE_SERVER), admin.path("default_member_permissions").asText());
        // No privileged intents (GUILD_MEMBERS 1<<1, GUILD_PRESENCES 1<<8, MESSAGE_CONTENT 1<<15); Guild Messages
        // (1<<9) for mentions of the bot.
        JsonNode identify = discord.awaitGateway(p -> p.path("op").asInt() == 2, WAIT, "IDENTIFY");
        long intents = identify.path("d").path("intents").asLong();
        assertEquals(0, intents & ((1 << 1) | (1 << 8) | (1 << 15)), "intents " + intents);
        assertEquals(1 << 9, intents & (1 << 9), "intents " + intents);
        assertTrue(discord.awaitGateway(p -> p.has("open"), WAIT, "open").path("open").asText()
                .contains("encoding=json&v=10"));
    }

    @Test
    void aRefusedTokenOrAnUnreachableDiscordStopsStartWithOneLineSayingWhatToDo() {
        DiscordAdapter refused = new DiscordAdapter(new DiscordSettings("wrong-token-0123456789.abcdef", null,
                discord.apiUrl(), discord.gatewayUrl(), StudybotConfig.Shards.ALL));
        adapters.add(refused);
        StartupFailure token = assertThrows(StartupFailure.class, () -> refused.start(chat));
        assertTrue(token.getMessage().contains("Discord refused DISCORD_TOKEN"), token.getMessage());

        DiscordAdapter unreachable = new DiscordAdapter(new DiscordSettings(FakeDiscord.TOKEN, null,
                "http://127.0.0.1:1/api/v10/", discord.gatewayUrl(), StudybotConfig.Shards.ALL));
        adapters.add(unreachable);
        StartupFailure network = assertThrows(StartupFailure.class, () -> unreachable.start(chat));
        assertTrue(network.getMessage().contains("Could not reach Discord at http://127.0.0.1:1/api/v10/"),
                network.getMessage());
        for (String message : List.of(token.getMessage(), network.getMessage())) {
            assertEquals(1, message.lines().count(), message);
            assertFalse(message.contains(FakeDiscord.TOKEN) || message.contains("wrong-token"), message);
        }
    }

    @Test
    void registersGloballyWithoutAGuild() throws Exception {
        start(null);
        FakeDiscord.Request put = discord.awaitRequest("PUT", "applications/" + FakeDiscord.APP_ID + "/commands", WAIT);
        assertFalse(put.path().contains("/guilds/"));
        assertEquals("study", put.body().get(0).path("name").asText());
    }

    @Test
    void answersASearchThroughTheInteractionCallback() throws Exception {
        String searchId = FakeDiscord.snowflakeNow();
        start(FakeDiscord.GUILD_ID);
        discord.dispatch("INTERACTION_CREATE", discord.slash(searchId, "tok-search", "study", null,
                "search", options("query", "spot   instance"), FakeDiscord.USER_ID, false));
        FakeDiscord.Request callback = discord.awaitRequest("POST", "interactions/" + searchId + "/tok-search/callback",
                WAIT);
        assertEquals(4, callback.body().path("type").asInt(), "answered at once");
        JsonNode data = callback.body().path("data");
        assertEquals(64, data.path("flags").asInt() & 64, "ephemeral");
        JsonNode embed = data.path("embeds").get(0);
        assertEquals("Results for spot instance", embed.path("title").asText());
        assertEquals("EC2 > Spot", embed.path("fields").get(0).path("name").asText());
        assertTrue(embed.path("fields").get(0).path("value").asText().contains("ec2.md:12"));
        assertEquals("3 passages", embed.path("footer").path("text").asText());
        Interaction.Command command = (Interaction.Command) seen.get(0);
        assertEquals("search", command.path());
        assertEquals(Map.of("query", "spot   instance"), command.options().values());
        assertEquals("discord", command.caller().member().platform());
        assertEquals(FakeDiscord.USER_ID, command.caller().member().userId());
        assertEquals(FakeDiscord.GUILD_ID, command.caller().place().groupId());
        assertEquals(FakeDiscord.CHANNEL_ID, command.caller().place().channelId());
        assertFalse(command.caller().admin());
    }

    @Test
    void lookUpInNotesOnAMessageSearchesItsWordsAndAnswersOnlyTheMemberWhoAsked() throws Exception {
        String id = FakeDiscord.snowflakeNow();
        start(FakeDiscord.GUILD_ID);
        discord.dispatch("INTERACTION_CREATE", discord.messageCommand(id, "tok-lookup", DiscordCommands.LOOK_UP,
                "does a   spot instance get a warning?", FakeDiscord.USER_ID));
        FakeDiscord.Request callback = discord.awaitRequest("POST", "interactions/" + id + "/tok-lookup/callback", WAIT);
        assertEquals(4, callback.body().path("type").asInt(), "answered at once");
        assertEquals(64, callback.body().path("data").path("flags").asInt() & 64, "only the member who asked");
        assertEquals("Results for spot instance",
                callback.body().path("data").path("embeds").get(0).path("title").asText());
        Interaction.Text lookup = (Interaction.Text) seen.get(0);
        assertEquals("search does a spot instance get a warning?", lookup.text());
        assertEquals(FakeDiscord.USER_ID, lookup.caller().member().userId(), "the asker, not the message's author");
    }

    @Test
    void aMentionOfTheBotIsAnsweredInAThreadStartedFromTheMessage() throws Exception {
        start(FakeDiscord.GUILD_ID);
        String messageId = FakeDiscord.snowflakeNow();
        discord.dispatch("MESSAGE_CREATE", discord.mentioningTheBot(messageId,
                "<@" + FakeDiscord.APP_ID + "> how long is the spot notice?", FakeDiscord.USER_ID));

        FakeDiscord.Request thread = discord.awaitRequest("POST",
                "channels/" + FakeDiscord.CHANNEL_ID + "/messages/" + messageId + "/threads", WAIT);
        assertEquals("how long is the spot notice?", thread.body().path("name").asText());
        FakeDiscord.Request answer = discord.awaitRequest("POST", "channels/" + messageId + "/messages", WAIT);
        assertEquals("Results for spot instance", answer.body().path("embeds").get(0).path("title").asText());
        Interaction.Text lookup = (Interaction.Text) seen.get(0);
        assertEquals("search how long is the spot notice?", lookup.text(), "the question without the mention");
        assertEquals(FakeDiscord.USER_ID, lookup.caller().member().userId());
    }

    @Test
    void aPressWhoseReplyIsForEveryoneIsAnsweredInTheChannel() throws Exception {
        DiscordAdapter adapter = start(FakeDiscord.GUILD_ID);
        String pressId = FakeDiscord.snowflakeNow();
        adapter.poster().post(new Place("discord", FakeDiscord.GUILD_ID, "guild", FakeDiscord.CHANNEL_ID, "general"),
                new Reply(false, List.of(new Reply.Text("Results")), List.of(new Button("search-share:abc", "share", "Share"))));
        JsonNode results = discord.awaitRequest("POST", "channels/" + FakeDiscord.CHANNEL_ID + "/messages", WAIT).response();
        discord.dispatch("INTERACTION_CREATE", discord.button(pressId, "tok-share", "search-share:abc", results,
                FakeDiscord.USER_ID));
        FakeDiscord.Request callback = discord.awaitRequest("POST", "interactions/" + pressId + "/tok-share/callback", WAIT);
        assertEquals(4, callback.body().path("type").asInt(), "a message of its own");
        assertEquals(0, callback.body().path("data").path("flags").asInt() & 64, "for everyone");
    }

    @Test
    void messagesThatDoNotMentionTheBotAreLeftAlone() throws Exception {
        start(FakeDiscord.GUILD_ID);
        ObjectNode other = discord.mentioningTheBot(FakeDiscord.snowflakeNow(), "spot instances are cheap", FakeDiscord.USER_ID);
        other.putArray("mentions");
        discord.dispatch("MESSAGE_CREATE", other);
        await("no lookup for a message without a mention").during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> seen.isEmpty() && discord.requests("POST", "/threads").isEmpty());
    }

    /** {@code /study leaderboard} with {@code options} by the admin, as interaction {@code boardId}: the reply's edit. */
    private FakeDiscord.Request editedBoard(String boardId, String token, ObjectNode options) throws Exception {
        start(FakeDiscord.GUILD_ID);
        discord.dispatch("INTERACTION_CREATE", discord.slash(boardId, token, "study", null,
                "leaderboard", options, FakeDiscord.ADMIN_ID, true));
        return discord.awaitRequest("PATCH", "webhooks/" + FakeDiscord.APP_ID + "/" + token + "/messages/@original", WAIT);
    }

    @Test
    void defersALeaderboardThenEditsTheReplyThroughTheWebhook() throws Exception {
        String boardId = FakeDiscord.snowflakeNow();
        FakeDiscord.Request edit = editedBoard(boardId, "tok-board", options("period", "month", "scope", "channel"));
        FakeDiscord.Request callback = discord.awaitRequest("POST", "interactions/" + boardId + "/tok-board/callback",
                WAIT);
        assertEquals(5, callback.body().path("type").asInt(), "deferred");
        assertEquals(0, callback.body().path("data").path("flags").asInt() & 64, "in public");
        JsonNode embed = edit.body().path("embeds").get(0);
        assertEquals("Leaderboard", embed.path("title").asText());
        assertEquals("1. alice 30\n2. bob 10", embed.path("description").asText());
        Interaction.Command command = (Interaction.Command) seen.get(0);
        assertEquals("leaderboard", command.path());
        assertEquals(Map.of("period", "month", "scope", "channel"), command.options().values());
        assertTrue(command.caller().admin(), "the moderators role has Manage Server");
    }

    @Test
    void aLeaderboardsChartIsAttachedToTheEditedReplyAndShownInItsEmbed() throws Exception {
        FakeDiscord.Request edit = editedBoard(FakeDiscord.snowflakeNow(), "tok-chart", options("period", "week", "show", "chart"));
        assertEquals(1, edit.files().size(), "one file beside payload_json");
        FakeDiscord.FilePart file = edit.files().get(0);
        assertEquals("files[0]", file.field());
        assertEquals("leaderboard.png", file.fileName());
        assertArrayEquals(CHART, file.bytes(), "the bytes as they are, in a multipart part of their own");
        JsonNode attachment = edit.body().path("attachments").get(0);
        assertEquals("leaderboard.png", attachment.path("filename").asText());
        assertEquals("Leaderboard, points: alice 30", attachment.path("description").asText());
        assertEquals("attachment://leaderboard.png", edit.body().path("embeds").get(0).path("image").path("url").asText());
    }

    @Test
    void aBoardIsAnEmbedWithFieldsAndAPeriodMenuWhosePickEditsTheMessageAndNoMentionPings() throws Exception {
        FakeDiscord.Request edit = editedBoard(FakeDiscord.snowflakeNow(), "tok-fields", options("period", "week"));
        JsonNode embed = edit.body().path("embeds").get(0);
        assertEquals("1. <@" + FakeDiscord.ADMIN_ID + ">", embed.path("fields").get(0).path("name").asText());
        assertEquals("30 pts", embed.path("fields").get(0).path("value").asText());
        assertFalse(embed.path("fields").get(0).path("inline").asBoolean());
        assertEquals("2. bob", embed.path("fields").get(1).path("name").asText());
        assertFalse(embed.has("description"), "the rows are fields, not text: " + embed);
        assertEquals(0, edit.body().path("allowed_mentions").path("parse").size(), "a name like a mention pings nobody");
        JsonNode select = edit.body().path("components").get(0).path("components").get(0);
        assertEquals(3, select.path("type").asInt(), "a string select menu");
        assertEquals(DiscordRenderer.MENU, select.path("custom_id").asText());
        assertEquals("board-period:week", select.path("options").get(0).path("value").asText());
        assertTrue(select.path("options").get(0).path("default").asBoolean(), "the period shown is selected");
        assertEquals("Board: this month", select.path("options").get(1).path("label").asText());

        String pickId = FakeDiscord.snowflakeNow();
        discord.dispatch("INTERACTION_CREATE", discord.select(pickId, "tok-pick", DiscordRenderer.MENU,
                "board-period:month", edit.response(), FakeDiscord.USER_ID));
        FakeDiscord.Request picked = discord.awaitRequest("POST", "interactions/" + pickId + "/tok-pick/callback", WAIT);
        assertEquals(7, picked.body().path("type").asInt(), "UPDATE_MESSAGE: the board itself is edited");
        assertEquals("Leaderboard, this month", picked.body().path("data").path("embeds").get(0).path("title").asText());
        assertEquals("board-period:month", ((Interaction.Press) seen.get(seen.size() - 1)).action());
    }

    @Test
    void closingLetsAnInteractionUnderWayFinishAndSendItsReply() throws Exception {
        DiscordAdapter adapter = start(FakeDiscord.GUILD_ID);
        String id = FakeDiscord.snowflakeNow();
        discord.dispatch("INTERACTION_CREATE", discord.slash(id, "tok-closing", "study", null,
                "leaderboard", options("period", "all"), FakeDiscord.USER_ID, false));
        discord.awaitRequest("POST", "interactions/" + id + "/tok-closing/callback", WAIT);
        await("the bot is working on it").atMost(WAIT).until(() -> seen.size() == 1);

        // The bot needs another second, which close() waits for.
        CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS).execute(slowBoard::countDown);
        adapter.close();

        FakeDiscord.Request edit = discord.awaitRequest("PATCH",
                "webhooks/" + FakeDiscord.APP_ID + "/tok-closing/messages/@original", WAIT);
        assertEquals("Leaderboard", edit.body().path("embeds").get(0).path("title").asText());
    }

    @Test
    void defersASearchThatIsNotDoneInTimeThenEditsItPrivately() throws Exception {
        start(FakeDiscord.GUILD_ID);
        String id = FakeDiscord.snowflakeNow();
        discord.dispatch("INTERACTION_CREATE", discord.slash(id, "tok-slow", "study", null, "search",
                options("query", "slow"), FakeDiscord.USER_ID, false));
        FakeDiscord.Request callback = discord.awaitRequest("POST", "interactions/" + id + "/tok-slow/callback", WAIT);
        assertEquals(5, callback.body().path("type").asInt(), "deferred before the 3-second deadline");
        assertEquals(64, callback.body().path("data").path("flags").asInt() & 64, "privately");
        slowSearch.countDown();
        FakeDiscord.Request edit = discord.awaitRequest("PATCH",
                "webhooks/" + FakeDiscord.APP_ID + "/tok-slow/messages/@original", WAIT);
        assertEquals("Results for spot instance", edit.body().path("embeds").get(0).path("title").asText());
    }

    @Test
    void postsTheQuestionOfTheDayWithButtonsAndAnswersAPressPrivately() throws Exception {
        String pressId = FakeDiscord.snowflakeNow();
        DiscordAdapter adapter = start(FakeDiscord.GUILD_ID);
        Place channel = new Place("discord", FakeDiscord.GUILD_ID, "Study Group", FakeDiscord.CHANNEL_ID, "general");
        List<Button> buttons = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            buttons.add(Button.answer(7, i, "choice " + i));
        }
        adapter.poster().post(channel, new Reply(false, List.of(new Reply.Heading("Question of the day"),
                new Reply.Text("Which instance type can be interrupted?")), buttons));
        FakeDiscord.Request post = discord.awaitRequest("POST", "channels/" + FakeDiscord.CHANNEL_ID + "/messages", WAIT);
        JsonNode rows = post.body().path("components");
        assertEquals(2, rows.size(), "five buttons to a row");
        assertEquals(5, rows.get(0).path("components").size());
        assertEquals("answer:7:1", rows.get(0).path("components").get(1).path("custom_id").asText());
        assertEquals("Question of the day", post.body().path("embeds").get(0).path("title").asText());

        JsonNode posted = post.response(); // the message as Discord keeps it, with the buttons
        discord.dispatch("INTERACTION_CREATE", discord.button(pressId, "tok-press", "answer:7:1", posted,
                FakeDiscord.USER_ID));
        FakeDiscord.Request callback = discord.awaitRequest("POST", "interactions/" + pressId + "/tok-press/callback",
                WAIT);
        assertEquals(4, callback.body().path("type").asInt());
        assertEquals(64, callback.body().path("data").path("flags").asInt() & 64, "only the presser sees it");
        assertTrue(callback.body().path("data").path("embeds").get(0).path("description").asText().startsWith("Right!"));
        Interaction.Press press = (Interaction.Press) seen.get(0);
        assertEquals("answer:7:1", press.action());
        assertEquals(FakeDiscord.USER_ID, press.caller().member().userId());
    }

    @Test
    void anAnsweredPracticeQuestionIsEditedInPlaceWithItsButtonsColouredAndDisabled() throws Exception {
        DiscordAdapter adapter = start(FakeDiscord.GUILD_ID);
        Place channel = new Place("discord", FakeDiscord.GUILD_ID, "Study Group", FakeDiscord.CHANNEL_ID, "general");
        adapter.poster().post(channel, new Reply(true, List.of(new Reply.Text("Cheapest class?")),
                List.of(Button.answer(8, 0, "Standard"), Button.answer(8, 1, "Deep Archive"))));
        JsonNode question = discord.awaitRequest("POST", "channels/" + FakeDiscord.CHANNEL_ID + "/messages", WAIT)
                .response();
        String pressId = FakeDiscord.snowflakeNow();
        discord.dispatch("INTERACTION_CREATE", discord.button(pressId, "tok-edit", ANSWERED_PRACTICE, question,
                FakeDiscord.USER_ID));
        FakeDiscord.Request callback = discord.awaitRequest("POST", "interactions/" + pressId + "/tok-edit/callback",
                WAIT);
        assertEquals(7, callback.body().path("type").asInt(), "UPDATE_MESSAGE: the question's message is edited");
        JsonNode embed = callback.body().path("data").path("embeds").get(0);
        assertEquals("Practice question · S3", embed.path("title").asText());
        assertTrue(embed.path("description").asText().contains("❌ A. Standard\n✅ B. Deep Archive"), embed.toString());
        JsonNode buttons = callback.body().path("data").path("components").get(0).path("components");
        assertEquals(List.of(4, 3, 1), List.of(buttons.get(0).path("style").asInt(), buttons.get(1).path("style").asInt(),
                buttons.get(2).path("style").asInt()), "red pressed, green right, then a live primary: " + buttons);
        assertEquals(List.of(true, true, false), List.of(buttons.get(0).path("disabled").asBoolean(),
                buttons.get(1).path("disabled").asBoolean(), buttons.get(2).path("disabled").asBoolean()));
        assertEquals("next-question", buttons.get(2).path("custom_id").asText());
    }

    @Test
    void completesQuizTopicsFromTheNotes() throws Exception {
        start(FakeDiscord.GUILD_ID);
        String id = FakeDiscord.snowflakeNow();
        ObjectNode interaction = discord.slash(id, "tok-complete", "study", null, "quiz", options("topic", "sp"),
                FakeDiscord.USER_ID, false);
        interaction.put("type", 4);
        ((ObjectNode) interaction.path("data").path("options").get(0).path("options").get(0)).put("focused", true);
        discord.dispatch("INTERACTION_CREATE", interaction);
        FakeDiscord.Request callback = discord.awaitRequest("POST", "interactions/" + id + "/tok-complete/callback",
                WAIT);
        assertEquals(8, callback.body().path("type").asInt());
        JsonNode choices = callback.body().path("data").path("choices");
        assertEquals(1, choices.size());
        assertEquals("spot instances", choices.get(0).path("value").asText());
        await("autocomplete does not reach the bot").during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                .until(seen::isEmpty);
    }

    @Test
    void completesTimeZonesAsTheyAreTyped() throws Exception {
        start(FakeDiscord.GUILD_ID);
        String id = FakeDiscord.snowflakeNow();
        ObjectNode interaction = discord.slash(id, "tok-zone", "study-admin", "timezone", "set", options("zone", "berl"),
                FakeDiscord.ADMIN_ID, true);
        interaction.put("type", 4);
        ((ObjectNode) interaction.path("data").path("options").get(0).path("options").get(0).path("options").get(0))
                .put("focused", true);
        discord.dispatch("INTERACTION_CREATE", interaction);
        JsonNode choices = discord.awaitRequest("POST", "interactions/" + id + "/tok-zone/callback", WAIT).body()
                .path("data").path("choices");
        assertEquals(1, choices.size(), choices.toString());
        assertEquals("Europe/Berlin", choices.get(0).path("value").asText());
    }

    @Test
    void theMentionIsARoleOptionThatArrivesAsTheRolesMention() throws Exception {
        start(FakeDiscord.GUILD_ID);
        JsonNode registered = discord.awaitRequest("PUT", "/commands", WAIT).body().get(1);
        JsonNode who = null;
        for (JsonNode group : registered.path("options")) {
            for (JsonNode sub : group.path("options")) {
                if (group.path("name").asText().equals("schedule") && sub.path("name").asText().equals("mention")) {
                    who = sub.path("options").get(0);
                }
            }
        }
        assertEquals("who", who.path("name").asText());
        assertEquals(8, who.path("type").asInt(), "a Role option");
        assertFalse(who.path("required").asBoolean(), "left out, it turns the mention off");

        String id = FakeDiscord.snowflakeNow();
        ObjectNode interaction = discord.slash(id, "tok-role", "study-admin", "schedule", "mention",
                options("who", "3000"), FakeDiscord.ADMIN_ID, true);
        ((ObjectNode) interaction.path("data").path("options").get(0).path("options").get(0).path("options").get(0))
                .put("type", 8);
        discord.dispatch("INTERACTION_CREATE", interaction);
        // An admin command is slow: deferred first, handled after.
        Interaction.Command command = await("the mention command").atMost(WAIT)
                .until(() -> seen.stream().filter(Interaction.Command.class::isInstance).map(Interaction.Command.class::cast)
                        .filter(c -> c.path().equals("schedule mention")).findFirst(), java.util.Optional::isPresent)
                .orElseThrow();
        assertEquals(Map.of("who", "<@&3000>"), command.options().values());
    }

    @Test
    void keepsWorkingAfterTheGatewayDropsTheConnection() throws Exception {
        String laterId = FakeDiscord.snowflakeNow();
        start(FakeDiscord.GUILD_ID);
        discord.dropConnection();
        JsonNode resume = discord.awaitGateway(p -> p.path("op").asInt() == 6, Duration.ofSeconds(25),
                "a RESUME after the drop");
        assertEquals("fake-session-1", resume.path("d").path("session_id").asText());
        assertEquals(2, discord.gatewayCount(p -> p.has("open")), "connected again");
        // Sent on the fresh connection after RESUMED, so JDA handles it as resumed.
        discord.awaitGateway(p -> p.path("sent").asText().equals("RESUMED"), WAIT, "RESUMED sent");
        discord.dispatch("INTERACTION_CREATE", discord.slash(laterId, "tok-again", "study", null,
                "search", options("query", "s3"), FakeDiscord.USER_ID, false));
        FakeDiscord.Request callback = discord.awaitRequest("POST", "interactions/" + laterId + "/tok-again/callback",
                WAIT);
        assertEquals(4, callback.body().path("type").asInt());
        assertEquals(Map.of("query", "s3"), ((Interaction.Command) seen.get(seen.size() - 1)).options().values());
    }

    @Test
    void aConfiguredAdminIsAnAdminAndAFailureIsAnApologyThroughTheChain() throws Exception {
        start(FakeDiscord.GUILD_ID);
        String boardId = FakeDiscord.snowflakeNow();
        discord.dispatch("INTERACTION_CREATE", discord.slash(boardId, "tok-conf", "study", null,
                "leaderboard", options("period", "week"), CONFIGURED_ADMIN_ID, false));
        discord.awaitRequest("PATCH", "webhooks/" + FakeDiscord.APP_ID + "/tok-conf/messages/@original", WAIT);
        assertTrue(seen.get(0).caller().admin(), "admins.discord, added by the middleware chain");

        String crashId = FakeDiscord.snowflakeNow();
        discord.dispatch("INTERACTION_CREATE", discord.slash(crashId, "tok-crash", "study", null,
                "search", options("query", "crash"), FakeDiscord.USER_ID, false));
        FakeDiscord.Request callback = discord.awaitRequest("POST", "interactions/" + crashId + "/tok-crash/callback",
                WAIT);
        assertEquals(64, callback.body().path("data").path("flags").asInt() & 64, "only the caller sees it");
        String apology = callback.body().path("data").toString();
        assertTrue(apology.contains("Sorry, something went wrong on studybot's side"), apology);
        assertFalse(apology.contains("secret"), apology);
        assertFalse(seen.get(1).caller().admin());
    }
}
