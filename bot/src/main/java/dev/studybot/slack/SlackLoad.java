package dev.studybot.slack;

import dev.studybot.chat.Caller;
import dev.studybot.chat.ChatHandler;
import dev.studybot.chat.Interaction;
import dev.studybot.domain.Member;
import dev.studybot.domain.Place;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Puts the real Slack adapter (HTTP mode) under load on loopback: signed slash commands from {@code concurrency}
 * clients at once, each sending its next command once the last is answered, or a second after it was told to try again
 * (as members do), replies to a {@link LoopbackSlack} that answers after a delay. Measures, per round, how long the
 * ack took (request sent to HTTP 200), how long the reply took (request sent to the reply reaching Slack),
 * and replies per second.
 */
public final class SlackLoad {

    private static final String BOT_TOKEN = "xoxb-0000000000-0000000000000-loadloadloadloadloadload";
    private static final String SIGNING_SECRET = "load-signing-secret-0123456789abcdef";
    private static final Duration REPLY_WAIT = Duration.ofSeconds(120);
    /**
     * How long a client told to try again waits before its next command, as a member would: clients that retried at
     * once spent the CPU on being turned away (at 50 clients, searches fell from about 100 answered a second to 40).
     */
    private static final Duration PAUSE_WHEN_BUSY = Duration.ofSeconds(1);
    /** Commands run through the bot before measuring: a process's first searches are slow (JIT, ONNX's first runs). */
    private static final int WARM_UP = 50;

    /** One round's figures; times in milliseconds. */
    public record Round(long delayMs, int concurrency, int requests, int busy, double ackP50, double ackP99,
                        double replyP50, double replyP99, double repliesPerSecond) {
    }

    private SlackLoad() {
    }

    /** Runs {@code requests} commands per concurrency and delay, each round on a fresh adapter. */
    public static List<Round> run(ChatHandler bot, String text, List<Long> delaysMs,
                                  List<Integer> concurrencies, int requests) throws Exception {
        List<Round> rounds = new ArrayList<>();
        Caller warmUp = new Caller(new Member(SlackAdapter.PLATFORM, "U0WARM001", "warm"),
                new Place(SlackAdapter.PLATFORM, "T0LOAD001", "load", "C0LOAD001", "load"), false);
        for (int i = 0; i < WARM_UP; i++) {
            bot.handle(new Interaction.Text(warmUp, text));
        }
        try (LoopbackSlack slack = new LoopbackSlack()) {
            for (long delay : delaysMs) {
                slack.delay(Duration.ofMillis(delay));
                for (int concurrency : concurrencies) {
                    rounds.add(round(slack, bot, text, "r" + rounds.size() + "-", delay, concurrency, requests));
                }
            }
        }
        return rounds;
    }

    /** @param prefix sets this round's response URLs apart from the others' */
    private static Round round(LoopbackSlack slack, ChatHandler bot, String text, String prefix,
                               long delay, int concurrency, int requests) throws Exception {
        SlackAdapter adapter = new SlackAdapter(new SlackSettings(BOT_TOKEN, null, SIGNING_SECRET, 0, "127.0.0.1",
                slack.apiUrl()));
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        // A fixed pool: the HTTP client's default one would start a thread for nearly every request.
        ExecutorService httpThreads = Executors.newFixedThreadPool(2);
        HttpClient http = HttpClient.newBuilder().executor(httpThreads).connectTimeout(Duration.ofSeconds(10)).build();
        SlackSignature signature = new SlackSignature(SIGNING_SECRET);
        long[] sentAt = new long[requests];
        long[] ackMicros = new long[requests];
        long[] replyAt = new long[requests];
        boolean[] busy = new boolean[requests];
        try {
            adapter.start(bot);
            List<Future<?>> sent = new ArrayList<>();
            long started = System.nanoTime();
            for (int i = 0; i < requests; i++) {
                int n = i;
                sent.add(clients.submit(() -> {
                    String body = command(text, slack.responseUrl(prefix + n), n);
                    String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
                    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adapter.port()
                                    + SlackHttpServer.PATH)).timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header(SlackSignature.TIMESTAMP_HEADER, timestamp)
                            .header(SlackSignature.SIGNATURE_HEADER, signature.sign(timestamp,
                                    body.getBytes(StandardCharsets.UTF_8)))
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    sentAt[n] = System.nanoTime();
                    HttpResponse<String> ack = http.send(request, HttpResponse.BodyHandlers.ofString());
                    ackMicros[n] = (System.nanoTime() - sentAt[n]) / 1000;
                    busy[n] = ack.body().contains(SlackAdapter.BUSY);
                    if (ack.statusCode() != 200) {
                        throw new IllegalStateException("HTTP " + ack.statusCode() + " for a signed command");
                    }
                    if (busy[n]) {
                        TimeUnit.MILLISECONDS.sleep(PAUSE_WHEN_BUSY.toMillis());
                    } else {
                        // As a member would: the next command once this one is answered.
                        replyAt[n] = slack.reply(prefix + n).get(REPLY_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                    }
                    return null;
                }));
            }
            for (Future<?> each : sent) {
                each.get();
            }
            long[] replyMicros = new long[requests];
            long last = started;
            int answered = 0;
            int refused = 0;
            for (int i = 0; i < requests; i++) {
                if (busy[i]) {
                    refused++;
                } else {
                    replyMicros[answered++] = (replyAt[i] - sentAt[i]) / 1000;
                    last = Math.max(last, replyAt[i]);
                }
            }
            long[] replies = Arrays.copyOf(replyMicros, answered);
            Arrays.sort(replies);
            Arrays.sort(ackMicros);
            double seconds = (last - started) / 1e9;
            return new Round(delay, concurrency, requests, refused, millis(ackMicros, 50), millis(ackMicros, 99),
                    millis(replies, 50), millis(replies, 99), answered / seconds);
        } finally {
            clients.shutdownNow();
            httpThreads.shutdownNow();
            adapter.close();
        }
    }

    private static double millis(long[] sortedMicros, int percent) {
        if (sortedMicros.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * sortedMicros.length) - 1;
        return sortedMicros[Math.max(0, index)] / 1000.0;
    }

    private static String command(String text, String responseUrl, int n) {
        return "token=load&team_id=T0LOAD001&team_domain=load&channel_id=C0LOAD001&channel_name=load"
                + "&user_id=U0LOAD00" + n % 10 + "&user_name=load" + n % 10 + "&command=%2Fstudy"
                + "&text=" + URLEncoder.encode(text, StandardCharsets.UTF_8)
                + "&response_url=" + URLEncoder.encode(responseUrl, StandardCharsets.UTF_8)
                + "&trigger_id=" + n + ".1.load&api_app_id=A0LOAD001";
    }
}
