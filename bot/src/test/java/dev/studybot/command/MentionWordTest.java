package dev.studybot.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybot.domain.Mention;
import dev.studybot.domain.Place;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which words name a group the question of the day may notify, per platform, and why the others do not. */
class MentionWordTest {

    private static final Place SLACK = new Place("slack", "T1", "team", "C1", "general");
    private static final Place DISCORD = new Place("discord", "1000", "Study Group", "2000", "general");
    private static final Place CONSOLE = new Place("console", "team", "team", "general", "general");

    private static Optional<Mention> read(String word, Place here) {
        return MentionWord.read(word, here).mention();
    }

    private static String problem(String word, Place here) {
        MentionWord.Read read = MentionWord.read(word, here);
        assertTrue(read.mention().isEmpty(), word + " is refused");
        return read.problem();
    }

    @Test
    void slackTakesAnEscapedUserGroupOrItsId() {
        assertEquals(Optional.of(new Mention("S0123ABCD", "@oncall")), read("<!subteam^S0123ABCD|@oncall>", SLACK));
        assertEquals(Optional.of(new Mention("S0123ABCD", "S0123ABCD")), read("<!subteam^S0123ABCD>", SLACK));
        assertEquals(Optional.of(new Mention("S0123ABCD", "S0123ABCD")), read("S0123ABCD", SLACK));
        assertTrue(problem("@oncall", SLACK).contains("without the group's id"), problem("@oncall", SLACK));
    }

    @Test
    void discordTakesARoleButNotTheEveryoneRole() {
        assertEquals(Optional.of(new Mention("3000", "<@&3000>")), read("<@&3000>", DISCORD));
        assertTrue(problem("<@&1000>", DISCORD).contains("never mentions everyone"), "the server's id: @everyone");
    }

    @Test
    void everyoneHereAndSinglePeopleAreRefusedEverywhere() {
        for (Place here : new Place[] {SLACK, DISCORD, CONSOLE}) {
            for (String everyone : new String[] {"@everyone", "@here", "@channel", "<!here>", "<!channel|channel>"}) {
                assertTrue(problem(everyone, here).contains("never mentions everyone or here"), everyone);
            }
        }
        assertTrue(problem("<@U0123ABCD|ann>", SLACK).contains("That is one person"));
        assertTrue(problem("<@!4000>", DISCORD).contains("That is one person"));
        assertTrue(problem("<@4000>", DISCORD).contains("a role"));
    }

    @Test
    void garbageSaysWhatWouldDo() {
        assertEquals("\"banana\" is not a user group (e.g. S0123ABCD).", problem("banana", SLACK));
        assertEquals("\"banana\" is not a role.", problem("banana", DISCORD));
        assertEquals("\"4000\" is not a role.", problem("4000", DISCORD));
        assertEquals(Optional.of(new Mention("study-club", "@study-club")), read("@study-club", CONSOLE));
    }

    @Test
    void aNameIsShownAsTextButARoleAsItsOwnMention() {
        assertEquals("@on\\_call", MentionWord.shown(new Mention("S1", "@on_call")));
        assertEquals("<@&3000>", MentionWord.shown(new Mention("3000", "<@&3000>")));
    }
}
