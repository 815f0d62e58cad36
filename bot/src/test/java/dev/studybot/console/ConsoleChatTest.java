package dev.studybot.console;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console as a platform: its lines go through the middleware chain, which says who the named admins are. */
class ConsoleChatTest {

    private static final byte[] CHART = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};

    @TempDir
    Path data;
    private final List<Interaction> seen = new ArrayList<>();
    private final ChatHandler bot = interaction -> {
        seen.add(interaction);
        if (((Interaction.Text) interaction).text().equals("chart")) {
            return Reply.publicly(new Reply.Heading("Board"), new Reply.Attachment(CHART, "leaderboard.png", "alice 3"));
        }
        if (((Interaction.Text) interaction).text().equals("crash")) {
            throw new IllegalStateException("boom");
        }
        return Reply.privately(new Reply.Text("ok"));
    };

    private String play(String script, boolean everyoneIsAdmin, List<String> admins) {
        StringWriter out = new StringWriter();
        ConsoleChat console = new ConsoleChat(new BufferedReader(new StringReader(script)), new PrintWriter(out, true),
                false, everyoneIsAdmin, data);
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

    @Test
    void anAttachmentIsSavedUnderTheDataDirectoryAndNamedWithWhatItShows() throws Exception {
        String transcript = play("/study chart\n/study chart\n", true, List.of());
        Matcher saved = Pattern.compile("\\(alice 3; saved as (\\S+\\.png)\\)").matcher(transcript);
        List<Path> files = new ArrayList<>();
        while (saved.find()) {
            files.add(Path.of(saved.group(1)));
        }
        assertEquals(2, files.size(), transcript);
        assertTrue(!files.get(0).equals(files.get(1)), "a second chart does not overwrite the first");
        for (Path file : files) {
            assertEquals(data.resolve(ConsoleFiles.FOLDER), file.getParent());
            assertArrayEquals(CHART, Files.readAllBytes(file));
        }
    }
}
