package dev.studybot.cli;

import dev.studybot.store.PeriodKeys;
import dev.studybot.store.Leaderboard;
import dev.studybot.domain.GroupKey;
import dev.studybot.domain.MemberKey;
import dev.studybot.domain.Period;
import dev.studybot.domain.Place;
import dev.studybot.domain.Scope;
import dev.studybot.store.SqlStudyStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.sqlite.SQLiteConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench-store", mixinStandardHelpOptions = true, description = {
        "Time leaderboards on a large SQLite store built in a temporary folder.",
        "The database is created through the store (so every migration runs), then filled in one transaction",
        "with batched SQL written straight to the tables, bypassing answer() for speed: members, one group",
        "(Europe/Berlin) with four channels, daily questions over about four months, answers and their score",
        "totals. Then leaderboard() is timed for week, month and all time, group and channel, with callers",
        "inside and outside the top 10, after a warm-up.",
        "Last line: users=U answers=A populate_ms=P p50_us=X p99_us=Y"})
public final class StoreBenchCommand implements Callable<Integer> {

    private static final String PLATFORM = "bench";
    private static final String GROUP = "G1";
    private static final int CHANNELS = 4;
    private static final int DAYS = 120;
    private static final int WARM_UP_ROUNDS = 10;
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final Instant START = Instant.parse("2026-01-05T05:00:00Z"); // a Monday, 06:00 in Berlin

    @Option(names = "--users", paramLabel = "U", defaultValue = "10000",
            description = "Members. Default: ${DEFAULT-VALUE}")
    int users;

    @Option(names = "--answers", paramLabel = "A", defaultValue = "1000000",
            description = "Answers (spread over daily questions, at most one per member per question). Default: ${DEFAULT-VALUE}")
    long answers;

    @Option(names = "--rounds", paramLabel = "R", defaultValue = "100",
            description = "Timed rounds of 12 leaderboard calls each, after " + WARM_UP_ROUNDS
                    + " warm-up rounds. Default: ${DEFAULT-VALUE}")
    int rounds;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new StoreBenchCommand()).execute(args));
    }

    @Override
    public Integer call() throws IOException, SQLException {
        if (users < 1 || answers < 0 || rounds < 1) {
            throw new IllegalArgumentException("--users and --rounds must be at least 1, --answers at least 0.");
        }
        int questions = (int) Math.max((long) DAYS * CHANNELS, (answers + users - 1) / users);
        Path work = Files.createTempDirectory("studybot-store-bench");
        try (SqlStudyStore store = SqlStudyStore.open(work.resolve("studybot.db"))) {
            long start = System.nanoTime();
            store.setTimeZone(new GroupKey(PLATFORM, GROUP), ZONE);
            populate(store.url(), questions);
            long populateMs = (System.nanoTime() - start) / 1_000_000;
            Instant now = postedAt(questions - 1).plus(Duration.ofHours(3));
            long[] micros = time(store, now);
            Arrays.sort(micros);
            System.err.printf(Locale.ROOT, "questions=%d db_mb=%d calls=%d max_us=%d%n", questions,
                    sizeMb(work), micros.length, micros[micros.length - 1]);
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "users=%d answers=%d populate_ms=%d p50_us=%d p99_us=%d%n",
                    users, answers, populateMs, BenchSupport.percentile(micros, 50), BenchSupport.percentile(micros, 99));
            out.flush();
        } finally {
            BenchSupport.deleteTree(work);
        }
        return 0;
    }

    private static Place channel(int c) {
        return new Place(PLATFORM, GROUP, "Bench", "C" + c, "channel-" + c);
    }

    private static Instant postedAt(int question) {
        return START.plus(Duration.ofDays(question / CHANNELS)).plus(Duration.ofMinutes(question % CHANNELS));
    }

    /** Writes members, channels, questions, answers and score totals straight into the tables, in one transaction. */
    private void populate(String url, int questions) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setBusyTimeout(10_000);
        config.setSynchronous(SQLiteConfig.SynchronousMode.OFF);
        try (Connection c = config.createConnection(url); Statement s = c.createStatement()) {
            s.execute("PRAGMA cache_size = -200000");
            s.execute("BEGIN IMMEDIATE");
            long groupRef;
            try (ResultSet rs = s.executeQuery("SELECT id FROM study_groups WHERE platform = '" + PLATFORM
                    + "' AND group_id = '" + GROUP + "'")) {
                rs.next();
                groupRef = rs.getLong(1);
            }
            s.executeUpdate("UPDATE study_groups SET name = 'Bench' WHERE id = " + groupRef);
            long[] channelRefs = new long[CHANNELS];
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO channels (id, group_ref, channel_id, name) VALUES (?, ?, ?, ?)")) {
                for (int ch = 0; ch < CHANNELS; ch++) {
                    channelRefs[ch] = ch + 1;
                    insert.setLong(1, channelRefs[ch]);
                    insert.setLong(2, groupRef);
                    insert.setString(3, channel(ch).channelId());
                    insert.setString(4, channel(ch).channelName());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO members (id, platform, user_id, display_name) VALUES (?, ?, ?, ?)")) {
                for (int m = 0; m < users; m++) {
                    insert.setLong(1, m + 1);
                    insert.setString(2, PLATFORM);
                    insert.setString(3, "u" + m);
                    insert.setString(4, "User " + m);
                    insert.addBatch();
                    if (m % 10_000 == 9_999) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO posted (id, mode, channel_ref, owner_ref, posted_at, expires_at, question_id, kind,
                                        topic, topic_key, prompt, choices, answer, file, line, explanation)
                    VALUES (?, 'DAILY', ?, NULL, ?, ?, ?, 'fact', ?, ?, ?, '["a","b","c","d"]', ?, 'bench.md', ?, 'x')""")) {
                for (int q = 0; q < questions; q++) {
                    Instant at = postedAt(q);
                    String topic = "Topic " + (q % 17);
                    insert.setLong(1, q + 1);
                    insert.setLong(2, channelRefs[q % CHANNELS]);
                    insert.setLong(3, at.toEpochMilli());
                    insert.setLong(4, at.plus(Duration.ofDays(1)).toEpochMilli());
                    insert.setString(5, "b" + q);
                    insert.setString(6, "[\"" + topic + "\",\"Part\"]");
                    insert.setString(7, topic + " › Part");
                    insert.setString(8, "Bench question " + q + "?");
                    insert.setInt(9, q % 4);
                    insert.setInt(10, q + 1);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            insertAnswersAndTotals(c, questions, groupRef, channelRefs);
            s.execute("COMMIT");
        }
    }

    private void insertAnswersAndTotals(Connection c, int questions, long groupRef, long[] channelRefs)
            throws SQLException {
        Random random = new Random(7);
        // Skill per member: how often they answer correctly, and how often early.
        float[] skill = new float[users];
        for (int m = 0; m < users; m++) {
            skill[m] = 0.2f + 0.75f * random.nextFloat();
        }
        Map<String, Integer> periodIndex = new HashMap<>();
        List<String> periodNames = new ArrayList<>();
        Map<Long, int[]> totals = new HashMap<>();
        long perQuestion = answers / questions;
        long extra = answers % questions;
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO answers (posted_ref, member_ref, choice, correct, points, streak, answered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            int pending = 0;
            for (int q = 0; q < questions; q++) {
                long count = perQuestion + (q < extra ? 1 : 0);
                Instant posted = postedAt(q);
                int offset = (int) ((q * 7919L) % users);
                for (long j = 0; j < count; j++) {
                    int m = (int) ((offset + j) % users);
                    boolean correct = random.nextFloat() < skill[m];
                    boolean early = random.nextFloat() < skill[m] * 0.6f;
                    Instant at = posted.plusSeconds(early ? random.nextInt(3600) : 3600 + random.nextInt(10 * 3600));
                    int points = correct ? (early ? 13 : 10) : 0;
                    insert.setLong(1, q + 1);
                    insert.setLong(2, m + 1);
                    insert.setInt(3, correct ? q % 4 : (q + 1) % 4);
                    insert.setInt(4, correct ? 1 : 0);
                    insert.setInt(5, points);
                    insert.setInt(6, correct ? 1 : 0);
                    insert.setLong(7, at.toEpochMilli());
                    insert.addBatch();
                    if (++pending == 20_000) {
                        insert.executeBatch();
                        pending = 0;
                    }
                    for (String key : PeriodKeys.keys(at, ZONE)) {
                        int period = periodIndex.computeIfAbsent(key, k -> {
                            periodNames.add(k);
                            return periodNames.size() - 1;
                        });
                        add(totals, pack(0, groupRef, period, m + 1), points, correct);
                        add(totals, pack(1, channelRefs[q % CHANNELS], period, m + 1), points, correct);
                    }
                }
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO score_totals (scope_kind, scope_ref, period_key, member_ref,
                                          points, daily_points, practice_points, answered, correct)
                VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)""")) {
            int pending = 0;
            for (Map.Entry<Long, int[]> e : totals.entrySet()) {
                long key = e.getKey();
                int[] v = e.getValue();
                insert.setString(1, (key >>> 63) == 0 ? "GROUP" : "CHANNEL");
                insert.setLong(2, (key >>> 48) & 0x7FFF);
                insert.setString(3, periodNames.get((int) ((key >>> 32) & 0xFFFF)));
                insert.setLong(4, key & 0xFFFF_FFFFL);
                insert.setInt(5, v[0]);
                insert.setInt(6, v[0]);
                insert.setInt(7, v[1]);
                insert.setInt(8, v[2]);
                insert.addBatch();
                if (++pending == 20_000) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            insert.executeBatch();
        }
    }

    private static long pack(int kind, long scopeRef, int period, long memberRef) {
        return ((long) kind << 63) | (scopeRef << 48) | ((long) period << 32) | memberRef;
    }

    private static void add(Map<Long, int[]> totals, long key, int points, boolean correct) {
        int[] sum = totals.computeIfAbsent(key, k -> new int[3]);
        sum[0] += points;
        sum[1] += 1;
        sum[2] += correct ? 1 : 0;
    }

    /** One call per period × scope × caller (top member, random member) per round: 12 per round. */
    private long[] time(SqlStudyStore store, Instant now) {
        Random random = new Random(11);
        Period[] periods = Period.values();
        int calls = 0;
        long[] micros = new long[rounds * periods.length * 2 * 2];
        for (int round = -WARM_UP_ROUNDS; round < rounds; round++) {
            for (Period period : periods) {
                for (Scope scope : Scope.values()) {
                    Place place = channel(Math.floorMod(round, CHANNELS));
                    Leaderboard first = store.leaderboard(place, scope, period, null, 1, now);
                    String topUser = first.top().isEmpty() ? "u0" : first.top().get(0).userId();
                    for (String caller : new String[] {topUser, "u" + random.nextInt(users)}) {
                        long start = System.nanoTime();
                        Leaderboard board = store.leaderboard(place, scope, period, new MemberKey(PLATFORM, caller), 10,
                                now);
                        long took = (System.nanoTime() - start) / 1000;
                        if (board.players() < 0) {
                            throw new IllegalStateException("unreachable");
                        }
                        if (round >= 0) {
                            micros[calls++] = took;
                        }
                    }
                }
            }
        }
        return Arrays.copyOf(micros, calls);
    }

    private static long sizeMb(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            long bytes = 0;
            for (Path f : files.toList()) {
                bytes += Files.size(f);
            }
            return bytes / (1024 * 1024);
        }
    }

}
