package dev.studybot.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** What the benchmark commands share: percentiles of timings, copies of the notes, and cleaning up their scratch folder. */
final class BenchSupport {

    private BenchSupport() {
    }

    /** The value below which {@code percent}% of the (sorted) samples fall. */
    static long percentile(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** Copies the notes {@code times} times into distinct sub-folders, so every copy is its own file. */
    static Path replicate(Path source, Path target, int times) throws IOException {
        if (!Files.isDirectory(source)) {
            throw new IllegalArgumentException("The notes folder " + source + " does not exist or is not a folder.");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(source)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (int copy = 1; copy <= times; copy++) {
            Path folder = target.resolve(String.format(Locale.ROOT, "copy-%04d", copy));
            for (Path file : files) {
                Path destination = folder.resolve(source.relativize(file).toString());
                Files.createDirectories(destination.getParent());
                Files.copy(file, destination);
            }
        }
        return target;
    }

    /** The heap in use after a collection, in MB. */
    static long usedHeapMb() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
    }

    /** The most memory the process has held so far (Linux VmHWM), in MB; -1 where /proc does not say. */
    static long peakRssMb() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return -1;
        }
        return Files.readAllLines(status).stream().filter(line -> line.startsWith("VmHWM:"))
                .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024).findFirst().orElse(-1L);
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
