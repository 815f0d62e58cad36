package dev.studybot.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybot.chat.Button;
import dev.studybot.chat.Caller;
import dev.studybot.chat.Interaction;
import dev.studybot.chat.Reply;
import dev.studybot.config.ScoringRules;
import dev.studybot.domain.Member;
import dev.studybot.domain.Place;
import dev.studybot.game.AnswerService;
import dev.studybot.knowledge.KnowledgeBase;
import dev.studybot.knowledge.analysis.Synonyms;
import dev.studybot.knowledge.index.IndexProgress;
import dev.studybot.store.SearchHistory;
import dev.studybot.store.SqlStudyStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The buttons under a lookup: "More results" pages through the rest for its own caller, also after a restart (the
 * lookup is stored), "Show full passage" shows a passage whole, and 👍/👎 are stored, one vote per member that a
 * second press changes.
 */
class MoreResultsTest {

    private static final Place GENERAL = new Place("console", "console", "console", "general", "general");
    private static final Caller ALICE = new Caller(new Member("console", "alice", "alice"), GENERAL, false);
    private static final Caller BOB = new Caller(new Member("console", "bob", "bob"), GENERAL, false);

    @TempDir
    Path dir;
    private Path notes;

    @BeforeEach
    void sevenPassagesAboutQueues() throws Exception {
        notes = Files.createDirectories(dir.resolve("notes"));
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 7; i++) {
            text.append("# Queue topic ").append(i).append("\n\n- queue fact number ").append(i)
                    .append(" about retention and polling\n\n");
        }
        Files.writeString(notes.resolve("queues.md"), text);
    }

    private static List<String> sources(Reply reply) {
        return reply.parts().stream().filter(p -> p instanceof Reply.Excerpt).map(p -> ((Reply.Excerpt) p).source()).toList();
    }

    private static List<Reply.Excerpt> excerpts(Reply reply) {
        return reply.parts().stream().filter(p -> p instanceof Reply.Excerpt).map(p -> (Reply.Excerpt) p).toList();
    }

    private static String pressed(Reply reply, String key) {
        return reply.buttons().stream().filter(button -> button.key().equals(key)).map(Button::action).findFirst()
                .orElseThrow(() -> new AssertionError("no " + key + " button under " + reply));
    }

    private static List<String> keys(Reply reply) {
        return reply.buttons().stream().map(Button::key).toList();
    }

    private interface BotWork {
        void run(StudyBot bot, SqlStudyStore store) throws Exception;
    }

    /** A bot on the notes and on the same database file each time, as after a restart. */
    private void withBot(BotWork work) throws Exception {
        try (KnowledgeBase knowledge = KnowledgeBase.open(notes, dir.resolve("data"), Synonyms.none(), IndexProgress.SILENT);
             SqlStudyStore store = SqlStudyStore.open(dir.resolve("studybot.db"))) {
            work.run(new StudyBot(knowledge, List.of(), store, new AnswerService(store.answers(), ScoringRules.DEFAULTS),
                    Clock.systemUTC(), 1, null), store);
        }
    }

    @Test
    void moreResultsShowsTheNextPageUntilThereIsNoMoreAlsoAfterARestart() throws Exception {
        Set<String> all = new HashSet<>();
        String[] more = new String[1];
        withBot((bot, store) -> {
            Reply first = bot.handle(new Interaction.Text(ALICE, "search queue retention"));
            assertEquals(3, sources(first).size());
            assertEquals(List.of("more", "helpful", "unhelpful", "share"), keys(first));
            assertTrue(first.parts().get(0).toString().contains("queue retention"), "the query comes first: " + first);
            all.addAll(sources(first));
            more[0] = pressed(first, "more");

            Reply stranger = bot.handle(new Interaction.Press(BOB, more[0]));
            assertTrue(sources(stranger).isEmpty() && stranger.privateTo(), "bob cannot page alice's lookup");
            assertTrue(stranger.toString().contains("someone else's lookup"), stranger.toString());
        });
        withBot((bot, store) -> {
            Reply second = bot.handle(new Interaction.Press(ALICE, more[0]));
            assertEquals(3, sources(second).size(), "the lookup's button still works after a restart");
            all.addAll(sources(second));
            Reply third = bot.handle(new Interaction.Press(ALICE, "more-results"));
            assertEquals(1, sources(third).size(), "typed 'more' pages the latest lookup");
            assertEquals(List.of("helpful", "unhelpful"), keys(third), "no More button when nothing is left");
            all.addAll(sources(third));
            Reply fourth = bot.handle(new Interaction.Press(ALICE, more[0]));
            assertTrue(fourth.toString().contains("No more results for that lookup"), "not an empty reply: " + fourth);
        });
        assertEquals(7, all.size(), "every result once, none repeated: " + all);
    }

    @Test
    void votesAreStoredOnePerMemberAndASecondPressChangesIt() throws Exception {
        withBot((bot, store) -> {
            Reply lookup = bot.handle(new Interaction.Text(ALICE, "search queue retention"));
            Reply thanks = bot.handle(new Interaction.Press(ALICE, pressed(lookup, "helpful")));
            assertTrue(thanks.privateTo() && thanks.toString().contains("helped"), thanks.toString());
            bot.handle(new Interaction.Press(ALICE, pressed(lookup, "unhelpful")));
            bot.handle(new Interaction.Press(BOB, pressed(lookup, "helpful")));
            bot.handle(new Interaction.Press(BOB, pressed(lookup, "helpful")));

            List<SearchHistory.Voted> voted = store.searches().voted();
            assertEquals(1, voted.size());
            assertEquals("queue retention", voted.get(0).query());
            assertEquals(1, voted.get(0).helpful(), "bob's two presses count once");
            assertEquals(1, voted.get(0).unhelpful(), "alice changed her vote");
            SearchHistory.TopResult top = voted.get(0).top().orElseThrow();
            assertTrue(top.source().startsWith("queues.md:") && top.answer().contains("about retention and polling"),
                    "the first result and its answering line: " + top);

            Reply gone = bot.handle(new Interaction.Press(ALICE, "search-vote:nosuchlookup:up"));
            assertTrue(gone.toString().contains("no longer known"), gone.toString());
        });
    }

    @Test
    void aLookupThatCannotBeStoredIsStillAnsweredWithoutItsButtons() throws Exception {
        withBot((bot, store) -> {
            Files.delete(dir.resolve("studybot.db"));
            Reply lookup = bot.handle(new Interaction.Text(ALICE, "search queue retention"));
            assertEquals(3, sources(lookup).size(), "the notes answer without the database: " + lookup);
            assertTrue(lookup.buttons().isEmpty(), "no buttons that would point at a lookup never stored");
        });
    }

    @Test
    void sharingALookupShowsItsFirstResultsToTheChannelAndOnlyItsOwnerMayShareIt() throws Exception {
        withBot((bot, store) -> {
            Reply lookup = bot.handle(new Interaction.Text(ALICE, "search queue retention"));
            Reply shared = bot.handle(new Interaction.Press(ALICE, pressed(lookup, "share")));
            assertTrue(!shared.privateTo() && !shared.replaces(), "a message of its own for the whole channel");
            assertEquals(sources(lookup), sources(shared), "the results alice saw");
            assertTrue(shared.parts().get(0).toString().contains("alice shared a lookup: queue retention"), shared.toString());
            assertTrue(shared.buttons().isEmpty(), "no one else's buttons on it");

            Reply stranger = bot.handle(new Interaction.Press(BOB, pressed(lookup, "share")));
            assertTrue(stranger.privateTo() && sources(stranger).isEmpty(), stranger.toString());
        });
    }

    /**
     * A long passage shows as its answering lines, and "Show full passage" shows the whole of it privately, also after
     * a restart (the lookup is stored and searched again).
     */
    @Test
    void theAnsweringLinesComeFirstAndTheFullPassageIsOneClickAwayAlsoAfterARestart() throws Exception {
        Files.writeString(notes.resolve("sqs.md"), """
                # SQS

                - Messages can be up to 256 KB each
                - A message not deleted before the visibility timeout ends is delivered again to another consumer
                - Long polling waits up to 20 seconds for a message to arrive
                """);
        Files.writeString(notes.resolve("topics.md"), """
                # Topics

                Fan-out delivers a message to every subscriber.
                """);
        String[] action = new String[1];
        withBot((bot, store) -> {
            Reply lookup = bot.handle(new Interaction.Text(ALICE, "search when is a message delivered again"));
            Reply.Excerpt first = excerpts(lookup).get(0);
            assertEquals("1. SQS", first.trail(), "numbered, as its button is");
            assertEquals(List.of("…", "- A message not deleted before the visibility timeout ends is delivered again to"
                    + " another consumer", "…"), first.text().lines().toList(), "only the answering line, and where the"
                    + " others were");
            assertEquals(Set.of(1), first.answerLines());
            List<Button> passages = lookup.buttons().stream().filter(b -> b.action().startsWith("search-passage:")).toList();
            assertEquals(List.of("p1"), passages.stream().map(Button::key).toList(),
                    "a button only for the passage that was shortened: " + lookup.buttons());
            assertEquals("📄 Show full passage 1", passages.get(0).label());
            action[0] = passages.get(0).action();
        });
        withBot((bot, store) -> {
            Reply full = bot.handle(new Interaction.Press(BOB, action[0]));
            assertTrue(full.privateTo() && !full.replaces(), "privately, beside the results: " + full);
            assertTrue(full.parts().get(0).toString().contains("Result 1 in full, for: when is a message delivered again"),
                    full.toString());
            Reply.Excerpt whole = excerpts(full).get(0);
            assertEquals("sqs.md:3", whole.source());
            assertEquals(3, whole.text().lines().count(), "every line of the passage: " + whole.text());
            assertEquals(Set.of(1), whole.answerLines(), "the answering line still marked");
            assertTrue(full.buttons().isEmpty());

            Reply gone = bot.handle(new Interaction.Press(ALICE, "search-passage:nosuchlookup:0"));
            assertTrue(gone.toString().contains("no longer known"), gone.toString());
            Reply beyond = bot.handle(new Interaction.Press(ALICE, action[0].replaceFirst(":0$", ":9")));
            assertTrue(beyond.toString().contains("no longer among the results"), beyond.toString());
        });
    }
}
