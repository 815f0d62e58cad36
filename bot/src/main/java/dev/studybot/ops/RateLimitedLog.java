package dev.studybot.ops;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;

/**
 * Warns about each kind of event at most once per interval, with how many of that kind went unlogged since the
 * last line: what strangers can send at will (malformed or unsigned requests) must not be able to flood the log.
 */
public final class RateLimitedLog {

    private final Logger log;
    private final long intervalNanos;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    private static final class Window {
        private long nextLogAt;
        private boolean logged;
        private long suppressed;
    }

    public RateLimitedLog(Logger log, Duration interval) {
        this.log = log;
        this.intervalNanos = interval.toNanos();
    }

    /** @param kind one of a small, fixed set of kinds: each gets its own allowance */
    public void warn(String kind, String message) {
        Window window = windows.computeIfAbsent(kind, ignored -> new Window());
        long suppressed;
        synchronized (window) {
            long now = System.nanoTime();
            if (window.logged && now - window.nextLogAt < 0) {
                window.suppressed++;
                return;
            }
            suppressed = window.suppressed;
            window.suppressed = 0;
            window.logged = true;
            window.nextLogAt = now + intervalNanos;
        }
        log.atWarn().setMessage(message).addKeyValue("kind", kind).addKeyValue("not_logged_since_last", suppressed).log();
    }
}
