package dev.studybot.live;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybot.ops.CapturedLogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watcher alone: debouncing, hidden files, and carrying on after a failed reload. */
class NotesWatcherTest {

    @TempDir
    Path notes;

    @Test
    void aBurstOfChangesIsOneCallAndAFailingCallDoesNotStopTheWatching() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (CapturedLogs logs = CapturedLogs.studybot();
             NotesWatcher watcher = new NotesWatcher(notes, Duration.ofMillis(50), Duration.ofMillis(400), () -> {
                 if (calls.incrementAndGet() == 1) {
                     throw new IllegalStateException("boom");
                 }
             }).start()) {
            writeBurst(5, Duration.ofMillis(100));
            awaitCalls(calls, 1);
            // Twice the quiet period: a second call for the same burst would have come by then.
            Awaitility.await("five writes 100 ms apart are one burst").during(Duration.ofMillis(800))
                    .atMost(Duration.ofSeconds(2)).until(() -> calls.get() == 1);
            assertTrue(logs.text().contains("ERROR Reloading the notes failed; still watching"
                    + " java.lang.IllegalStateException: boom"), logs.text());

            Files.createDirectories(notes.resolve(".git"));
            Files.writeString(notes.resolve(".git/index"), "hidden");
            Awaitility.await("hidden files are ignored").during(Duration.ofMillis(800))
                    .atMost(Duration.ofSeconds(2)).until(() -> calls.get() == 1);

            Files.writeString(notes.resolve("after.md"), "# After\n");
            awaitCalls(calls, 2);
        }
    }

    /** Writes {@code files} notes {@code apart} from each other, and returns once the last is written. */
    private void writeBurst(int files, Duration apart) throws Exception {
        ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
        try {
            List<ScheduledFuture<?>> writes = new ArrayList<>();
            for (int i = 0; i < files; i++) {
                Path file = notes.resolve("burst" + i + ".md");
                String text = "# Burst " + i + "\n";
                writes.add(writer.schedule(() -> Files.writeString(file, text), apart.toMillis() * i, TimeUnit.MILLISECONDS));
            }
            for (ScheduledFuture<?> write : writes) {
                write.get();
            }
        } finally {
            writer.shutdownNow();
        }
    }

    private static void awaitCalls(AtomicInteger calls, int expected) {
        Awaitility.await("call " + expected).atMost(Duration.ofSeconds(10)).until(() -> calls.get() >= expected);
    }
}
