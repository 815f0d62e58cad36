package dev.studybot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.studybot.config.DatabaseLocation;
import dev.studybot.store.ThrowawayPostgresql;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17's cluster test: three {@code studybot run} processes in Slack HTTP mode on one real PostgreSQL database,
 * a load client spreading 2,000 signed slash commands and 1,000 answer presses over them as a load balancer would,
 * and the replica that posted the question of the day killed with SIGKILL halfway. Every acknowledged answer is stored
 * once, the leaderboards equal the sums of the answers, the question is posted once and revealed once, and the reveal
 * the killed replica had armed is done by another.
 *
 * <p>Set {@code -Dcluster.seed=S} to replay a run; the seed is in every failure message.
 */
class SlackReplicasTest {

    private static final int REPLICAS = 3;
    private static final int COMMANDS = 2000;
    private static final int PRESSES = 1000;
    private static final int MEMBERS = 700;
    private static final int CLIENTS = 16;
    private static final String ADMIN = "U0ADMIN01";
    /** A question posted at HH:MM is revealed a day minus this before the next one: two minutes after it is posted. */
    private static final String REVEAL_BEFORE_MINUTES = String.valueOf(24 * 60 - 2);
    private static final String CLOSED = "This question has closed";
    private static final Pattern BOARD_ROW = Pattern.compile("(\\d+)\\. (\\S+) +(\\d+) pts?");

    @TempDir
    Path dir;

    private final ThrowawayPostgresql server = ThrowawayPostgresql.get();

    @Test
    void aReplicaKilledUnderLoadLosesNoAcknowledgedAnswerAndItsRevealIsTakenOver() throws Exception {
        long seed = Long.getLong("cluster.seed", System.nanoTime());
        String why = " (replay with -Dcluster.seed=" + seed + ")";
        Random random = new Random(seed);
        DatabaseLocation.PostgresqlServer database = server.freshDatabase();
        try (FakeSlack slack = new FakeSlack();
             SlackReplicas replicas = SlackReplicas.start(REPLICAS, slack, database, server.password(),
                     Path.of("..", "notes"), dir, Map.of("STUDYBOT_REVEAL_BEFORE_MINUTES", REVEAL_BEFORE_MINUTES,
                             "STUDYBOT_SLACK_ADMINS", ADMIN));
             SignedLoad load = new SignedLoad(replicas.ports(), CLIENTS)) {
            try {
                run(slack, replicas, load, database, random, why);
            } catch (AssertionError | RuntimeException e) {
                e.addSuppressed(new AssertionError("what the replicas logged last:" + replicas.lastLogLines(60)));
                throw e;
            }
        }
    }

    private void run(FakeSlack slack, SlackReplicas replicas, SignedLoad load, DatabaseLocation.PostgresqlServer database,
                     Random random, String why) throws Exception {
        // The question of the day at the next whole minute at least 20 s away, set through one of the replicas.
        LocalTime postAt = LocalTime.now(ZoneOffset.UTC).plusSeconds(80).truncatedTo(ChronoUnit.MINUTES);
        String time = postAt.format(DateTimeFormatter.ofPattern("HH:mm"));
        SignedLoad.Outcome scheduled = load.send(List.of(new SignedLoad.Request("schedule",
                SlackHttpModeTest.command(slack, "schedule set " + time + " UTC", ADMIN, "ada", "schedule"))),
                done -> { }).get(0);
        assertEquals(200, scheduled.status(), scheduled.body());
        JsonNode confirmed = slack.await("response_url", call -> call.path().endsWith("/schedule"),
                Duration.ofSeconds(20)).json();
        assertTrue(confirmed.toString().contains(time), confirmed.toString());

        // Half of the commands while the question is not out yet.
        List<SignedLoad.Request> commands = SignedLoad.commands(slack, random, "c", COMMANDS, MEMBERS);
        long started = System.nanoTime();
        List<SignedLoad.Outcome> outcomes = new ArrayList<>(load.send(commands.subList(0, COMMANDS / 2), done -> { }));

        FakeSlack.Call posted = slack.await("chat.postMessage", call -> "C0GENERAL".equals(call.params().get("channel"))
                && !FakeSlack.buttons(call.blocks()).isEmpty(), Duration.ofSeconds(150));
        List<String> choices = FakeSlack.buttons(posted.blocks()).stream().map(b -> b.path("value").asText())
                .filter(value -> value.startsWith("answer:")).toList();
        assertTrue(choices.size() >= 2, "answer buttons in " + posted.blocks());
        SlackReplicas.Replica poster = awaitOne(replicas, "Question of the day posted");

        // The rest: every press and the other half of the commands, mixed; the poster is killed halfway.
        List<SignedLoad.Request> second = new ArrayList<>(commands.subList(COMMANDS / 2, COMMANDS));
        Map<String, String> presser = new HashMap<>();
        for (int i = 0; i < PRESSES; i++) {
            // Every member presses once, and some a second time (the same choice or another).
            String member = SignedLoad.member(i < MEMBERS ? i : random.nextInt(MEMBERS));
            String id = "p" + i;
            presser.put(id, member);
            second.add(new SignedLoad.Request(id, press(slack, member, choices.get(random.nextInt(choices.size())), id)));
        }
        Collections.shuffle(second, random);
        int killAt = (COMMANDS + PRESSES) / 2 - COMMANDS / 2;
        AtomicLong killedAt = new AtomicLong();
        outcomes.addAll(load.send(second, done -> {
            if (done == killAt) {
                try {
                    poster.kill();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                killedAt.set(System.nanoTime());
            }
        }));
        long loadDone = System.nanoTime();
        int killed = replicas.all().indexOf(poster);

        // Which presses were acknowledged as answers: HTTP 200 and not told to try again.
        Awaitility.await("the replies of the surviving replicas").atMost(Duration.ofSeconds(60))
                .until(() -> repliesMissing(slack, outcomes, killed).isEmpty());
        Map<String, String> replies = replies(slack);
        Set<String> acknowledged = new HashSet<>();
        int busy = 0;
        int slowPresses = 0;
        int late = 0;
        for (SignedLoad.Outcome outcome : outcomes) {
            String id = outcome.request().responseId();
            // A press not handled within 2.5 s is not acknowledged (503): the member sees an error and may press again.
            boolean slowPress = presser.containsKey(id) && outcome.status() == 503;
            slowPresses += slowPress ? 1 : 0;
            assertTrue(outcome.status() == 200 || slowPress, id + ": HTTP " + outcome.status() + " " + outcome.body() + why);
            boolean toldBusy = outcome.busy() || replies.getOrDefault(id, "").contains(SlackAdapter.BUSY);
            busy += toldBusy ? 1 : 0;
            // A press that came after the reveal is told the question has closed: no answer was taken.
            boolean tooLate = replies.getOrDefault(id, "").contains(CLOSED);
            late += tooLate ? 1 : 0;
            if (presser.containsKey(id) && !toldBusy && !slowPress && !tooLate) {
                acknowledged.add(presser.get(id));
            }
        }

        long postedId = dailyPostId(database);
        Awaitility.await("the reveal").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                .until(() -> revealed(database, postedId));
        long revealedAt = System.nanoTime();
        Map<String, Integer> stored = storedAnswers(database, postedId);
        Set<String> missing = new HashSet<>(acknowledged);
        missing.removeAll(stored.keySet());
        assertEquals(Set.of(), missing, "acknowledged answers that were not stored" + why);
        assertTrue(presser.values().containsAll(stored.keySet()), "only members who pressed have answers" + why);
        assertEquals(0, count(database, "SELECT COUNT(*) FROM (SELECT posted_ref, member_ref FROM answers"
                + " GROUP BY posted_ref, member_ref HAVING COUNT(*) > 1) twice"), "an answer stored twice" + why);
        assertTotalsEqualTheAnswers(database, why);

        // Posted once, revealed once (and explained once in its thread), the reveal by a replica still alive.
        Awaitility.await("nothing more is posted or revealed").during(Duration.ofSeconds(5))
                .atMost(Duration.ofSeconds(10)).until(() -> questionPosts(slack) == 1 && reveals(slack) == 1);
        assertEquals(1, count(database, "SELECT COUNT(*) FROM daily_posts"), "one question of the day" + why);
        assertEquals(1, slack.calls("chat.postMessage").stream()
                .filter(call -> call.params().containsKey("thread_ts")).count(), "one explanation in the thread");
        List<String> revealers = new ArrayList<>();
        for (SlackReplicas.Replica replica : replicas.all()) {
            if (!replica.events("Question of the day revealed").isEmpty()) {
                revealers.add(replica.name());
            }
        }
        assertEquals(1, revealers.size(), "revealed by " + revealers + why);
        assertTrue(!revealers.contains(poster.name()), "the killed poster cannot have revealed it" + why);

        // The leaderboard a survivor shows is the sums of the answers.
        Map<String, Integer> sums = pointsPerMember(database);
        SlackReplicas.Replica survivor = replicas.all().get((killed + 1) % REPLICAS);
        assertEquals(200, SlackHttpModeTest.send(java.net.http.HttpClient.newHttpClient(), survivor.port(),
                SlackHttpModeTest.command(slack, "leaderboard all", ADMIN, "ada", "board"), SlackHttpModeTest.now(),
                SlackHttpModeTest.sign(SlackHttpModeTest.now(), SlackHttpModeTest.command(slack, "leaderboard all",
                        ADMIN, "ada", "board"))).statusCode());
        String board = slack.await("response_url", call -> call.path().endsWith("/board"), Duration.ofSeconds(20))
                .json().toString();
        Matcher row = BOARD_ROW.matcher(board);
        int rows = 0;
        while (row.find()) {
            assertEquals(sums.get(row.group(2).toUpperCase()), Integer.valueOf(row.group(3)), row.group() + why);
            rows++;
        }
        assertTrue(rows >= 5, "leaderboard rows in " + board);

        long lost = outcomes.stream().filter(o -> o.replica() == killed && !o.busy()
                && !replies.containsKey(o.request().responseId()) && !presser.containsKey(o.request().responseId()))
                .count();
        long retried = outcomes.stream().filter(o -> o.tries() > 1).count();
        System.out.printf("cluster: replicas=%d requests=%d (commands=%d presses=%d) clients=%d; killed %s (the poster)"
                        + " after %d acknowledged, %.1f s into the load; load took %.1f s (%.0f requests/s);"
                        + " retried on another replica=%d; busy=%d; presses not acknowledged in 2.5 s=%d; after the reveal=%d;"
                        + " command replies lost with the killed replica=%d;"
                        + " answers acknowledged=%d stored=%d; posts=%d reveals=%d (by %s, %.1f s after the kill)%n",
                REPLICAS, outcomes.size(), COMMANDS, PRESSES, CLIENTS, poster.name(), COMMANDS / 2 + killAt,
                (killedAt.get() - started) / 1e9, (loadDone - started) / 1e9,
                outcomes.size() / ((loadDone - started) / 1e9), retried, busy, slowPresses, late, lost, acknowledged.size(),
                stored.size(), questionPosts(slack), reveals(slack), revealers.get(0),
                (revealedAt - killedAt.get()) / 1e9);
    }

    /** A press on one of the posted question's buttons, as Slack sends it. */
    private static String press(FakeSlack slack, String userId, String action, String responseId) {
        return "payload=" + URLEncoder.encode("""
                {"type":"block_actions","user":{"id":"%s","username":"%s","name":"%s","team_id":"T0ACME001"},
                 "api_app_id":"A0APP0001","container":{"type":"message","channel_id":"C0GENERAL",
                 "message_ts":"1764000000.000100"},"team":{"id":"T0ACME001","domain":"acme-study"},
                 "channel":{"id":"C0GENERAL","name":"general"},"response_url":"%s","trigger_id":"1.2.3",
                 "actions":[{"action_id":"%s","block_id":"b","value":"%s","type":"button","action_ts":"1764000001.0003"}]}
                """.formatted(userId, userId.toLowerCase(), userId.toLowerCase(), slack.responseUrl(responseId),
                action, action), StandardCharsets.UTF_8);
    }

    /** The replica that logged {@code message}, once it has; fails when two did. */
    private static SlackReplicas.Replica awaitOne(SlackReplicas replicas, String message) {
        return Awaitility.await("a replica logging \"" + message + "\"").atMost(Duration.ofSeconds(20))
                .until(() -> {
                    List<SlackReplicas.Replica> logged = new ArrayList<>();
                    for (SlackReplicas.Replica replica : replicas.all()) {
                        if (!replica.events(message).isEmpty()) {
                            logged.add(replica);
                        }
                    }
                    assertTrue(logged.size() <= 1, logged + " all logged " + message);
                    return logged.isEmpty() ? null : logged.get(0);
                }, replica -> replica != null);
    }

    /** The text of the first post to each response URL. */
    private static Map<String, String> replies(FakeSlack slack) {
        Map<String, String> replies = new HashMap<>();
        for (FakeSlack.Call call : slack.calls("response_url")) {
            replies.putIfAbsent(call.path().substring(call.path().lastIndexOf('/') + 1), call.body());
        }
        return replies;
    }

    /** Requests a replica still alive acknowledged and has not replied to yet. */
    private static List<String> repliesMissing(FakeSlack slack, List<SignedLoad.Outcome> outcomes, int killed) {
        Map<String, String> replies = replies(slack);
        return outcomes.stream().filter(o -> o.replica() != killed && !o.busy() && o.status() == 200)
                .map(o -> o.request().responseId()).filter(id -> !replies.containsKey(id)).toList();
    }

    private static long questionPosts(FakeSlack slack) {
        return slack.calls("chat.postMessage").stream().filter(call -> !FakeSlack.buttons(call.blocks()).isEmpty())
                .count();
    }

    private static long reveals(FakeSlack slack) {
        return slack.calls("chat.update").stream().filter(call -> call.blocks().toString().contains("answer revealed"))
                .count();
    }

    private long dailyPostId(DatabaseLocation.PostgresqlServer database) throws SQLException {
        return count(database, "SELECT posted_ref FROM daily_posts");
    }

    private boolean revealed(DatabaseLocation.PostgresqlServer database, long postedId) throws SQLException {
        return count(database, "SELECT COUNT(*) FROM daily_posts WHERE revealed_at IS NOT NULL AND posted_ref = "
                + postedId) == 1;
    }

    /** Each member's stored answer (its choice) to the question of the day. */
    private Map<String, Integer> storedAnswers(DatabaseLocation.PostgresqlServer database, long postedId)
            throws SQLException {
        return perMember(database, "SELECT m.user_id, a.choice FROM answers a JOIN members m"
                + " ON m.id = a.member_ref WHERE a.posted_ref = " + postedId);
    }

    private Map<String, Integer> pointsPerMember(DatabaseLocation.PostgresqlServer database) throws SQLException {
        return perMember(database, "SELECT m.user_id, SUM(a.points) FROM answers a JOIN members m"
                + " ON m.id = a.member_ref GROUP BY m.user_id");
    }

    /** A query's rows of a member's user id and a number, as a map. */
    private Map<String, Integer> perMember(DatabaseLocation.PostgresqlServer database, String sql) throws SQLException {
        Map<String, Integer> rows = new TreeMap<>();
        try (Connection c = server.connect(database); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getInt(2));
            }
        }
        return rows;
    }

    private void assertTotalsEqualTheAnswers(DatabaseLocation.PostgresqlServer database, String why)
            throws SQLException {
        long points = count(database, "SELECT COALESCE(SUM(points), 0) FROM answers");
        long answered = count(database, "SELECT COUNT(*) FROM answers");
        assertTrue(answered > 0, "answers were stored");
        for (String scope : List.of("GROUP", "CHANNEL")) {
            assertEquals(points, count(database, "SELECT COALESCE(SUM(points), 0) FROM score_totals WHERE scope_kind = '"
                    + scope + "' AND period_key = 'all'"), scope + " points" + why);
            assertEquals(answered, count(database, "SELECT COALESCE(SUM(answered), 0) FROM score_totals"
                    + " WHERE scope_kind = '" + scope + "' AND period_key = 'all'"), scope + " answers" + why);
        }
        assertEquals(0, count(database, """
                SELECT COUNT(*) FROM score_totals t
                WHERE t.period_key = 'all' AND t.points <> (
                    SELECT SUM(a.points) FROM answers a WHERE a.member_ref = t.member_ref)"""),
                "a member's total that is not the sum of their answers" + why);
    }

    private long count(DatabaseLocation.PostgresqlServer database, String sql) throws SQLException {
        try (Connection c = server.connect(database); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                throw new AssertionError("no row for " + sql);
            }
            return rs.getLong(1);
        }
    }
}
