package dev.studybot.qotd;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * When to edit an open question of the day with its live count: at most once per {@code interval} per post, however
 * many answers come (a burst is one edit), on a thread of its own so that answering never waits for a platform.
 * Well within the platforms' limits (Slack's chat.update about 50 a minute, Discord's 5 edits per 5 seconds per
 * channel) at the default of 5 seconds.
 */
final class LiveCount implements AutoCloseable {

    private final Duration interval;
    private final LongConsumer edit;
    private final LongSupplier nanoTime;
    private final ScheduledExecutorService edits = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "studybot-live-count");
        thread.setDaemon(true);
        return thread;
    });
    /** Posts with an edit on its way: a further answer needs none of its own, the edit reads the count when it runs. */
    private final Set<Long> due = ConcurrentHashMap.newKeySet();
    private final Map<Long, Long> lastEditNanos = new ConcurrentHashMap<>();

    /** @param edit shows the post's count now (and decides whether anything changed) */
    LiveCount(Duration interval, LongConsumer edit, LongSupplier nanoTime) {
        this.interval = interval;
        this.edit = edit;
        this.nanoTime = nanoTime;
    }

    /** Someone answered question of the day {@code postedId}. */
    void answered(long postedId) {
        if (due.add(postedId)) {
            edits.execute(() -> run(postedId));
        }
    }

    /** On the one edit thread, so the wait is read after the edit before it has finished. */
    private void run(long postedId) {
        Long last = lastEditNanos.get(postedId);
        long wait = last == null ? 0 : last + interval.toNanos() - nanoTime.getAsLong();
        if (wait > 0) {
            edits.schedule(() -> run(postedId), wait, TimeUnit.NANOSECONDS);
            return;
        }
        // Off the due list before the count is read: an answer from now on is in this edit or brings the next.
        due.remove(postedId);
        edit.accept(postedId);
        // Timed from the end of the edit, so that a slow platform gets fewer edits, never more.
        lastEditNanos.put(postedId, nanoTime.getAsLong());
    }

    /** The question is revealed: no more counts for it. */
    void forget(long postedId) {
        lastEditNanos.remove(postedId);
    }

    @Override
    public void close() {
        edits.shutdownNow();
    }
}
