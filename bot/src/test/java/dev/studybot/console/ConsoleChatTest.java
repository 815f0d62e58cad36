package dev.studybot.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybot.chat.ChatHandler;
import dev.studybot.chat.Interaction;
import dev.studybot.chat.Reply;
import dev.studybot.pipeline.MiddlewareChain;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The console as a platform: its lines go through the middleware chain, which says who the named admins are. */
class ConsoleChatTest {

    private final List<Interaction> seen = new ArrayList<>();
    private final ChatHandler bot = interaction -> {
        seen.add(interaction);
        if (((Interaction.Text) interaction).text().equals("crash")) {
            throw new IllegalStateException("boom");
        }
        return Reply.privately(new Reply.Text("ok"));
    };

    private String play(String script, boolean everyoneIsAdmin, List<String> admins) {
        StringWriter out = new StringWriter();
        ConsoleChat console = new ConsoleChat(new BufferedReader(new StringReader(script)), new PrintWriter(out, true),
                false, everyoneIsAdmin);
        console.start(MiddlewareChain.standard(Map.of("console", admins), bot));
        console.close();
        return out.toString();
    }

    @Test
    void theNamedAdminsAreAdminsThroughTheChainAndNobodyElse() {
        play("@alice /study qotd now\n@bob /study qotd now\nquit\n@alice /study never read\n", false, List.of("alice"));
        assertEquals(List.of(true, false), seen.stream().map(i -> i.caller().admin()).toList());
        assertEquals("console", seen.get(0).caller().member().platform());
    }

    @Test
    void withoutNamedAdminsEveryoneIsOne() {
        play("@alice /study qotd now\n@bob /study qotd now\n", true, List.of());
        assertEquals(List.of(true, true), seen.stream().map(i -> i.caller().admin()).toList());
    }

    @Test
    void aFailureIsTheChainsApologyAndTheSessionGoesOn() {
        String transcript = play("/study crash\n/study help\n", true, List.of());
        assertTrue(transcript.contains("Sorry, something went wrong on studybot's side"), transcript);
        assertEquals(2, seen.size(), "the next line is handled too");
    }
}
