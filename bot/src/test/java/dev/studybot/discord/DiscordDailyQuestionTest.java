package dev.studybot.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.studybot.chat.ChatHandler;
import dev.studybot.chat.CommandSpec;
import dev.studybot.chat.Reply;
import dev.studybot.config.ScoringRules;
import dev.studybot.domain.Member;
import dev.studybot.domain.Mention;
import dev.studybot.domain.MessageRef;
import dev.studybot.domain.Place;
import dev.studybot.game.AnswerService;
import dev.studybot.knowledge.questions.Question;
import dev.studybot.ops.CapturedLogs;
import dev.studybot.qotd.QuestionOfTheDay;
import dev.studybot.store.SqlStudyStore;
import dev.studybot.study.RealCommands;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The question of the day as one living Discord message, against {@link FakeDiscord} on a real SQLite file: the
 * message id kept, the live count and the reveal as message edits (PATCH) with coloured disabled buttons, the
 * explanation in a thread started from the message.
 */
@Timeout(60)
class DiscordDailyQuestionTest {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Place GENERAL = new Place("discord", FakeDiscord.GUILD_ID, "Study Group", FakeDiscord.CHANNEL_ID,
            "general");
    private static final String MESSAGES = "channels/" + FakeDiscord.CHANNEL_ID + "/messages";

    @TempDir
    Path dir;

    private FakeDiscord discord;
    private DiscordAdapter adapter;
    private SqlStudyStore store;
    private QuestionOfTheDay daily;

    @BeforeEach
    void start(org.junit.jupiter.api.TestInfo test) throws Exception {
        discord = new FakeDiscord();
        if (test.getTags().contains("old-invite")) {
            discord.everyonePermissions = FakeDiscord.INVITED_WITHOUT_THREADS;
        }
        adapter = new DiscordAdapter(discord.settings(FakeDiscord.GUILD_ID));
        adapter.start(new ChatHandler() {
            @Override
            public Reply handle(dev.studybot.chat.Interaction interaction) {
                return Reply.privately(new Reply.Text("ok"));
            }

            @Override
            public List<CommandSpec> commands() {
                return RealCommands.specs();
            }
        });
        store = SqlStudyStore.open(dir.resolve("studybot.db"));
        Question question = new Question(Question.idOf("fact", "ec2.md", 9, "p", "Spot"), "fact", List.of("EC2"),
                "Which instances can be interrupted with two minutes' notice?", List.of("On-Demand", "Spot", "Reserved"), 1,
                "ec2.md", 9, "Spot instances get a **two-minute** interruption notice.");
        daily = new QuestionOfTheDay(store, store, List.of(question), adapter.poster(), Clock.systemUTC(),
                new QuestionOfTheDay.Settings(Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2),
                        Duration.ofSeconds(30), Duration.ofMillis(300)), 5);
    }

    @AfterEach
    void stop() throws Exception {
        adapter.close();
        store.close();
        discord.close();
    }

    private long postedId() {
        return store.unrevealed().get(0).postedId();
    }

    private void answer(String userId, String name, int choice) {
        new AnswerService(store.answers(), ScoringRules.DEFAULTS)
                .answer(postedId(), new Member("discord", userId, name), GENERAL, choice, Instant.now());
        daily.answered(postedId());
    }

    private static String description(FakeDiscord.Request request) {
        return request.body().path("embeds").get(0).path("description").asText();
    }

    private static List<JsonNode> buttons(FakeDiscord.Request request) {
        List<JsonNode> buttons = new ArrayList<>();
        request.body().path("components").forEach(row -> row.path("components").forEach(buttons::add));
        return buttons;
    }

    @Test
    void thePostKeepsItsIdAndShowsTheRevealTimeAsADiscordTimestamp() throws Exception {
        daily.postNow(GENERAL);

        FakeDiscord.Request post = discord.awaitRequest("POST", MESSAGES, WAIT);
        long revealAt = store.unrevealed().get(0).revealAt().getEpochSecond();
        assertTrue(description(post).contains("revealed <t:" + revealAt + ":f> (<t:" + revealAt + ":R>)"),
                post.body().toString());
        assertTrue(post.body().path("embeds").get(0).path("footer").isMissingNode(), "a footer would show no timestamp");
        assertEquals(new MessageRef(FakeDiscord.CHANNEL_ID, post.response().path("id").asText()),
                store.deliveries().message(postedId()).orElseThrow());
    }

    @Test
    void theLiveCountAndTheRevealEditThePostAndTheExplanationGoesInAThreadOnIt() throws Exception {
        daily.postNow(GENERAL);
        String messageId = discord.awaitRequest("POST", MESSAGES, WAIT).response().path("id").asText();
        answer(FakeDiscord.USER_ID, "bob", 1);
        answer(FakeDiscord.ADMIN_ID, "alice", 0);

        FakeDiscord.Request live = awaitEdit(messageId, "2 answered so far");
        assertTrue(buttons(live).stream().allMatch(b -> !b.path("disabled").asBoolean()), "open: every button works");

        daily.revealNow(GENERAL);

        FakeDiscord.Request reveal = awaitEdit(messageId, "First right: bob.");
        assertEquals("Question of the day · EC2 · answer revealed", reveal.body().path("embeds").get(0).path("title").asText());
        assertTrue(description(reveal).contains("▫️ A. On-Demand · 1\n✅ B. Spot · 1\n▫️ C. Reserved · 0"),
                description(reveal));
        List<JsonNode> buttons = buttons(reveal);
        assertEquals(List.of(true, true, true, false), buttons.stream().map(b -> b.path("disabled").asBoolean()).toList(),
                "the choices closed, Report question still open");
        assertEquals(List.of(2, 3, 2), buttons.subList(0, 3).stream().map(b -> b.path("style").asInt()).toList(),
                "the right choice green (3), the others grey (2)");

        FakeDiscord.Request thread = discord.awaitRequest("POST", MESSAGES + "/" + messageId + "/threads", WAIT);
        assertEquals(DiscordPoster.THREAD_NAME, thread.body().path("name").asText());
        FakeDiscord.Request explanation = discord.awaitRequest("POST", "channels/" + messageId + "/messages", WAIT);
        JsonNode field = explanation.body().path("embeds").get(0).path("fields").get(0);
        assertTrue(field.path("value").asText().contains("**two-minute**") && field.path("value").asText().contains("ec2.md:9"),
                field.toString());
        assertTrue(store.unrevealed().isEmpty());
    }

    @Test
    @Tag("old-invite")
    void withoutTheThreadPermissionsTheRevealIsEditedInAndTheLogSaysWhatToGrant() throws Exception {
        daily.postNow(GENERAL);
        String messageId = discord.awaitRequest("POST", MESSAGES, WAIT).response().path("id").asText();
        try (CapturedLogs logs = CapturedLogs.studybot()) {
            daily.revealNow(GENERAL);

            awaitEdit(messageId, "answer revealed");
            assertTrue(store.unrevealed().isEmpty(), "revealed, not retried for ever");
            assertTrue(discord.requests("POST", "/threads").isEmpty());
            assertTrue(logs.events().stream().anyMatch(e -> e.getFormattedMessage().contains("Create Public Threads")),
                    logs.events().toString());
        }
    }

    private FakeDiscord.Request awaitEdit(String messageId, String text) {
        return Awaitility.await("an edit of " + messageId + " showing \"" + text + "\"").atMost(WAIT)
                .until(() -> discord.requests("PATCH", MESSAGES + "/" + messageId).stream()
                        .filter(edit -> edit.body().path("embeds").toString().contains(text)).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    @Test
    void aChannelsRoleIsTheOneMentionThePostAllowsAndItsEditsAllowNone() throws Exception {
        store.mentions().saveMention(GENERAL, new Mention("3000", "<@&3000>"));
        daily.postNow(GENERAL);

        FakeDiscord.Request post = discord.awaitRequest("POST", MESSAGES, WAIT);
        assertEquals("<@&3000>", post.body().path("content").asText(), "in the content: embeds notify nobody");
        // replied_user, which JDA adds, matters only for a reply, which the post is not.
        assertEquals(JSON.readTree("{\"parse\":[],\"roles\":[\"3000\"]}"),
                ((ObjectNode) post.body().path("allowed_mentions")).without("replied_user"));

        answer(FakeDiscord.USER_ID, "bob", 1);
        FakeDiscord.Request live = awaitEdit(post.response().path("id").asText(), "1 answered so far");
        assertFalse(live.body().path("content").asText().contains("<@&"), live.body().toString());
        assertEquals(0, live.body().path("allowed_mentions").path("roles").size(), "an edit notifies nobody");
        assertEquals(0, live.body().path("allowed_mentions").path("parse").size());
    }

    @Test
    void withoutAMentionThePostMentionsNobody() throws Exception {
        daily.postNow(GENERAL);

        FakeDiscord.Request post = discord.awaitRequest("POST", MESSAGES, WAIT);
        assertFalse(post.body().path("content").asText().contains("<@"), post.body().toString());
        assertEquals(JSON.readTree("{\"parse\":[]}"), ((ObjectNode) post.body().path("allowed_mentions"))
                .without("replied_user"));
    }
}
