package dev.studybot.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.studybot.store.Leaderboard;
import dev.studybot.domain.Period;
import dev.studybot.domain.Place;
import dev.studybot.domain.Scope;
import dev.studybot.store.SqlStudyStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8's reliability test: SIGKILL the console bot (a separate JVM) while 1,000 answer presses are in
 * flight on its stdin, then check the database it leaves behind, in this JVM and in a restarted bot:
 * every acknowledged answer is there exactly once, double presses added nothing, what was recorded is a
 * prefix of the presses (nothing half-done, nothing skipped), the file passes {@code integrity_check}, and
 * the leaderboards (the restarted bot's and a fresh store's) equal the sums of the answers table.
 *
 * <p>Set {@code -Dreliability.seed=S} to replay a run; the seed is in every failure message.
 */
class KillDuringAnswersTest {

    private static final int CHANNELS = 10;
    private static final int USERS = 300;
    private static final int PRESSES = 1000;
    private static final double DOUBLE_PRESS_SHARE = 0.15;
    private static final long TEST_BUDGET_MS = 55_000;
    private static final String EOF = "\u0000EOF";

    private static final Pattern BUTTON = Pattern.compile("^  \\[(\\d+)([a-f])] ");
    private static final Pattern ECHO = Pattern.compile("^> @(\\S+) #(\\S+) (.*)$");
    private static final Pattern POINTS = Pattern.compile("\\+(\\d+) points?\\b");
    private static final Pattern BOARD_ROW = Pattern.compile(
            "^\\s*(\\d+)\\. (\\S+)  (-?\\d+) pts? \\(daily (-?\\d+), practice (-?\\d+)\\), (\\d+)/(\\d+) right");
    private static final Pattern PLAYERS = Pattern.compile("(\\d+) players?; points = daily \\+ practice");

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();
    private long deadline;

    /** A press as sent: who, where, which posted question, which choice; {@code first}: no earlier press of the pair. */
    private record Press(int index, String user, String channel, long posted, int choice, boolean first) {
        String line() {
            return "@" + user + " #" + channel + " " + posted + (char) ('a' + choice);
        }

        String pair() {
            return posted + "/" + user;
        }
    }

    private enum Ack { RIGHT, NOT_QUITE, ALREADY }

    /** A recorded answer row. */
    private record Row(long posted, String user, int choice, boolean correct, int points) {
        String pair() {
            return posted + "/" + user;
        }
    }

    /** Totals of one member as a leaderboard shows them. */
    private record Totals(int points, int daily, int practice, int answered, int correct) {
    }

    @AfterEach
    void killWhatIsLeft() throws InterruptedException {
        for (Process process : started) {
            if (process.isAlive()) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void sigkillWhileAnswerPressesAreInFlightLosesNoAcknowledgedAnswer() throws Exception {
        deadline = System.currentTimeMillis() + TEST_BUDGET_MS;
        long seed = Long.getLong("reliability.seed", System.nanoTime());
        String why = "(replay with -Dreliability.seed=" + seed + ")";
        Random random = new Random(seed);
        Path notes = writeNotes();
        Path db = dir.resolve("db").resolve("studybot.db");
        Path data = dir.resolve("data");

        // 1. Start the bot and post a question of the day in each channel.
        Process bot = startBot(notes, db, data, "first");
        Output out = new Output(bot.getInputStream());
        OutputStream in = bot.getOutputStream();
        StringBuilder setup = new StringBuilder();
        for (int c = 0; c < CHANNELS; c++) {
            setup.append("@admin #c").append(c).append(" /study qotd now\n");
        }
        in.write(setup.toString().getBytes(StandardCharsets.UTF_8));
        in.flush();
        Map<String, Long> postedIn = new LinkedHashMap<>();
        Map<Long, Integer> choicesOf = new HashMap<>();
        String channel = null;
        int confirmations = 0;
        while (confirmations < CHANNELS) {
            String line = out.next(this::remaining, "the questions of the day " + why);
            Matcher echo = ECHO.matcher(line);
            Matcher button = BUTTON.matcher(line);
            if (echo.matches()) {
                channel = echo.group(2);
            } else if (button.find()) {
                long id = Long.parseLong(button.group(1));
                postedIn.putIfAbsent(channel, id);
                choicesOf.merge(id, 1, Integer::sum);
            } else if (line.contains("Posted today's question.")) {
                confirmations++;
            }
        }
        assertEquals(CHANNELS, postedIn.size(), "one question of the day per channel: " + postedIn + " " + out.tail());

        // 2. The presses: many members, every channel, some pressing twice (same or another choice).
        List<Press> presses = new ArrayList<>();
        Map<String, Press> firstOf = new HashMap<>();
        List<String> channels = List.copyOf(postedIn.keySet());
        for (int i = 0; i < PRESSES; i++) {
            String user;
            String where;
            if (i > 0 && random.nextDouble() < DOUBLE_PRESS_SHARE) {
                Press earlier = presses.get(random.nextInt(presses.size()));
                user = earlier.user();
                where = earlier.channel();
            } else {
                user = "u" + random.nextInt(USERS);
                where = channels.get(random.nextInt(channels.size()));
            }
            long posted = postedIn.get(where);
            Press press = new Press(i, user, where, posted, random.nextInt(choicesOf.get(posted)),
                    !firstOf.containsKey(posted + "/" + user));
            presses.add(press);
            firstOf.putIfAbsent(press.pair(), press);
        }
        long doublePresses = presses.stream().filter(p -> !p.first()).count();
        int killAfter = 100 + random.nextInt(600);
        int killDelayMs = random.nextInt(20); // 0: at once; else the bot goes on a little, maybe into a commit

        // 3. Send them all as fast as the pipe takes them; SIGKILL the bot after killAfter acknowledgements.
        Thread writer = new Thread(() -> {
            try {
                for (Press press : presses) {
                    in.write((press.line() + "\n").getBytes(StandardCharsets.UTF_8));
                }
                in.flush();
            } catch (IOException e) {
                // the bot is gone: the rest was never in flight
            }
        }, "presses");
        writer.setDaemon(true);
        writer.start();

        Map<Integer, Ack> acks = new TreeMap<>();
        Map<Integer, Integer> pointsShown = new HashMap<>();
        int echoes = 0;
        boolean killed = false;
        while (true) {
            String line = out.next(this::remaining, "the acknowledgements " + why);
            if (line == EOF) {
                break;
            }
            Matcher echo = ECHO.matcher(line);
            if (echo.matches()) {
                assertTrue(echoes < presses.size(), "more echoes than presses: " + line);
                assertEquals("> " + presses.get(echoes).line(), line, "presses are handled in order " + why);
                echoes++;
                continue;
            }
            Ack ack = line.startsWith("  Right! ") ? Ack.RIGHT
                    : line.startsWith("  Not quite: ") ? Ack.NOT_QUITE
                    : line.startsWith("  You already answered this one") ? Ack.ALREADY : null;
            if (line.contains("This question has closed") || line.contains("can't find that question")) {
                fail("unexpected reply to press " + (echoes - 1) + ": " + line + " " + why);
            }
            if (ack == null) {
                continue;
            }
            int index = echoes - 1;
            assertTrue(index >= 0 && !acks.containsKey(index), "a reply without its own press: " + line);
            acks.put(index, ack);
            if (ack == Ack.RIGHT) {
                Matcher points = POINTS.matcher(line);
                pointsShown.put(index, points.find() ? Integer.parseInt(points.group(1)) : 0);
            }
            if (!killed && acks.size() >= killAfter) {
                // SIGKILL on Linux and macOS, after the delay; the acknowledgements meanwhile are read on as they come.
                CompletableFuture.delayedExecutor(killDelayMs, TimeUnit.MILLISECONDS).execute(bot::destroyForcibly);
                killed = true;
            }
        }
        assertTrue(killed, "the bot stopped before " + killAfter + " acknowledgements: " + out.tail() + " " + why);
        assertTrue(bot.waitFor(10, TimeUnit.SECONDS), "the killed bot does not go away");
        assertEquals(137, bot.exitValue(), "killed by SIGKILL (128 + 9)");
        writer.join(5_000);
        int acked = acks.size();
        assertTrue(acked < PRESSES, "the kill came after every press was handled, nothing was in flight " + why);

        // 4. What the acknowledgements promise, checked against the file the killed bot left.
        for (Map.Entry<Integer, Ack> entry : acks.entrySet()) {
            Press press = presses.get(entry.getKey());
            assertEquals(press.first(), entry.getValue() != Ack.ALREADY,
                    "first presses are recorded, repeated ones refused: " + press + " got " + entry.getValue() + " " + why);
        }
        assertIntact(db, why);
        List<Row> rows = answerRows(db);
        Map<String, Row> rowOf = new HashMap<>();
        for (Row row : rows) {
            assertTrue(rowOf.put(row.pair(), row) == null, "answered twice: " + row + " " + why);
            assertTrue(firstOf.containsKey(row.pair()), "an answer nobody pressed: " + row + " " + why);
        }
        for (Map.Entry<Integer, Ack> entry : acks.entrySet()) {
            Press press = presses.get(entry.getKey());
            Row row = rowOf.get(press.pair());
            assertNotNull(row, "acknowledged but lost after SIGKILL: " + press + " " + why);
            Press first = firstOf.get(press.pair());
            assertEquals(first.choice(), row.choice(), "the first press counts: " + press + " " + why);
            if (entry.getValue() != Ack.ALREADY) {
                assertEquals(entry.getValue() == Ack.RIGHT, row.correct(), "right or wrong as acknowledged: " + press);
                assertEquals(pointsShown.getOrDefault(press.index(), 0), row.points(), "points as acknowledged: " + press);
            }
        }
        // The bot handles presses one at a time, so what it committed is exactly the first presses of some prefix.
        int lastRecorded = rows.stream().mapToInt(r -> firstOf.get(r.pair()).index()).max().orElse(-1);
        int firstMissing = firstOf.values().stream().filter(p -> !rowOf.containsKey(p.pair()))
                .mapToInt(Press::index).min().orElse(PRESSES);
        assertTrue(lastRecorded < firstMissing, "press " + firstMissing + " is missing but a later press "
                + lastRecorded + " was recorded " + why);
        long ackedFirst = acks.values().stream().filter(a -> a != Ack.ALREADY).count();
        assertTrue(rows.size() >= ackedFirst, rows.size() + " rows for " + ackedFirst + " acknowledged answers");

        Map<String, Totals> expected = totalsFromAnswers(db, null);

        // 5. Restart the bot on the same files: repeated presses are refused, and its leaderboard matches.
        List<Press> repeats = acks.entrySet().stream().filter(e -> e.getValue() != Ack.ALREADY)
                .map(e -> presses.get(e.getKey())).limit(25).toList();
        StringBuilder script = new StringBuilder();
        for (Press press : repeats) {
            int other = (press.choice() + 1) % choicesOf.get(press.posted());
            script.append("@").append(press.user()).append(" #").append(press.channel()).append(" ")
                    .append(press.posted()).append((char) ('a' + other)).append("\n");
        }
        script.append("@admin #c0 /study leaderboard all\n");
        for (String user : expected.keySet()) {
            script.append("@").append(user).append(" #c0 /study leaderboard all\n");
        }
        List<String> restarted = runToEnd(startBot(notes, db, data, "restarted"), script.toString(), why);
        long refused = restarted.stream().filter(l -> l.startsWith("  You already answered this one")).count();
        assertEquals(repeats.size(), refused, "after the restart every acknowledged answer is still there " + why);
        assertTrue(restarted.stream().noneMatch(l -> l.startsWith("  Right! ") || l.startsWith("  Not quite: ")),
                "a repeated press was recorded after the restart " + why);

        Map<String, Totals> shown = new HashMap<>();
        Map<String, Integer> rankShown = new HashMap<>();
        int players = -1;
        for (String line : restarted) {
            Matcher row = BOARD_ROW.matcher(line);
            if (row.find()) {
                Totals totals = new Totals(Integer.parseInt(row.group(3)), Integer.parseInt(row.group(4)),
                        Integer.parseInt(row.group(5)), Integer.parseInt(row.group(7)), Integer.parseInt(row.group(6)));
                Totals before = shown.put(row.group(2), totals);
                assertTrue(before == null || before.equals(totals), "one member, two totals: " + line);
                rankShown.put(row.group(2), Integer.parseInt(row.group(1)));
            }
            Matcher count = PLAYERS.matcher(line);
            if (count.find()) {
                players = Integer.parseInt(count.group(1));
            }
        }
        assertEquals(expected, shown, "the restarted bot's leaderboard equals the sums of the answers " + why);
        assertEquals(expected.size(), players, "players on the board");
        for (Map.Entry<String, Totals> entry : expected.entrySet()) {
            int points = entry.getValue().points();
            long above = expected.values().stream().filter(t -> t.points() > points).count();
            assertEquals(above + 1, rankShown.get(entry.getKey()).longValue(), "rank of " + entry.getKey());
        }

        // 6. A fresh store computes the same, for the group and for every channel.
        try (SqlStudyStore store = SqlStudyStore.open(db)) {
            Place place = new Place("console", "console", "console", "c0", "c0");
            assertEquals(expected, totalsOf(store.leaderboard(place, Scope.GROUP, Period.ALL, null, 100_000, Instant.now())),
                    "a fresh store's leaderboard " + why);
            for (String where : channels) {
                Place in2 = new Place("console", "console", "console", where, where);
                assertEquals(totalsFromAnswers(db, where),
                        totalsOf(store.leaderboard(in2, Scope.CHANNEL, Period.ALL, null, 100_000, Instant.now())),
                        "#" + where + "'s leaderboard " + why);
            }
        }
        assertIntact(db, why);
        assertEquals(rows.size(), answerRows(db).size(), "the restart added no answers");

        System.out.printf("reliability: seed %d, %d presses sent (%d double), killed after %d acknowledgements "
                        + "(%d answers, %d refused double presses; kill at %d + %d ms), %d answer rows found, "
                        + "%d members on the board%n", seed, PRESSES, doublePresses, acked, ackedFirst, acked - ackedFirst,
                killAfter, killDelayMs, rows.size(), expected.size());
    }

    // ------------------------------------------------------------------------------------------ helpers

    private long remaining() {
        return deadline - System.currentTimeMillis();
    }

    private Path writeNotes() throws IOException {
        Path notes = dir.resolve("notes");
        Files.createDirectories(notes);
        Files.writeString(notes.resolve("aws.md"), """
                # EC2
                - Spot instances get a two-minute interruption notice before termination.
                - On-Demand instances are billed per second with no long-term commitment.
                - Reserved Instances give up to 72 percent discount for a one or three year term.
                # S3
                - S3 Standard offers eleven nines of durability across availability zones.
                - S3 Glacier Deep Archive is the cheapest storage class with retrieval in twelve hours.
                - S3 versioning keeps every version of an object in the same bucket.
                # SQS
                - SQS standard queues offer at-least-once delivery and best-effort ordering.
                - SQS FIFO queues support 300 messages per second without batching.
                - The SQS visibility timeout defaults to thirty seconds.
                """);
        return notes;
    }

    private Process startBot(Path notes, Path db, Path data, String name) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "dev.studybot.cli.StudybotCommand", "console", "--notes", notes.toString(), "--db", db.toString(),
                "--data", data.toString())
                .redirectError(dir.resolve(name + ".stderr.txt").toFile())
                .start();
        started.add(process);
        return process;
    }

    /** Feeds the whole script, closes stdin and returns everything the bot printed until it exits. */
    private List<String> runToEnd(Process process, String script, String why) throws Exception {
        Output out = new Output(process.getInputStream());
        Thread feeder = new Thread(() -> {
            try (OutputStream in = process.getOutputStream()) {
                in.write(script.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // reported below through the exit value
            }
        }, "restart-script");
        feeder.setDaemon(true);
        feeder.start();
        List<String> lines = new ArrayList<>();
        for (String line = out.next(this::remaining, "the restarted bot " + why); line != EOF;
             line = out.next(this::remaining, "the restarted bot " + why)) {
            lines.add(line);
        }
        assertTrue(process.waitFor(Math.max(1, remaining()), TimeUnit.MILLISECONDS), "the restarted bot does not exit");
        assertEquals(0, process.exitValue(), "the restarted bot failed: "
                + Files.readString(dir.resolve("restarted.stderr.txt")) + " " + why);
        return lines;
    }

    private static Connection jdbc(Path db) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
    }

    private static void assertIntact(Path db, String why) throws SQLException {
        try (Connection c = jdbc(db); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                assertTrue(rs.next());
                assertEquals("ok", rs.getString(1), "integrity_check " + why);
            }
            try (ResultSet rs = s.executeQuery("PRAGMA foreign_key_check")) {
                assertTrue(!rs.next(), "foreign_key_check finds a dangling reference " + why);
            }
            try (ResultSet rs = s.executeQuery(
                    "SELECT posted_ref, member_ref FROM answers GROUP BY posted_ref, member_ref HAVING COUNT(*) > 1")) {
                assertTrue(!rs.next(), "a (question, member) pair answered twice " + why);
            }
        }
    }

    private static List<Row> answerRows(Path db) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Connection c = jdbc(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT a.posted_ref, m.user_id, a.choice, a.correct, a.points
                     FROM answers a JOIN members m ON m.id = a.member_ref
                     ORDER BY a.id""")) {
            while (rs.next()) {
                rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4) == 1, rs.getInt(5)));
            }
        }
        return rows;
    }

    /** Per member, the sums over the answers table (all channels, or one). */
    private static Map<String, Totals> totalsFromAnswers(Path db, String channel) throws SQLException {
        Map<String, Totals> totals = new HashMap<>();
        try (Connection c = jdbc(db);
             var s = c.prepareStatement("""
                     SELECT m.user_id, SUM(a.points),
                            SUM(CASE WHEN p.mode = 'DAILY' THEN a.points ELSE 0 END),
                            SUM(CASE WHEN p.mode = 'DAILY' THEN 0 ELSE a.points END),
                            COUNT(*), SUM(a.correct)
                     FROM answers a
                     JOIN members m ON m.id = a.member_ref
                     JOIN posted p ON p.id = a.posted_ref
                     JOIN channels ch ON ch.id = p.channel_ref
                     WHERE ? IS NULL OR ch.channel_id = ?
                     GROUP BY m.user_id""")) {
            s.setString(1, channel);
            s.setString(2, channel);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    totals.put(rs.getString(1), new Totals(rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                            rs.getInt(6)));
                }
            }
        }
        return totals;
    }

    private static Map<String, Totals> totalsOf(Leaderboard board) {
        Map<String, Totals> totals = new HashMap<>();
        for (Leaderboard.Row row : board.top()) {
            totals.put(row.userId(), new Totals(row.points(), row.dailyPoints(), row.practicePoints(), row.answered(),
                    row.correct()));
        }
        assertEquals(board.players(), totals.size(), "the whole board fits");
        return totals;
    }

    /** The bot's stdout, line by line, read on its own thread so the bot never blocks on a full pipe. */
    private static final class Output {
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final Deque<String> tail = new ArrayDeque<>();

        Output(InputStream stdout) {
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(stdout, StandardCharsets.UTF_8))) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    // the process died; what it wrote before is already queued
                } finally {
                    lines.add(EOF);
                }
            }, "bot-stdout");
            reader.setDaemon(true);
            reader.start();
        }

        /** The next line, or {@link #EOF} (the same instance) at the end; fails when the time is up. */
        String next(java.util.function.LongSupplier remainingMs, String waitingFor) throws InterruptedException {
            String line = lines.poll(Math.max(0, remainingMs.getAsLong()), TimeUnit.MILLISECONDS);
            if (line == null) {
                fail("timed out waiting for " + waitingFor + "; last lines: " + tail());
            }
            if (line != EOF) {
                tail.addLast(line);
                if (tail.size() > 40) {
                    tail.removeFirst();
                }
            }
            return line;
        }

        String tail() {
            return String.join("\n", tail);
        }
    }
}
