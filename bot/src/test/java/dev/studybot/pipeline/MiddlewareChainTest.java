package dev.studybot.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.studybot.chat.Caller;
import dev.studybot.chat.ChatHandler;
import dev.studybot.chat.Interaction;
import dev.studybot.chat.Reply;
import dev.studybot.domain.Member;
import dev.studybot.domain.Place;
import dev.studybot.ops.CapturedLogs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The chain every platform hands its interactions to: order, admin overrides, apology, the log line. */
class MiddlewareChainTest {

    private static final Place DISCORD = new Place("discord", "G1", "Guild", "C1", "general");
    private static final Place SLACK = new Place("slack", "T1", "Acme", "C1", "general");
    private static final Reply OK = Reply.privately(new Reply.Text("ok"));

    private final List<Interaction> seen = new ArrayList<>();
    private final ChatHandler recording = interaction -> {
        seen.add(interaction);
        return OK;
    };

    private static Interaction.Text command(Place place, String userId, boolean admin, String text) {
        return new Interaction.Text(new Caller(new Member(place.platform(), userId, "user " + userId), place, admin),
                text);
    }

    @Test
    void theFirstMiddlewareIsOutermostAndEachHandsTheNextWhatItChanged() {
        List<String> steps = new ArrayList<>();
        Middleware outer = (interaction, next) -> {
            steps.add("outer in");
            Reply reply = next.handle(interaction);
            steps.add("outer out");
            return reply;
        };
        Middleware inner = (interaction, next) -> {
            steps.add("inner sees admin=" + interaction.caller().admin());
            return next.handle(interaction);
        };
        Middleware promote = (interaction, next) -> next.handle(interaction.withCaller(
                new Caller(interaction.caller().member(), interaction.caller().place(), true)));
        ChatHandler chain = new MiddlewareChain(List.of(outer, promote, inner), recording);

        assertEquals(OK, chain.handle(command(SLACK, "U1", false, "help")));
        assertEquals(List.of("outer in", "inner sees admin=true", "outer out"), steps);
        assertTrue(seen.get(0).caller().admin());
    }

    @Test
    void configuredIdsAreAdminsOnTheirOwnPlatformOnTopOfWhatThePlatformSays() {
        ChatHandler chain = MiddlewareChain.standard(Map.of("discord", List.of("42")), recording);

        chain.handle(command(DISCORD, "42", false, "qotd now"));
        chain.handle(new Interaction.Press(new Caller(new Member("discord", "42", "ann"), DISCORD, false), "answer:1:2"));
        chain.handle(command(DISCORD, "7", false, "qotd now"));
        chain.handle(command(DISCORD, "8", true, "qotd now"));
        chain.handle(command(SLACK, "42", false, "qotd now"));

        assertEquals(List.of(true, true, false, true, false), seen.stream().map(i -> i.caller().admin()).toList());
        assertEquals("answer:1:2", ((Interaction.Press) seen.get(1)).action(), "the press is the same press");
        assertEquals("qotd now", ((Interaction.Text) seen.get(0)).text(), "the command is the same command");
    }

    @Test
    void aFailureIsAnApologyThatSaysNothingOfItAndIsLoggedWithItsCause() {
        String secret = "xoxb-1234567890-1234567890123-abcdefghijklmnopqrstuvwx";
        ChatHandler chain = MiddlewareChain.standard(Map.of(), interaction -> {
            throw new IllegalStateException("refused with " + secret);
        });
        try (CapturedLogs logs = CapturedLogs.studybot()) {
            Reply reply = chain.handle(command(SLACK, "U1", false, "search spot"));

            assertTrue(reply.privateTo(), "only the caller sees it");
            assertEquals(List.of(new Reply.Text(Apology.TEXT)), reply.parts());
            ILoggingEvent failed = logs.events().stream()
                    .filter(e -> e.getFormattedMessage().equals("Interaction failed")).findFirst().orElseThrow();
            assertEquals(Level.ERROR, failed.getLevel());
            assertEquals(IllegalStateException.class.getName(), failed.getThrowableProxy().getClassName());
            assertTrue(logs.text().contains("platform=slack"), logs.text());
            assertTrue(logs.text().contains("command=search"), logs.text());
        }
    }

    @Test
    void eachInteractionIsLoggedOnceAsTheBotSawIt() {
        ChatHandler chain = MiddlewareChain.standard(Map.of("slack", List.of("U1")), recording);
        try (CapturedLogs logs = CapturedLogs.studybot()) {
            chain.handle(command(SLACK, "U1", false, "leaderboard week"));

            List<String> handled = logs.text().lines().filter(line -> line.startsWith("INFO Interaction handled")).toList();
            assertEquals(1, handled.size(), logs.text());
            String line = handled.get(0);
            for (String pair : List.of("platform=slack", "group=T1", "channel=C1", "user=U1", "admin=true",
                    "command=leaderboard", "private=true")) {
                assertTrue(line.contains(pair), pair + " in " + line);
            }
            assertTrue(line.contains("text=leaderboard week"), "the text at debug: " + line);
        }
    }

    @Test
    void topicsComeFromTheBotBehindTheChain() {
        ChatHandler bot = new ChatHandler() {
            @Override
            public Reply handle(Interaction interaction) {
                return OK;
            }

            @Override
            public List<String> topicNames() {
                return List.of("ec2", "s3");
            }
        };
        assertEquals(List.of("ec2", "s3"), MiddlewareChain.standard(Map.of(), bot).topicNames());
        assertEquals(List.of(), MiddlewareChain.standard(Map.of(), recording).topicNames());
    }
}
