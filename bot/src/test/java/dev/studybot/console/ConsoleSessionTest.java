package dev.studybot.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybot.cli.AssembledBot;
import dev.studybot.store.Posted;
import dev.studybot.store.SqlStudyStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plays {@code console/session.txt} through the real console adapter and the bot as the program assembles it (search
 * index, SQLite store, question of the day, middleware chain), then reopens the database in a new process and expects
 * the same leaderboard.
 */
class ConsoleSessionTest {

    private static final String QOTD = "question of the day";
    private static final Pattern BUTTON = Pattern.compile("^  \\[(\\d+)([a-f])] ", Pattern.MULTILINE);

    @TempDir
    Path dir;

    @Test
    void scriptedSessionOnTheSampleNotes() throws Exception {
        playAndReopen(Path.of("..", "notes"));
    }

    @Test
    void scriptedSessionOnTheSharedNotesWhenPresent() throws Exception {
        Path shared = Path.of("..", "..", "shared", "notes");
        Assumptions.assumeTrue(Files.isDirectory(shared), "../shared/notes is not beside the checkout");
        playAndReopen(shared);
    }

    private void playAndReopen(Path notes) throws Exception {
        String transcript = play(notes);
        Path db = dir.resolve("studybot.db"); // where the assembled bot kept its database

        assertTrue(transcript.contains("studybot commands"), transcript);
        assertTrue(transcript.contains("Right!"), transcript);
        assertTrue(transcript.contains("Not quite"), transcript);
        assertTrue(transcript.contains("You already answered this one"), "double press: " + transcript);
        assertTrue(transcript.contains("I don't know \"/study frobnicate\""), transcript);
        assertTrue(transcript.contains("Stats for bob"), transcript);
        assertTrue(transcript.contains("Stats for carol"), transcript);
        assertTrue(transcript.contains("Review"), "bob's wrong answer comes back for review: " + transcript);
        assertTrue(transcript.contains("Only admins can use /study schedule set"), transcript);
        assertTrue(transcript.contains("\"25:00\" is not a time of day"), transcript);
        assertTrue(transcript.contains("\"Mars/Olympus\" is not a time zone I know"), transcript);
        assertTrue(transcript.contains("weekdays at 09:00 Europe/Berlin"), transcript);
        assertTrue(transcript.contains("studybot in #general:\n  Question of the day ·"), transcript);
        assertTrue(transcript.contains("already has today's question"), transcript);
        assertTrue(transcript.contains("2 answered, 1 right. First right: carol."), "the reveal's stats: " + transcript);
        assertTrue(transcript.contains("This question has closed"), "an answer after the reveal: " + transcript);

        String board = leaderboardIn(transcript, "> @alice #general /study leaderboard all");
        assertTrue(board.contains("1. carol  2 pts"), board);
        String channelBoard = leaderboardIn(transcript, "> @carol #random /study leaderboard all channel");
        assertTrue(channelBoard.contains("carol") && !channelBoard.contains("alice"), channelBoard);

        String last = leaderboardIn(transcript.substring(transcript.lastIndexOf("> @alice #general /study leaderboard all")),
                "> @alice #general /study leaderboard all");
        assertTrue(last.contains("1. carol  15 pts (daily 13, practice 2)"), "10 for the right answer, 3 for being early: " + last);
        String reopened = leaderboardFromNewProcess(notes, db);
        assertEquals(linesOf(last), linesOf(reopened), "the same database shows the same leaderboard");
    }

    /** Feeds the script line by line, resolving {right} and {wrong} from the store. */
    private String play(Path notes) throws IOException {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text, true);
        // No input of its own: the lines are handed to it one by one, each resolved from the store first.
        ConsoleChat chat = new ConsoleChat(new BufferedReader(new StringReader("")), out, false, false, dir);
        try (AssembledBot bot = AssembledBot.on(chat, notes, dir, "--admins", "alice")) {
            SqlStudyStore store = bot.store();
            Map<String, Long> lastQuestion = new HashMap<>();
            String user = "you";
            for (String line : script()) {
                ConsoleLine parsed = ConsoleLine.parse(line);
                user = parsed.user() == null ? user : parsed.user();
                int before = text.getBuffer().length();
                chat.handle(resolve(line, lastQuestion.get(line.contains("{qotd-") ? QOTD : user), store));
                Matcher button = BUTTON.matcher(text.getBuffer().substring(before));
                String reply = text.getBuffer().substring(before);
                if (button.find()) {
                    lastQuestion.put(reply.contains("Question of the day ·") ? QOTD : user, Long.parseLong(button.group(1)));
                }
            }
        }
        return text.toString();
    }

    private static String resolve(String line, Long posted, SqlStudyStore store) {
        line = line.replace("{qotd-right}", "{right}").replace("{qotd-wrong}", "{wrong}");
        if (!line.contains("{right}") && !line.contains("{wrong}")) {
            return line;
        }
        assertNotNull(posted, "no question was shown before: " + line);
        Posted question = store.posted(posted).orElseThrow();
        int right = question.question().answer();
        int choice = line.contains("{right}") ? right : (right + 1) % question.question().choices().size();
        return line.replace("{right}", "").replace("{wrong}", "").strip() + " " + posted + (char) ('a' + choice);
    }

    private static List<String> script() throws IOException {
        try (var in = ConsoleSessionTest.class.getResourceAsStream("/console/session.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        }
    }

    private static String leaderboardIn(String transcript, String command) {
        int start = transcript.indexOf(command);
        assertTrue(start >= 0, command + " not in " + transcript);
        int end = transcript.indexOf("\n> ", start + command.length());
        return transcript.substring(start + command.length(), end < 0 ? transcript.length() : end);
    }

    private String leaderboardFromNewProcess(Path notes, Path db) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "dev.studybot.cli.StudybotCommand", "console", "--notes", notes.toString(), "--data",
                dir.resolve("data-2").toString(), "--db", db.toString())
                .redirectErrorStream(false)
                .start();
        process.getOutputStream().write("@alice #general /study leaderboard all\n".getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), out);
        return leaderboardIn(out, "> @alice #general /study leaderboard all");
    }

    private static List<String> linesOf(String block) {
        List<String> lines = new ArrayList<>();
        Stream.of(block.split("\n")).map(String::strip).filter(line -> !line.isEmpty()).forEach(lines::add);
        return lines;
    }
}
