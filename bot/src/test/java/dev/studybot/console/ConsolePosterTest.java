package dev.studybot.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybot.chat.Button;
import dev.studybot.chat.ReaderTime;
import dev.studybot.chat.Reply;
import dev.studybot.domain.Mention;
import dev.studybot.domain.MessageRef;
import dev.studybot.domain.Place;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The console cannot change what it printed: an edit prints the post again, a thread reply says where it belongs. */
class ConsolePosterTest {

    private static final Place GENERAL = new Place("console", "console", "console", "general", "general");

    @Test
    void postsGetTheirOwnIdsAndEditsAndThreadRepliesNameThem() {
        StringWriter out = new StringWriter();
        ConsoleButtons buttons = new ConsoleButtons();
        ConsolePoster poster = new ConsolePoster(new PrintWriter(out, true), buttons);
        ReaderTime reveal = ReaderTime.of(Instant.parse("2026-12-01T17:11:00Z"), ZoneId.of("Europe/Berlin"));

        MessageRef first = poster.post(GENERAL, new Reply(false, List.of(new Reply.Text("Which?"),
                new Reply.Note("revealed " + reveal.token())), List.of(Button.answer(4, 0, "This"))));
        MessageRef second = poster.post(GENERAL, Reply.publicly(new Reply.Text("Another")));
        poster.edit(GENERAL, first, new Reply(false, List.of(new Reply.Text("Which? (revealed)")),
                List.of(Button.answer(4, 0, "This").in(Button.State.RIGHT))));
        poster.inThread(GENERAL, first, Reply.publicly(new Reply.Text("Because.")));

        assertEquals(new MessageRef("general", "post-1"), first);
        assertEquals("post-2", second.messageId());
        String shown = out.toString();
        assertTrue(shown.contains("studybot in #general:\n  Which?\n  (revealed Tue 1 Dec at 18:11 (Europe/Berlin))\n"
                + "  [4a] This\n"), shown);
        assertTrue(shown.contains("studybot updates its post-1 in #general:\n  Which? (revealed)\n"), shown);
        assertTrue(shown.contains("studybot in the thread on its post-1 in #general:\n  Because.\n"), shown);
        assertTrue(!shown.contains("\uE0F0"), "no token is printed");
    }

    @Test
    void aMentionIsTheGroupsNameAtTheTop() {
        StringWriter out = new StringWriter();
        ConsolePoster poster = new ConsolePoster(new PrintWriter(out, true), new ConsoleButtons());

        poster.post(GENERAL, Reply.publicly(new Reply.Ping(new Mention("study-club", "@study-club")),
                new Reply.Text("Which?")));

        assertEquals("studybot in #general:\n  @study-club\n  Which?\n", out.toString().stripTrailing() + "\n");
    }
}
