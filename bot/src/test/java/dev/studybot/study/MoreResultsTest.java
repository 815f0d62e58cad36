package dev.studybot.study;

import dev.studybot.config.ScoringRules;
import dev.studybot.game.AnswerService;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybot.chat.Caller;
import dev.studybot.chat.Interaction;
import dev.studybot.chat.Reply;
import dev.studybot.knowledge.KnowledgeBase;
import dev.studybot.knowledge.analysis.Synonyms;
import dev.studybot.knowledge.index.IndexProgress;
import dev.studybot.domain.Member;
import dev.studybot.domain.Place;
import dev.studybot.store.SqliteStudyStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The "More results" button under a lookup pages through the rest of the results, for its own caller. */
class MoreResultsTest {

    private static final Place GENERAL = new Place("console", "console", "console", "general", "general");
    private static final Caller ALICE = new Caller(new Member("console", "alice", "alice"), GENERAL, false);
    private static final Caller BOB = new Caller(new Member("console", "bob", "bob"), GENERAL, false);

    @TempDir
    Path dir;

    private static List<String> sources(Reply reply) {
        return reply.parts().stream().filter(p -> p instanceof Reply.Excerpt).map(p -> ((Reply.Excerpt) p).source()).toList();
    }

    @Test
    void moreResultsShowsTheNextPageUntilThereIsNoMore() throws Exception {
        Path notes = Files.createDirectories(dir.resolve("notes"));
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 7; i++) {
            text.append("# Queue topic ").append(i).append("\n\n- queue fact number ").append(i)
                    .append(" about retention and polling\n\n");
        }
        Files.writeString(notes.resolve("queues.md"), text);
        try (KnowledgeBase knowledge = KnowledgeBase.open(notes, dir.resolve("data"), Synonyms.none(), IndexProgress.SILENT);
             SqliteStudyStore store = SqliteStudyStore.open(dir.resolve("studybot.db"))) {
            StudyBot bot = new StudyBot(knowledge, List.of(), store,
                    new AnswerService(store.answers(), ScoringRules.DEFAULTS), Clock.systemUTC(), 1, null);

            Reply first = bot.handle(new Interaction.Text(ALICE, "search queue retention"));
            assertEquals(3, sources(first).size());
            assertEquals(List.of(Replies.MORE_RESULTS), first.buttons());

            Reply second = bot.handle(new Interaction.Press(ALICE, Replies.MORE_RESULTS.action()));
            assertEquals(3, sources(second).size());
            Reply third = bot.handle(new Interaction.Press(ALICE, Replies.MORE_RESULTS.action()));
            assertEquals(1, sources(third).size());
            assertTrue(third.buttons().isEmpty(), "no button when nothing is left");
            Reply fourth = bot.handle(new Interaction.Press(ALICE, Replies.MORE_RESULTS.action()));
            assertTrue(fourth.toString().contains("No more results for that lookup"), "not an empty reply: " + fourth);

            Set<String> all = new HashSet<>();
            List.of(first, second, third).forEach(reply -> all.addAll(sources(reply)));
            assertEquals(7, all.size(), "every result once, none repeated: " + all);

            Reply stranger = bot.handle(new Interaction.Press(BOB, Replies.MORE_RESULTS.action()));
            assertTrue(sources(stranger).isEmpty() && stranger.privateTo(), "bob has no lookup of his own to page");
        }
    }
}
