package dev.studybot.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybot.chat.Button;
import dev.studybot.chat.Caller;
import dev.studybot.chat.Interaction;
import dev.studybot.chat.Reply;
import dev.studybot.knowledge.questions.Question;
import dev.studybot.domain.Member;
import dev.studybot.domain.Mode;
import dev.studybot.domain.Place;
import dev.studybot.store.Schedule;
import dev.studybot.store.SqlStudyStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a new user ran into: topics past the first 25, misspelt schedule words, channel names, plurals. */
class RoughEdgesTest {

    private static final Place GENERAL = new Place("slack", "T1", "Acme", "C1", "general");
    private static final Caller ADMIN = new Caller(new Member("slack", "U1", "Ann"), GENERAL, true);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    /** 60 topics of one question each, and Lambda (under Serverless) with two: 61 topics, three pages. */
    private static final List<Question> POOL = pool();

    @TempDir
    Path dir;
    private DailyBot daily;
    private SqlStudyStore store;
    private StudyBot bot;

    private static List<Question> pool() {
        List<Question> pool = new ArrayList<>();
        IntStream.range(0, 60).forEach(i -> pool.add(question("t" + i, String.format("Topic %02d", i))));
        pool.add(question("l1", "Serverless", "Lambda"));
        pool.add(question("l2", "Serverless", "Lambda"));
        return pool;
    }

    private static Question question(String id, String... topic) {
        return new Question(id, "fact", List.of(topic), "Which one is right about " + String.join(" ", topic) + "?",
                List.of("A", "B", "C", "D"), 1, "aws.md", 1, "Because.", 1.0);
    }

    @BeforeEach
    void setUp() throws IOException {
        daily = DailyBot.open(dir, ZoneOffset.UTC, POOL, CLOCK);
        store = daily.store();
        bot = daily.bot();
    }

    @AfterEach
    void tearDown() {
        daily.close();
    }

    private Reply say(String text) {
        return bot.handle(new Interaction.Text(ADMIN, text));
    }

    private static List<String> lines(Reply reply) {
        return reply.parts().stream().filter(Reply.Lines.class::isInstance).map(Reply.Lines.class::cast)
                .flatMap(lines -> lines.lines().stream()).toList();
    }

    @Test
    void everyTopicCanBeReachedPageByPage() {
        Reply first = say("topics");
        assertEquals(TopicsCommand.PER_PAGE, lines(first).size());
        assertEquals("Serverless (2 questions)", lines(first).get(0), "most questions first, and the plural");
        assertEquals("Topic 00 (1 question)", lines(first).get(1), "one question is singular");
        assertTrue(first.toString().contains("Topics 1-25 of 61"), first.toString());
        Button more = first.buttons().get(0);
        assertEquals("More topics", more.label());

        Reply second = bot.handle(new Interaction.Press(ADMIN, more.action()));
        assertEquals("Topic 24 (1 question)", lines(second).get(0));
        assertEquals(lines(second), lines(say(more.key().substring("/study ".length()))),
                "the button's key, typed, is the same page");

        Reply last = say("topics 3");
        assertEquals(List.of("Topic 49 (1 question)"), lines(last).subList(0, 1));
        assertEquals(11, lines(last).size());
        assertTrue(last.buttons().isEmpty(), "no More topics on the last page");

        String tooFar = say("topics 4").toString();
        assertTrue(tooFar.contains("There are 3 pages of topics; ask for one from 1 to 3."), tooFar);
    }

    @Test
    void topicsCanBeFoundByTheirWordsWithASuggestionForATypo() {
        assertEquals(List.of("Serverless (2 questions)"), lines(say("topics server")));
        String typo = say("topics servrless").toString();
        assertTrue(typo.contains("No topic is called anything like \"servrless\". Did you mean \"Serverless\"?"), typo);
    }

    @Test
    void aMisspeltScheduleWordIsAnErrorWithASuggestionAndNothingIsSaved() {
        String reply = say("schedule set 09:00 UTC weekdyas").toString();

        assertTrue(reply.contains("No question is about \"weekdyas\", so nothing was changed. Did you mean \"weekdays\"?"),
                reply);
        assertTrue(store.schedule(GENERAL.channel()).isEmpty(), "no schedule that could never post");
        String lambda = say("schedule set 09:00 UTC lamda").toString();
        assertTrue(lambda.contains("Did you mean \"Lambda\"?"), lambda);
    }

    @Test
    void aScheduleOnTopicsTheNotesHaveIsSaved() {
        String reply = say("schedule set 09:00 UTC weekdays lambda").toString();

        assertTrue(reply.contains("weekdays at 09:00 UTC, topics: lambda"), reply);
        assertEquals(List.of("lambda"), store.schedule(GENERAL.channel()).map(Schedule::topics).orElseThrow());
    }

    @Test
    void aTopicWithASpaceIsOneTopicInQuotes() {
        say("schedule set 09:00 UTC daily \"Topic 05\" lambda");
        assertEquals(List.of("Topic 05", "lambda"),
                store.schedule(GENERAL.channel()).map(Schedule::topics).orElseThrow());

        say("schedule set 10:00 UTC “Topic 07”"); // the curly quotes a phone or Slack types
        assertEquals(List.of("Topic 07"), store.schedule(GENERAL.channel()).map(Schedule::topics).orElseThrow());
    }

    @Test
    void aQuizOnAnUnknownTopicSuggestsTheClosestOne() {
        String reply = say("quiz lamda").toString();
        assertTrue(reply.contains("No questions about \"lamda\". Did you mean \"Lambda\"?"), reply);
    }

    @Test
    void theLeaderboardTakesThisChannelByNameOrMentionAndRefusesAnother() {
        for (String here : List.of("week #general", "here", "#General", "<#C1|general>", "<#C1>", "all channel")) {
            String board = say("leaderboard " + here).toString();
            assertTrue(board.contains("Leaderboard, this ") || board.contains("Leaderboard, all time"), board);
            assertTrue(board.contains("#general"), here + " is this channel's board: " + board);
        }
        for (String other : List.of("#random", "<#C2|random>")) {
            String refused = say("leaderboard week " + other).toString();
            assertTrue(refused.contains("A channel's board is shown in that channel"), refused);
        }
        String usage = say("leaderboard soon").toString();
        assertTrue(usage.contains("Usage: /study leaderboard [week|month|all] [here]"), usage);
        String help = String.join("\n", bot.catalogue().helpLines("console"));
        assertTrue(help.contains("/study leaderboard [week|month|all] [here]"), help);
    }

    @Test
    void twoPeriodsAreAnErrorNotTheLastOneWins() {
        String reply = say("leaderboard all all").toString();
        assertTrue(reply.contains("Say one period"), reply);
        String mixed = say("leaderboard week month").toString();
        assertTrue(mixed.contains("Say one period, not \"week\" and \"month\"."), mixed);
        assertFalse(say("leaderboard month here").toString().contains("Usage"));
    }

    @Test
    void wordsAfterACommandThatTakesNoneAreAnError() {
        for (String command : List.of("schedule show now", "schedule off please", "qotd now please", "qotd reveal all",
                "timezone show berlin")) {
            String reply = say(command).toString();
            assertTrue(reply.contains("takes nothing after it") && reply.contains("Usage: "), command + ": " + reply);
        }
    }

    @Test
    void anAnswerFromAnotherChannelSaysWhichBoardItCountsOn() {
        Place random = new Place("slack", "T1", "Acme", "C2", "random");
        Instant now = CLOCK.instant();
        long posted = store.post(random, null, Mode.DAILY, POOL.get(0), now, now.plus(Duration.ofHours(23)));

        String reply = bot.handle(new Interaction.Press(ADMIN, Button.answer(posted, 1, "B").action())).toString();

        assertTrue(reply.contains("Right!") && reply.contains("+13 points"), reply);
        assertTrue(reply.contains("posted in another channel: its points count on that channel's board"), reply);
        Caller inRandom = new Caller(ADMIN.member(), random, true);
        assertTrue(bot.handle(new Interaction.Text(inRandom, "leaderboard here")).toString().contains("13 pts"));
        String here = bot.handle(new Interaction.Press(ADMIN, Button.answer(
                store.post(GENERAL, null, Mode.DAILY, POOL.get(1), now, now.plus(Duration.ofHours(23))), 1, "B").action()))
                .toString();
        assertFalse(here.contains("another channel"), "an answer where it was posted says nothing more: " + here);
    }
}
