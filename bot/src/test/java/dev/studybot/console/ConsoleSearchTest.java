package dev.studybot.console;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybot.cli.AssembledBot;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A lookup in the console, through the bot as the program assembles it on the sample notes. */
class ConsoleSearchTest {

    @TempDir
    Path dir;

    @Test
    void typingAPassagesKeyShowsItWhole() {
        StringWriter text = new StringWriter();
        ConsoleChat chat = new ConsoleChat(new BufferedReader(new StringReader("")), new PrintWriter(text, true), false, true,
                dir);
        try (AssembledBot bot = AssembledBot.on(chat, Path.of("..", "notes"), dir)) {
            chat.handle("@alice /study search spot interruption notice");
            String results = text.toString();
            assertTrue(results.contains("  | …") && results.contains("  | ▶ "), "the answering lines first: " + results);
            assertTrue(results.contains("  [p1] 📄 Show full passage 1"), results);

            chat.handle("@alice p1");
            String full = text.toString().substring(results.length());
            assertTrue(full.contains("studybot to @alice only:") && full.contains("Result 1 in full, for: spot interruption notice"),
                    full);
            assertTrue(full.contains("  | ▶ ") && !full.contains("  | …"), "the whole passage: " + full);
        }
    }
}
