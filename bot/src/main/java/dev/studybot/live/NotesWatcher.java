package dev.studybot.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices when files in a notes folder (and its sub-folders, including ones made later) are added,
 * changed or removed, and then calls {@code onChange} once a burst of changes has settled.
 *
 * <p>It polls each file's size and modification time rather than using a {@code WatchService}: that
 * needs no registration of new sub-folders, and works on the mounted volumes (Docker on macOS and
 * Windows, network shares) where file events never arrive. Hidden files and folders (names starting
 * with {@code .}, e.g. editor swap files) are ignored, as the notes reader ignores them.
 */
public final class NotesWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NotesWatcher.class);

    public static final Duration DEFAULT_POLL = Duration.ofSeconds(1);
    public static final Duration DEFAULT_QUIET = Duration.ofMillis(500);

    private record Seen(long size, long modified) {
    }

    private final Path folder;
    private final Duration poll;
    private final Duration quiet;
    private final Runnable onChange;
    private final ScheduledExecutorService timer;
    private Map<Path, Seen> lastSeen;
    /** When the folder last looked different, in nanoTime; 0 when there is nothing to report. */
    private long changedAt;

    /**
     * @param poll     how often to look at the folder
     * @param quiet    how long the folder must stay unchanged before {@code onChange} runs (debounce)
     * @param onChange runs on the watcher's own thread; what it throws is logged
     */
    public NotesWatcher(Path folder, Duration poll, Duration quiet, Runnable onChange) {
        this.folder = Objects.requireNonNull(folder);
        this.poll = poll;
        this.quiet = quiet;
        this.onChange = Objects.requireNonNull(onChange);
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "notes-watcher");
            thread.setDaemon(true);
            return thread;
        });
    }

    public NotesWatcher(Path folder, Runnable onChange) {
        this(folder, DEFAULT_POLL, DEFAULT_QUIET, onChange);
    }

    /** Takes the folder as it is now as the starting point and begins watching; returns this. */
    public NotesWatcher start() {
        Map<Path, Seen> start = snapshotOrNull(); // here, not on the timer: changes right after start() count
        timer.execute(() -> lastSeen = start);
        timer.scheduleWithFixedDelay(this::check, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private void check() {
        try {
            Map<Path, Seen> now = snapshotOrNull();
            if (now == null) {
                return; // the folder is gone or unreadable for the moment; look again next time
            }
            if (!now.equals(lastSeen)) {
                lastSeen = now;
                changedAt = System.nanoTime();
                return;
            }
            if (changedAt != 0 && System.nanoTime() - changedAt >= quiet.toNanos()) {
                changedAt = 0;
                onChange.run();
            }
        } catch (RuntimeException | Error e) {
            // A reload that blows up must not stop the watching: say so and carry on.
            LOG.error("Reloading the notes failed; still watching", e);
        }
    }

    private Map<Path, Seen> snapshotOrNull() {
        try {
            return snapshot();
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
    }

    private Map<Path, Seen> snapshot() throws IOException {
        Map<Path, Seen> files = new HashMap<>();
        if (!Files.isDirectory(folder)) {
            return null;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.forEach(path -> {
                Path relative = folder.relativize(path);
                if (hidden(relative)) {
                    return;
                }
                try {
                    BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
                    if (attributes.isRegularFile()) {
                        files.put(relative, new Seen(attributes.size(),
                                attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS)));
                    }
                } catch (NoSuchFileException e) {
                    // removed while we looked: the next look sees it gone
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return files;
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Stops watching; a reload under way finishes first (waits up to a few seconds). The thread is not
     * interrupted: an interrupt in the middle of index I/O would close the index's files.
     */
    @Override
    public void close() {
        timer.shutdown();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
