package dev.studybot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.studybot.config.ScoringRules;
import dev.studybot.domain.Member;
import dev.studybot.domain.Mention;
import dev.studybot.domain.MessageRef;
import dev.studybot.domain.Place;
import dev.studybot.game.AnswerOutcome;
import dev.studybot.game.AnswerService;
import dev.studybot.knowledge.questions.Question;
import dev.studybot.ops.CapturedLogs;
import dev.studybot.qotd.QuestionOfTheDay;
import dev.studybot.store.SqlStudyStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The question of the day as one living Slack message, through the (fake) Web API on a real SQLite file: the post's
 * ts kept, the live count by chat.update, the reveal as an edit with the explanation in its thread.
 */
@Timeout(60)
class SlackDailyQuestionTest {

    private static final Place GENERAL = new Place("slack", "T0ACME001", "acme-study", "C0GENERAL", "general");
    private static final String TS = "1764000000.000100";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration LIVE_COUNT_EVERY = Duration.ofMillis(400);

    @TempDir
    Path dir;

    private FakeSlack slack;
    private final List<SlackAdapter> adapters = new ArrayList<>();
    private final List<SqlStudyStore> stores = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        slack = new FakeSlack();
    }

    @AfterEach
    void stop() {
        adapters.forEach(SlackAdapter::close);
        stores.forEach(SqlStudyStore::close);
        slack.close();
    }

    /** A bot process: its own store on the test's file, its own adapter, one question in its pool. */
    private QuestionOfTheDay daily() {
        SqlStudyStore store = SqlStudyStore.open(dir.resolve("studybot.db"));
        stores.add(store);
        SlackAdapter adapter = new SlackAdapter(new SlackSettings(SlackHttpModeTest.BOT_TOKEN, null,
                SlackHttpModeTest.SIGNING_SECRET, 0, "127.0.0.1", slack.apiUrl()));
        adapters.add(adapter);
        Question question = new Question(Question.idOf("fact", "s3.md", 4, "p", "Glacier Instant Retrieval"), "fact",
                List.of("S3"), "Which class has millisecond retrieval for archives?",
                List.of("Glacier Instant Retrieval", "Glacier Flexible Retrieval", "Deep Archive"), 0, "s3.md", 4,
                "Instant Retrieval is the archive class with millisecond access <fast>.");
        return new QuestionOfTheDay(store, store, List.of(question), adapter.poster(), Clock.systemUTC(),
                new QuestionOfTheDay.Settings(Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2),
                        Duration.ofSeconds(30), LIVE_COUNT_EVERY), 3);
    }

    private SqlStudyStore store() {
        return stores.get(stores.size() - 1);
    }

    private long postedId() {
        return store().unrevealed().get(0).postedId();
    }

    private AnswerOutcome answer(QuestionOfTheDay daily, String user, int choice) {
        AnswerOutcome outcome = new AnswerService(store().answers(), ScoringRules.DEFAULTS)
                .answer(postedId(), new Member("slack", user, "Member " + user), GENERAL, choice, Instant.now());
        daily.answered(postedId());
        return outcome;
    }

    private static String text(FakeSlack.Call call) {
        return call.blocks().toString();
    }

    @Test
    void thePostKeepsItsTsAndShowsTheRevealTimeAsASlackDate() {
        QuestionOfTheDay daily = daily();
        assertEquals(QuestionOfTheDay.Outcome.POSTED, daily.postNow(GENERAL));

        FakeSlack.Call post = slack.await("chat.postMessage", WAIT);
        long revealAt = store().unrevealed().get(0).revealAt().getEpochSecond();
        assertTrue(text(post).contains("the answer is revealed <!date^" + revealAt + "^{date_short_pretty} at {time}|"),
                text(post));
        assertTrue(post.params().get("text").contains("the answer is revealed " ), post.params().get("text"));
        assertFalse(post.params().get("text").contains("<!date"), "notifications show the plain time");
        assertFalse(post.params().get("text").chars().anyMatch(c -> c >= 0xE000 && c < 0xF900), "no token left over");
        assertEquals(java.util.Optional.of(new MessageRef("C0GENERAL", TS)), store().deliveries().message(postedId()));
    }

    @Test
    void aBurstOfThirtyAnswersIsAFewEditsAndTheLastShowsThirty() throws Exception {
        QuestionOfTheDay daily = daily();
        daily.postNow(GENERAL);
        ExecutorService members = Executors.newFixedThreadPool(6);
        long burstStart = System.nanoTime();
        List<Future<AnswerOutcome>> answers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String user = "U" + i;
            int choice = i % 3;
            answers.add(members.submit(() -> answer(daily, user, choice)));
        }
        for (Future<AnswerOutcome> outcome : answers) {
            assertInstanceOf(AnswerOutcome.Recorded.class, outcome.get());
        }
        long burst = System.nanoTime() - burstStart;
        members.shutdown();

        FakeSlack.Call last = slack.await("chat.update", call -> text(call).contains("30 answered so far"), WAIT);
        assertEquals("C0GENERAL", last.params().get("channel"));
        assertEquals(TS, last.params().get("ts"));
        assertEquals(3, FakeSlack.buttons(last.blocks()).size() - 1, "the answer buttons are still there while open");
        // Nothing changes after the thirtieth answer: no further edit, however long one waits.
        List<FakeSlack.Call> edits = slack.calls("chat.update");
        Awaitility.await("no edit without a change").during(LIVE_COUNT_EVERY.multipliedBy(4)).atMost(WAIT)
                .until(() -> slack.calls("chat.update").size() == edits.size());
        // One edit at the first answer, then at most one per interval while answers keep coming, and one after.
        long intervals = burst / LIVE_COUNT_EVERY.toNanos();
        assertTrue(edits.size() <= intervals + 2 && edits.size() < 30,
                edits.size() + " edits for 30 answers in " + Duration.ofNanos(burst).toMillis() + " ms");
        for (int i = 1; i < edits.size(); i++) {
            long gap = edits.get(i).nanos() - edits.get(i - 1).nanos();
            assertTrue(gap >= LIVE_COUNT_EVERY.toNanos() * 9 / 10, "edits " + Duration.ofNanos(gap).toMillis() + " ms apart");
        }
    }

    @Test
    void theRevealEditsThePostAndThreadsTheExplanation() {
        QuestionOfTheDay daily = daily();
        daily.postNow(GENERAL);
        answer(daily, "UANN", 0);
        answer(daily, "UBOB", 2);

        assertTrue(daily.revealNow(GENERAL));

        FakeSlack.Call reveal = slack.await("chat.update", call -> text(call).contains("answer revealed"), WAIT);
        assertEquals(TS, reveal.params().get("ts"));
        String blocks = text(reveal);
        assertTrue(blocks.contains("✅ A. Glacier Instant Retrieval · 1"), blocks);
        assertTrue(blocks.contains("B. Glacier Flexible Retrieval · 0") && blocks.contains("C. Deep Archive · 1"), blocks);
        assertTrue(blocks.contains("2 answered, 1 right. First right: Member UANN."), blocks);
        List<String> buttons = FakeSlack.buttons(reveal.blocks()).stream().map(b -> b.path("text").path("text").asText())
                .toList();
        assertEquals(List.of("Report question"), buttons, "no answer button is left to press");

        FakeSlack.Call thread = slack.await("chat.postMessage", call -> call.params().containsKey("thread_ts"), WAIT);
        assertEquals(TS, thread.params().get("thread_ts"));
        assertEquals("C0GENERAL", thread.params().get("channel"));
        assertTrue(text(thread).contains("millisecond access &lt;fast&gt;") && text(thread).contains("s3.md:4"),
                text(thread));
        assertEquals(1, slack.calls("chat.postMessage").stream().filter(c -> !c.params().containsKey("thread_ts")).count(),
                "the reveal is no new message");
        assertTrue(store().unrevealed().isEmpty());
    }

    @Test
    void aPostWhoseIdWasNotKeptIsRevealedWithAMessageOfItsOwn() throws Exception {
        QuestionOfTheDay daily = daily();
        daily.postNow(GENERAL);
        // As a post made before the bot kept message ids (migration V7) is stored.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("studybot.db").toAbsolutePath());
             Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE daily_posts SET message_channel = NULL, message_id = NULL");
        }

        assertTrue(daily.revealNow(GENERAL));

        FakeSlack.Call reveal = slack.await("chat.postMessage", call -> text(call).contains("Answer to the question"), WAIT);
        assertFalse(reveal.params().containsKey("thread_ts"));
        assertTrue(text(reveal).contains("Glacier Instant Retrieval"), text(reveal));
        assertTrue(slack.calls("chat.update").isEmpty(), "nothing to edit");
        assertTrue(store().unrevealed().isEmpty());
    }

    @Test
    void aRestartedBotStillRevealsByEditingThePost() {
        QuestionOfTheDay before = daily();
        before.postNow(GENERAL);
        answer(before, "UANN", 0);
        adapters.remove(0).close();
        stores.remove(0).close();

        QuestionOfTheDay after = daily(); // a new process on the same database file
        assertTrue(after.revealNow(GENERAL));

        FakeSlack.Call reveal = slack.await("chat.update", call -> text(call).contains("answer revealed"), WAIT);
        assertEquals(TS, reveal.params().get("ts"));
        assertTrue(text(reveal).contains("1 answered, 1 right."), text(reveal));
        slack.await("chat.postMessage", call -> TS.equals(call.params().get("thread_ts")), WAIT);
    }

    @Test
    void aRefusedLiveCountEditIsLoggedOnceAndAnswersStillCount() {
        QuestionOfTheDay daily = daily();
        daily.postNow(GENERAL);
        slack.refused.add("chat.update");
        try (CapturedLogs logs = CapturedLogs.studybot()) {
            for (String user : List.of("U1", "U2", "U3")) {
                assertInstanceOf(AnswerOutcome.Recorded.class, answer(daily, user, 1));
                Awaitility.await("the edit for " + user + " is tried").atMost(WAIT)
                        .until(() -> slack.calls("chat.update").size() >= Integer.parseInt(user.substring(1)));
            }
            assertEquals(3, store().revealStats(postedId()).answered());
            // Only this refusal's warnings: an earlier test's live count, whose store is closed, may still log its own.
            long warnings = logs.events().stream().filter(e -> e.getFormattedMessage().contains("live count")
                    && e.getFormattedMessage().contains("ratelimited")).count();
            assertEquals(1, warnings, "one warning for the post, not one per answer");
        }
    }

    @Test
    void aChannelsUserGroupLeadsThePostAndNotItsEditsWhileWithoutOneNothingIsMentioned() {
        QuestionOfTheDay daily = daily();
        Place random = new Place("slack", GENERAL.groupId(), GENERAL.groupName(), "C0RANDOM", "random");
        store().mentions().saveMention(GENERAL, new Mention("S0123ABCD", "@oncall"));
        daily.postNow(GENERAL);

        FakeSlack.Call post = slack.await("chat.postMessage", WAIT);
        assertTrue(post.params().get("text").startsWith("<!subteam^S0123ABCD> Question of the day"),
                "the notification names the group: " + post.params().get("text"));
        assertEquals("<!subteam^S0123ABCD>", post.blocks().get(0).path("text").path("text").asText(),
                "the mention heads the post");

        answer(daily, "U1", 0);
        FakeSlack.Call edit = slack.await("chat.update", call -> text(call).contains("1 answered so far"), WAIT);
        assertFalse(text(edit).contains("subteam") || edit.params().get("text").contains("subteam"),
                "an edit mentions nobody: " + edit.params());

        daily.postNow(random);
        FakeSlack.Call plain = slack.await("chat.postMessage", call -> "C0RANDOM".equals(call.params().get("channel")), WAIT);
        assertFalse(text(plain).contains("subteam") || plain.params().get("text").contains("<!"), plain.params().get("text"));
    }
}
