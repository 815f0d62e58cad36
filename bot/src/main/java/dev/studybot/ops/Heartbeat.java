package dev.studybot.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A file in the data folder that a running bot touches every few seconds, so a health check in
 * another process (Docker's HEALTHCHECK) can tell a live bot from a hung or dead one, and from a live one that
 * knows it is broken (its database file deleted under it): then the beat carries the problem.
 */
public final class Heartbeat implements AutoCloseable {

    public static final String FILE = "heartbeat";
    static final Duration EVERY = Duration.ofSeconds(15);
    /** Older than this, the bot is taken for dead: a few beats missed, not one slow disk write. */
    public static final Duration STALE_AFTER = Duration.ofSeconds(60);

    private final ScheduledExecutorService timer;

    private Heartbeat(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** @param problem why the bot cannot do its work, or null when it can; asked at every beat */
    public static Heartbeat start(Path dataFolder, Clock clock, Supplier<String> problem) {
        Path file = dataFolder.resolve(FILE);
        Runnable beat = () -> beat(file, clock, problem.get());
        beat.run();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "studybot-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(beat, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return new Heartbeat(timer);
    }

    private static void beat(Path file, Clock clock, String problem) {
        try {
            Files.createDirectories(file.getParent());
            Path next = file.resolveSibling(FILE + ".tmp");
            Files.writeString(next, clock.instant() + (problem == null ? "" : " " + problem));
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the heartbeat file " + file, e);
        }
    }

    /** Why the bot whose data folder this is does not look alive, or null when it does. */
    public static String problem(Path dataFolder, Clock clock) {
        Path file = dataFolder.resolve(FILE);
        try {
            String[] beat = Files.readString(file).strip().split(" ", 2);
            Duration age = Duration.between(Instant.parse(beat[0]), clock.instant());
            if (age.compareTo(STALE_AFTER) > 0) {
                return "the last heartbeat is " + age.toSeconds() + " s old";
            }
            return beat.length > 1 ? beat[1] : null;
        } catch (IOException | RuntimeException e) {
            return "no heartbeat in " + file + " (is the bot running with this data folder?)";
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
