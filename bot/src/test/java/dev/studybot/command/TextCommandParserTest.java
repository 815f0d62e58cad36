package dev.studybot.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybot.chat.Caller;
import dev.studybot.chat.CommandSpec;
import dev.studybot.chat.Interaction;
import dev.studybot.chat.OptionSpec;
import dev.studybot.chat.Options;
import dev.studybot.chat.OptionSpec.Choice;
import dev.studybot.chat.Reply;
import dev.studybot.domain.Member;
import dev.studybot.domain.Place;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Typed text becomes the same command, with the same options, as Discord's typed options give. */
class TextCommandParserTest {

    private static final Place HERE = new Place("slack", "T1", "Acme", "C1", "general");
    private static final Caller MEMBER = new Caller(new Member("slack", "U1", "Ann"), HERE, false);
    private static final Caller ADMIN = new Caller(new Member("slack", "U2", "Bo"), HERE, true);

    private record Echo(CommandSpec spec) implements StudyCommand {
        @Override
        public Reply run(Caller caller, Options options) {
            return Reply.privately(new Reply.Text(spec.path() + " " + options.values()));
        }
    }

    private static final CommandCatalogue CATALOGUE = new CommandCatalogue(List.of(
            new Echo(CommandSpec.everyone("search", "look up", true, false).alias("find")
                    .option(OptionSpec.text("query", "words", "what").asRequired())),
            new Echo(CommandSpec.everyone("board", "who leads", false, true)
                    .option(OptionSpec.choice("period", "which", new Choice("week", "this week", List.of("weekly")),
                            new Choice("month", "this month"), new Choice("all", "all time")))
                    .option(OptionSpec.here("scope", "where"))),
            new Echo(CommandSpec.everyone("plan", "the plan", true, true).alias("plan show")),
            new Echo(CommandSpec.admin("plan set", "set it", false)
                    .option(OptionSpec.word("time", "HH:MM", "when").asRequired())
                    .option(OptionSpec.word("zone", "zone", "where").onlyIf(word -> word.contains("/")))
                    .option(OptionSpec.choice("days", "days", new Choice("daily", "daily"), new Choice("weekdays", "weekdays")))
                    .option(OptionSpec.list("topics", "topics", "which"))),
            new Echo(CommandSpec.admin("plan off", "stop it", false).alias("plan stop"))));

    private static Interaction.Command understood(Caller caller, String text) {
        return assertInstanceOf(TextCommandParser.Parsed.Understood.class, CATALOGUE.parse(caller, text)).command();
    }

    private static String notUnderstood(Caller caller, String text) {
        return assertInstanceOf(TextCommandParser.Parsed.NotUnderstood.class, CATALOGUE.parse(caller, text)).reply()
                .toString();
    }

    @Test
    void optionsAreFilledInOrderAndChoicesWhereverTheyStand() {
        Interaction.Command set = understood(ADMIN, "plan set 09:00 weekdays Europe/Berlin ec2 \"load balancers\"");
        assertEquals("plan set", set.path());
        assertEquals(Map.of("time", "09:00", "zone", "Europe/Berlin", "days", "weekdays", "topics", "ec2,load balancers"),
                set.options().values());
        assertEquals(Map.of("time", "09:00", "topics", "ec2"), understood(ADMIN, "plan set 09:00 ec2").options().values(),
                "a word the zone refuses goes to the next option");
        assertEquals(Map.of("period", "week", "scope", "here"), understood(MEMBER, "board here WEEKLY").options().values());
        assertEquals(Map.of("scope", "<#C1|general>"), understood(MEMBER, "board <#C1|general>").options().values());
    }

    @Test
    void theRestOfTheTextIsTakenAsTyped() {
        Interaction.Command find = understood(MEMBER, "FIND  \"spot\"  instance  ");
        assertEquals("search", find.path());
        assertEquals("\"spot\"  instance", find.options().text("query"));
        assertEquals("help", understood(MEMBER, "   ").path());
        assertEquals("plan", understood(MEMBER, "plan show").path());
        assertEquals("plan off", understood(ADMIN, "plan stop").path());
    }

    @Test
    void wordsNoOptionTakesAreErrorsWithTheUsage() {
        assertTrue(notUnderstood(MEMBER, "board all week").contains("Say one period, not \"all\" and \"week\"."));
        assertTrue(notUnderstood(MEMBER, "board here here").contains("Say \"here\" once."));
        String typo = notUnderstood(MEMBER, "board monht");
        assertTrue(typo.contains("I don't understand \"monht\" there. Did you mean \"month\"?") && typo.contains("Usage: /study board"),
                typo);
        assertTrue(notUnderstood(ADMIN, "plan off now").contains("/study plan off takes nothing after it (got \"now\")."));
        assertTrue(notUnderstood(ADMIN, "plan nonsense").contains("I don't know \"/study plan nonsense\"."));
        assertTrue(notUnderstood(MEMBER, "frobnicate").contains("I don't know \"/study frobnicate\""));
    }

    @Test
    void anAdminCommandIsRefusedToAMemberBeforeItsOptionsAreRead() {
        String refused = notUnderstood(MEMBER, "plan set soon");
        assertTrue(refused.contains("Only admins can use /study plan set"), refused);
        assertTrue(CATALOGUE.run(new Interaction.Command(MEMBER, "plan off", Options.NONE)).toString()
                .contains("Only admins can use /study plan off"));
    }

    @Test
    void twoCommandsMayNotShareAName() {
        CommandSpec search = CommandSpec.everyone("search", "look up", true, false);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new CommandCatalogue(List.of(new Echo(search), new Echo(CommandSpec.everyone("find", "x", true, false)
                        .alias("search")))));
    }
}
