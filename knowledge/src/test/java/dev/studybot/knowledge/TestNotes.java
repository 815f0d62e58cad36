package dev.studybot.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small helpers for tests that write their own notes folders. */
public final class TestNotes {

    private TestNotes() {
    }

    /** Writes {@code text} as UTF-8 to {@code folder/name}, creating parent folders. */
    public static Path write(Path folder, String name, String text) {
        return writeBytes(folder, name, text.getBytes(StandardCharsets.UTF_8));
    }

    public static Path writeBytes(Path folder, String name, byte[] bytes) {
        try {
            Path file = folder.resolve(name);
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 1-based number of the first line of {@code text} that contains {@code needle}. */
    public static int lineOf(String text, String needle) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError("No line contains \"" + needle + "\"");
    }

    /** A list nested {@code depth} bullets deep, each one level under the last: bullet d reads "level d word". */
    public static String nestedBullets(int depth) {
        StringBuilder text = new StringBuilder();
        for (int level = 0; level < depth; level++) {
            text.append("  ".repeat(level)).append("- level ").append(level).append(" word\n");
        }
        return text.toString();
    }
}
