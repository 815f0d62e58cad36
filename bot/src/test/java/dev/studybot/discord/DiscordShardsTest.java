package dev.studybot.discord;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.studybot.chat.ChatHandler;
import dev.studybot.chat.CommandSpec;
import dev.studybot.chat.Interaction;
import dev.studybot.chat.Reply;
import dev.studybot.config.ShardRange;
import dev.studybot.config.StudybotConfig;
import dev.studybot.domain.Place;
import dev.studybot.study.RealCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The bot split over two gateway shards against {@link FakeDiscord}: GUILD_ID lives on shard 1 of 2 and
 * OTHER_GUILD_ID on shard 0, and each shard's events arrive on its own connection.
 */
@Timeout(60)
class DiscordShardsTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Place ON_SHARD_1 = new Place("discord", FakeDiscord.GUILD_ID, "Study Group",
            FakeDiscord.CHANNEL_ID, "general");
    private static final Place ON_SHARD_0 = new Place("discord", FakeDiscord.OTHER_GUILD_ID, "Other Group",
            FakeDiscord.OTHER_CHANNEL_ID, "other");

    private FakeDiscord discord;
    private final List<DiscordAdapter> adapters = new ArrayList<>();
    private final List<Interaction> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startFake() throws Exception {
        discord = new FakeDiscord();
        // Both shards may identify at once (Discord allows it to bots with max_concurrency 2 or more), so that a
        // start takes no IDENTIFY delay of 5 s.
        discord.maxConcurrency = 2;
    }

    @AfterEach
    void stopAll() throws Exception {
        for (DiscordAdapter adapter : adapters) {
            adapter.close();
        }
        discord.close();
    }

    /** Answers with the name of the server the interaction came from. */
    private final ChatHandler chat = new ChatHandler() {
        @Override
        public Reply handle(Interaction interaction) {
            seen.add(interaction);
            return Reply.privately(new Reply.Text("Results in " + interaction.caller().place().groupName()));
        }

        @Override
        public List<CommandSpec> commands() {
            return RealCommands.specs();
        }
    };

    private DiscordAdapter start(StudybotConfig.Shards shards) {
        DiscordAdapter adapter = new DiscordAdapter(discord.settings(FakeDiscord.GUILD_ID, shards));
        adapters.add(adapter);
        adapter.start(chat);
        return adapter;
    }

    /** The reply's data (embeds and components) to a search from GUILD_ID's channel, or from OTHER_GUILD_ID's. */
    private String search(boolean otherGuild, String token) throws InterruptedException {
        String id = FakeDiscord.snowflakeNow();
        var interaction = discord.slash(id, token, "study", null, "search",
                new ObjectMapper().createObjectNode().put("query", "spot"), FakeDiscord.USER_ID, false);
        discord.dispatch("INTERACTION_CREATE", otherGuild ? FakeDiscord.inOtherGuild(interaction) : interaction);
        return discord.awaitRequest("POST", "interactions/" + id + "/" + token + "/callback", WAIT).body()
                .path("data").toString();
    }

    @Test
    void withDiscordsRecommendationOfTwoShardsEachIdentifiesAsItselfAndAnswersItsGuilds() throws Exception {
        discord.recommendedShards = 2;
        start(StudybotConfig.Shards.ALL);

        assertEquals(List.of(List.of(0, 2), List.of(1, 2)),
                discord.identifiedShards().stream().sorted((a, b) -> a.get(0) - b.get(0)).toList());
        assertTrue(search(false, "tok-shard-1").contains("Results in Study Group"));
        assertTrue(search(true, "tok-shard-0").contains("Results in Other Group"));
        assertEquals(1, discord.gatewayCount(p -> p.path("sent").asText().equals("INTERACTION_CREATE")
                && p.path("shard").asInt() == 1), "GUILD_ID's interaction came on shard 1");
        assertEquals(1, discord.gatewayCount(p -> p.path("sent").asText().equals("INTERACTION_CREATE")
                && p.path("shard").asInt() == 0), "OTHER_GUILD_ID's interaction came on shard 0");
        assertEquals(List.of(FakeDiscord.GUILD_ID, FakeDiscord.OTHER_GUILD_ID),
                seen.stream().map(interaction -> interaction.caller().place().groupId()).toList());
    }

    @Test
    void aReplicaForShard1Of2IdentifiesOnlyThatShardAndRegistersTheCommandsOnItsGuild() throws Exception {
        start(new StudybotConfig.Shards(2, new ShardRange(1, 1)));

        assertEquals(List.of(List.of(1, 2)), discord.identifiedShards());
        discord.awaitRequest("PUT", "guilds/" + FakeDiscord.GUILD_ID + "/commands", WAIT);
        assertTrue(search(false, "tok-only-1").contains("Results in Study Group"));
        // The other shard would identify at once (max_concurrency 2): two seconds without it mean it is not started.
        await("no IDENTIFY for shard 0").during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> discord.identifiedShards().size() == 1);
    }

    @Test
    void aReplicaWithoutTheGuildsShardLeavesTheCommandsToTheReplicaThatRunsIt() throws Exception {
        start(new StudybotConfig.Shards(2, new ShardRange(0, 0)));

        assertEquals(List.of(List.of(0, 2)), discord.identifiedShards());
        assertTrue(discord.requests("PUT", "/commands").isEmpty(), "GUILD_ID is on shard 1, which it does not run");
        assertTrue(search(true, "tok-only-0").contains("Results in Other Group"));
    }

    @Test
    void aQuestionOfTheDayGoesOutToAChannelOnEitherShard() throws Exception {
        discord.recommendedShards = 2;
        DiscordAdapter adapter = start(StudybotConfig.Shards.ALL);
        Reply question = Reply.publicly(new Reply.Heading("Question of the day · EC2"), new Reply.Text("Spot or not?"));

        adapter.poster().post(ON_SHARD_1, question);
        FakeDiscord.Request post = discord.awaitRequest("POST", "channels/" + FakeDiscord.CHANNEL_ID + "/messages", WAIT);
        assertEquals("Question of the day · EC2", post.body().path("embeds").get(0).path("title").asText());
        adapter.poster().post(ON_SHARD_0, question);
        discord.awaitRequest("POST", "channels/" + FakeDiscord.OTHER_CHANNEL_ID + "/messages", WAIT);
    }

    @Test
    void aReplicaSaysWhichShardAChannelItCannotPostToIsOn() throws Exception {
        DiscordAdapter adapter = start(new StudybotConfig.Shards(2, new ShardRange(1, 1)));
        Reply question = Reply.publicly(new Reply.Heading("Question of the day · EC2"));

        adapter.poster().post(ON_SHARD_1, question);
        discord.awaitRequest("POST", "channels/" + FakeDiscord.CHANNEL_ID + "/messages", WAIT);
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> adapter.poster().post(ON_SHARD_0, question));
        assertEquals("Discord channel #other is in a server on shard 0, which another replica runs"
                + " (discord.shards.range); only that one can post there.", refused.getMessage());
        assertTrue(discord.requests("POST", "channels/" + FakeDiscord.OTHER_CHANNEL_ID + "/messages").isEmpty());
    }
}
