package dev.studybot.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybot.chat.Caller;
import dev.studybot.chat.Interaction;
import dev.studybot.chat.Reply;
import dev.studybot.domain.Member;
import dev.studybot.domain.Mention;
import dev.studybot.domain.Place;
import dev.studybot.store.MentionStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /study schedule mention}, typed on Slack, through the real bot and a real store. */
class MentionCommandTest {

    private static final Place GENERAL = new Place("slack", "T1", "team", "C1", "general");
    private static final Caller ADMIN = new Caller(new Member("slack", "U1", "alice"), GENERAL, true);
    private static final Caller MEMBER = new Caller(new Member("slack", "U2", "bob"), GENERAL, false);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    private DailyBot daily;
    private MentionStore mentions;

    @BeforeEach
    void setUp() throws IOException {
        daily = DailyBot.open(dir, ZoneId.of("UTC"), List.of(), CLOCK);
        mentions = daily.store().mentions();
    }

    @AfterEach
    void tearDown() {
        daily.close();
    }

    private Reply say(Caller caller, String text) {
        return daily.bot().handle(new Interaction.Text(caller, text));
    }

    @Test
    void anAdminSetsTheGroupAndOffRemovesIt() {
        Reply set = say(ADMIN, "schedule mention <!subteam^S0123ABCD|@oncall>");
        assertFalse(set.privateTo(), "the channel sees who will be notified");
        assertTrue(set.toString().contains("in #general will mention @oncall when it is posted (by alice)"),
                set.toString());
        assertEquals(Optional.of(new Mention("S0123ABCD", "@oncall")), mentions.mention(GENERAL.channel()));
        say(ADMIN, "schedule set 09:00 UTC");
        String shown = say(ADMIN, "schedule show").toString();
        assertTrue(shown.contains("It mentions @oncall."), shown);

        assertTrue(say(ADMIN, "schedule mention off").toString().contains("mentions nobody now (by alice)"));
        assertEquals(Optional.empty(), mentions.mention(GENERAL.channel()));
        assertFalse(say(ADMIN, "schedule show").toString().contains("mentions"), "no mention, none shown");
        Reply again = say(ADMIN, "schedule mention off");
        assertTrue(again.privateTo());
        assertTrue(again.toString().contains("mentions nobody already"), again.toString());
    }

    @Test
    void aMemberIsRefusedAndNothingIsSaved() {
        Reply refused = say(MEMBER, "schedule mention S0123ABCD");
        assertTrue(refused.toString().contains("Only admins can use /study schedule mention"), refused.toString());
        assertEquals(Optional.empty(), mentions.mention(GENERAL.channel()));
    }

    @Test
    void badInputGetsAFriendlyErrorAndKeepsTheMentionThereIs() {
        say(ADMIN, "schedule mention S0123ABCD");
        for (String[] bad : new String[][] {
                {"<@U0456|carol>", "That is one person"},
                {"@here", "never mentions everyone or here"},
                {"<!everyone>", "never mentions everyone or here"},
                {"@oncall", "without the group's id"},
                {"banana", "\"banana\" is not a user group"}}) {
            Reply reply = say(ADMIN, "schedule mention " + bad[0]);
            assertTrue(reply.privateTo(), bad[0]);
            assertTrue(reply.toString().contains(bad[1]), reply.toString());
            assertTrue(reply.toString().contains("Usage: /study schedule mention [group|off]"), reply.toString());
        }
        assertEquals(Optional.of(new Mention("S0123ABCD", "S0123ABCD")), mentions.mention(GENERAL.channel()));
    }
}
