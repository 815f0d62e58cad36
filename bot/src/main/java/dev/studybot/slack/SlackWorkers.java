package dev.studybot.slack;

import dev.studybot.ops.RateLimitedLog;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads that run the bot for Slack's requests, with load shedding: Slack wants its ack within three seconds and
 * an answer soon after, so a request that would wait too long for a worker is refused at once (the caller is told to
 * try again) rather than queued without end.
 */
final class SlackWorkers {

    private static final Logger LOG = LoggerFactory.getLogger(SlackWorkers.class);

    /**
     * How much work is let in: threads that run the bot, requests waiting for one, the longest wait a command may
     * expect (see {@link #MAX_WAIT}), and replies still on their way to Slack at most.
     */
    record Limits(int workers, int queue, Duration maxWait, int repliesUnderWay) {
        static final Limits DEFAULTS = new Limits(WORKERS, QUEUE, MAX_WAIT, REPLIES_UNDER_WAY);
    }

    /** Threads that run the bot for Slack's requests; replies then go out without holding one (see SlackReplies). */
    static final int WORKERS = 8;
    /** Requests waiting for a worker at most; beyond it a command is told to try again, never queued without end. */
    static final int QUEUE = 256;
    /**
     * Replies sent but not yet taken by Slack, at most, before a command is told to try again: the workers hand
     * replies off without waiting, so without this bound a bot that answers faster than its replies can be sent
     * piles them up without end and every reply comes later (with clients that did not wait for their replies,
     * reply p50 grew from 0.5 s to 2.4 s over 1,000 to 6,000 commands). A count, not an age, so a Slack slow to
     * answer does not turn commands away while its replies are few; at Slack's ~100 ms round trip, 128 under way
     * still lets over a thousand replies a second through.
     */
    static final int REPLIES_UNDER_WAY = 128;
    /**
     * The longest a command may expect to wait for a worker: when the queue would take longer to drain (its length
     * times the recent time a request takes, over the workers), or its oldest request has already waited this long,
     * a command is told to try again instead, so an accepted one is answered within about a second even when 256 fit
     * (the ack, the bot's own work and Slack's round trip take the rest of that second on a busy 2-core machine).
     * Until a first request has been timed, as many may wait as there are workers (a burst at start-up would otherwise
     * fill the queue with requests that all wait on the first, slow, ones).
     */
    static final Duration MAX_WAIT = Duration.ofMillis(250);

    private final ThreadPoolExecutor workers;
    private final long maxWaitNanos;
    private final int maxRepliesUnderWay;
    private final IntSupplier repliesUnderWay;
    private final LongSupplier nanoTime;
    /** The time a worker took for a request, averaged over about the last eight; -1 until the first one. */
    private final AtomicLong averageServiceNanos = new AtomicLong(-1);
    private final RateLimitedLog rareWarnings = new RateLimitedLog(LOG, Duration.ofMinutes(1));

    /**
     * @param repliesUnderWay how many replies are on their way to Slack now
     * @param nanoTime the clock queue waits are measured on (a test's own)
     */
    SlackWorkers(Limits limits, IntSupplier repliesUnderWay, LongSupplier nanoTime) {
        this.maxWaitNanos = limits.maxWait().toNanos();
        this.maxRepliesUnderWay = limits.repliesUnderWay();
        this.repliesUnderWay = repliesUnderWay;
        this.nanoTime = nanoTime;
        AtomicInteger threads = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(limits.workers(), limits.workers(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(limits.queue()), runnable -> {
                    Thread thread = new Thread(runnable, "slack-worker-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /**
     * Whether a worker will run {@code work}; false when the queue is full, its oldest request has waited too long, or
     * too many replies are still on their way to Slack (back-pressure, logged once a minute).
     */
    boolean accepted(Runnable work) {
        if (repliesUnderWay.getAsInt() >= maxRepliesUnderWay) {
            return busy();
        }
        long now = nanoTime.getAsLong();
        if (workers.getQueue().peek() instanceof Queued oldest && now - oldest.since() > maxWaitNanos) {
            return busy();
        }
        long average = averageServiceNanos.get();
        int waiting = workers.getQueue().size();
        if (average < 0 ? waiting >= workers.getMaximumPoolSize()
                : (double) waiting * average / workers.getMaximumPoolSize() > maxWaitNanos) {
            return busy();
        }
        try {
            workers.execute(new Queued(() -> timed(work), now));
            return true;
        } catch (RejectedExecutionException e) {
            return busy();
        }
    }

    private void timed(Runnable work) {
        long started = nanoTime.getAsLong();
        try {
            work.run();
        } finally {
            long took = nanoTime.getAsLong() - started;
            averageServiceNanos.accumulateAndGet(took, (average, sample) -> average < 0 ? sample
                    : average + (sample - average) / 8);
        }
    }

    private boolean busy() {
        rareWarnings.warn("busy", "Slack requests are coming faster than they are answered; told one to try again"
                + " (" + workers.getQueue().size() + " waiting)");
        return false;
    }

    /** Lets the requests accepted so far finish, for at most {@code grace}; then stops the rest. */
    void close(Duration grace) throws InterruptedException {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            throw e;
        }
    }

    /** Work for a worker, with when it was queued. */
    private record Queued(Runnable work, long since) implements Runnable {
        @Override
        public void run() {
            work.run();
        }
    }
}
