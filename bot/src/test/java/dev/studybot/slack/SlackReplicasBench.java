package dev.studybot.slack;

import dev.studybot.store.ThrowawayPostgresql;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/**
 * The throughput of one replica against three, measured side by side in one run on the same machine: each round
 * starts that many {@code studybot run} processes in Slack HTTP mode on a fresh database of one PostgreSQL server,
 * sends them the same signed slash commands ({@link SignedLoad}, spread round robin) and times the acks and the
 * replies at the loopback Slack, straight to the replicas (spread by the client) or through a real nginx running the
 * recipe's {@code config/replicas/nginx.conf} ({@link NginxBalancer}), once with a replica killed halfway. Run by
 * {@code mvn -B -q test-compile exec:exec@bench-replicas} (README: Running more than one); arguments: requests per
 * round, concurrent clients, then the rounds ({@code 1 3 3nginx 3nginx-kill} by default, the nginx ones only where
 * {@code /usr/sbin/nginx} or {@code -Dbench.nginx} is).
 */
public final class SlackReplicasBench {

    private static final int MEMBERS = 300;
    /** Commands each round sends before it measures: a process's first searches are slow (JIT, ONNX's first runs). */
    private static final int WARM_UP_PER_REPLICA = 100;

    private SlackReplicasBench() {
    }

    /** A round: how many replicas, whether the load goes through nginx, whether one replica is killed halfway. */
    private record Round(String name, int replicas, boolean nginx, boolean kill) {
        static Round parse(String spec) {
            Matcher m = Pattern.compile("(\\d+)(nginx)?(-kill)?").matcher(spec);
            if (!m.matches()) {
                throw new IllegalArgumentException("a round is N, Nnginx or Nnginx-kill, not " + spec);
            }
            return new Round(spec, Integer.parseInt(m.group(1)), m.group(2) != null, m.group(3) != null);
        }
    }

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 1500;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 24;
        String nginx = System.getProperty("bench.nginx", "/usr/sbin/nginx");
        List<Round> rounds = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            rounds.add(Round.parse(args[i]));
        }
        if (rounds.isEmpty()) {
            rounds = Stream.of("1", "3", "3nginx", "3nginx-kill").map(Round::parse)
                    .filter(round -> !round.nginx() || Files.isExecutable(Path.of(nginx))).toList();
        }
        ThrowawayPostgresql server = ThrowawayPostgresql.get();
        System.out.printf("bench-replicas: %d signed slash commands per round from %d clients (searches, boards, stats,"
                + " practice, help on the sample notes), %d cores%n", requests, clients,
                Runtime.getRuntime().availableProcessors());
        Map<String, Double> throughput = new HashMap<>();
        for (Round round : rounds) {
            Path dir = Files.createTempDirectory("studybot-bench-replicas-");
            try (FakeSlack slack = new FakeSlack();
                 SlackReplicas started = SlackReplicas.start(round.replicas(), slack, server.freshDatabase(),
                         server.password(), Path.of("..", "notes"), dir, Map.of());
                 NginxBalancer balancer = round.nginx() ? NginxBalancer.start(nginx, started.ports(), dir) : null;
                 SignedLoad load = new SignedLoad(balancer != null ? List.of(balancer.port()) : started.ports(),
                         clients)) {
                Random random = new Random(42);
                load.send(SignedLoad.commands(slack, random, "w", WARM_UP_PER_REPLICA * round.replicas(), MEMBERS),
                        done -> { });
                List<SignedLoad.Request> measured = SignedLoad.commands(slack, random, "c", requests, MEMBERS);
                SlackReplicas.Replica victim = started.all().get(0);
                long began = System.nanoTime();
                List<SignedLoad.Outcome> outcomes = load.send(measured, done -> {
                    if (round.kill() && done == requests / 2) {
                        kill(victim);
                    }
                });
                List<SignedLoad.Outcome> answered = outcomes.stream().filter(o -> o.status() == 200 && !o.busy())
                        .toList();
                Map<String, Long> replied = new HashMap<>();
                // A command the killed replica took and never answered is left out of the reply figures.
                Awaitility.await("every reply").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                        .until(() -> {
                            for (FakeSlack.Call call : slack.calls("response_url")) {
                                replied.putIfAbsent(call.path().substring(call.path().lastIndexOf('/') + 1),
                                        call.nanos());
                            }
                            return round.kill() || answered.stream()
                                    .allMatch(o -> replied.containsKey(o.request().responseId()));
                        });
                List<SignedLoad.Outcome> withReply = answered.stream()
                        .filter(o -> replied.containsKey(o.request().responseId())).toList();
                long[] acks = outcomes.stream().mapToLong(o -> o.ackNanos() - o.sentNanos()).sorted().toArray();
                long[] replies = withReply.stream()
                        .mapToLong(o -> replied.get(o.request().responseId()) - o.sentNanos()).sorted().toArray();
                long last = withReply.stream().mapToLong(o -> replied.get(o.request().responseId())).max()
                        .orElse(began);
                double seconds = (last - began) / 1e9;
                throughput.put(round.name(), replies.length / seconds);
                System.out.printf("replicas=%d%s requests=%d failed=%d busy=%d unanswered=%d ack_p50_ms=%.0f"
                                + " ack_p99_ms=%.0f reply_p50_ms=%.0f reply_p99_ms=%.0f replies_per_s=%.0f%n",
                        round.replicas(), (round.nginx() ? " via=nginx" : "") + (round.kill() ? " killed=1" : ""),
                        requests, outcomes.stream().filter(o -> o.status() != 200).count(),
                        outcomes.stream().filter(SignedLoad.Outcome::busy).count(), answered.size() - withReply.size(),
                        millis(acks, 50), millis(acks, 99), millis(replies, 50), millis(replies, 99),
                        replies.length / seconds);
            }
        }
        if (throughput.containsKey("1")) {
            throughput.forEach((name, perSecond) -> {
                if (!name.equals("1")) {
                    System.out.printf("ratio %s/1 replies_per_s=%.2f%n", name, perSecond / throughput.get("1"));
                }
            });
        }
        System.exit(0);
    }

    private static void kill(SlackReplicas.Replica victim) {
        try {
            victim.kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static double millis(long[] sortedNanos, int percentile) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, index))] / 1e6;
    }
}
