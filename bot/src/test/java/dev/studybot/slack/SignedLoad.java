package dev.studybot.slack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * A load client that spreads signed Slack requests over replicas as a load balancer does: round robin, and a request
 * whose replica refuses or drops the connection is sent to the next one (a replica seen failing gets no more), so a
 * replica killed under load costs no request. Each request is signed when it is sent.
 */
final class SignedLoad implements AutoCloseable {

    /** A request body and the response id its replies go to. */
    record Request(String responseId, String body) {
    }

    /** How a request ended: the replica (index) that acknowledged it, the status and body, when, and on which try. */
    record Outcome(Request request, int replica, int status, String body, long sentNanos, long ackNanos, int tries) {
        boolean busy() {
            return body.contains(SlackAdapter.BUSY);
        }
    }

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration PAUSE_WHEN_BUSY = Duration.ofSeconds(1);
    /** What members type, mixed: lookups in the project's sample notes, boards, stats, practice, help. */
    private static final List<String> COMMAND_TEXTS = List.of("search spot instance interruption notice",
            "search how long are messages kept in sqs", "search s3 storage class for rarely read data",
            "search lifecycle rules", "leaderboard", "leaderboard all here", "stats", "help", "quiz", "topics",
            "schedule");

    private final List<Integer> ports;
    private final Set<Integer> failing = ConcurrentHashMap.newKeySet();
    private final AtomicInteger next = new AtomicInteger();
    private final ExecutorService clients;
    private final ExecutorService httpThreads = Executors.newFixedThreadPool(2);
    private final HttpClient http = HttpClient.newBuilder().executor(httpThreads)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * {@code count} slash commands of {@link #COMMAND_TEXTS} from members {@code 0..members-1}, replying to response
     * ids {@code prefix} 0, 1, ...
     */
    static List<Request> commands(FakeSlack slack, Random random, String prefix, int count, int members) {
        List<Request> commands = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String member = member(random.nextInt(members));
            commands.add(new Request(prefix + i, SlackHttpModeTest.command(slack,
                    COMMAND_TEXTS.get(random.nextInt(COMMAND_TEXTS.size())), member, member.toLowerCase(), prefix + i)));
        }
        return commands;
    }

    static String member(int n) {
        return "U0M%06d".formatted(n);
    }

    SignedLoad(List<Integer> ports, int concurrency) {
        this.ports = List.copyOf(ports);
        this.clients = Executors.newFixedThreadPool(concurrency);
    }

    /**
     * Sends every request, {@code concurrency} at a time, and returns their outcomes in order; {@code afterEach} hears
     * how many have been acknowledged so far, after each one.
     */
    List<Outcome> send(List<Request> requests, IntConsumer afterEach) throws Exception {
        AtomicInteger done = new AtomicInteger();
        List<Future<Outcome>> sent = new ArrayList<>();
        for (Request request : requests) {
            sent.add(clients.submit(() -> {
                Outcome outcome = sendOne(request);
                afterEach.accept(done.incrementAndGet());
                if (outcome.busy()) {
                    // A member told to try again waits a moment: clients that came back at once would spend the
                    // replicas' CPU on being turned away.
                    TimeUnit.MILLISECONDS.sleep(PAUSE_WHEN_BUSY.toMillis());
                }
                return outcome;
            }));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<Outcome> each : sent) {
            outcomes.add(each.get());
        }
        return outcomes;
    }

    private Outcome sendOne(Request request) throws Exception {
        IOException last = null;
        for (int tries = 1; tries <= ports.size(); tries++) {
            int replica = pick();
            long timestamp = SlackHttpModeTest.now();
            HttpRequest signed = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.get(replica)
                            + SlackHttpServer.PATH)).timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header(SlackSignature.TIMESTAMP_HEADER, String.valueOf(timestamp))
                    .header(SlackSignature.SIGNATURE_HEADER, SlackHttpModeTest.sign(timestamp, request.body()))
                    .POST(HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8)).build();
            long sentAt = System.nanoTime();
            try {
                HttpResponse<String> ack = http.send(signed, HttpResponse.BodyHandlers.ofString());
                return new Outcome(request, replica, ack.statusCode(), ack.body(), sentAt, System.nanoTime(), tries);
            } catch (IOException e) {
                failing.add(replica);
                last = e;
            }
        }
        throw new IOException("every replica failed request " + request.responseId(), last);
    }

    private int pick() {
        for (int i = 0; i < ports.size(); i++) {
            int replica = Math.floorMod(next.getAndIncrement(), ports.size());
            if (!failing.contains(replica)) {
                return replica;
            }
        }
        throw new IllegalStateException("no replica left");
    }

    @Override
    public void close() {
        clients.shutdownNow();
        httpThreads.shutdownNow();
    }
}
