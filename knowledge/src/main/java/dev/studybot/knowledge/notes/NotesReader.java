package dev.studybot.knowledge.notes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads every notes file under a folder, leniently: a file that cannot be read well is skipped or
 * decoded as best it can be, with a warning, and never stops the rest of the folder from loading.
 */
public final class NotesReader {

    /** Larger files are read only up to here: notes this big are almost always an export or a log. */
    public static final int MAX_FILE_BYTES = 4 * 1024 * 1024;

    /** How the warning for a file that exists but could not be read begins. */
    public static final String UNREADABLE = "could not be read";

    private static final List<String> EXTENSIONS = List.of(".md", ".markdown", ".txt");
    private static final int BINARY_SNIFF_BYTES = 8192;

    /** What was read, in a stable (sorted) order, and what a person should hear about. */
    public record Result(List<NoteSource> sources, List<NotesWarning> warnings) {
    }

    public Result read(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("The notes folder " + folder + " does not exist or is not a folder.");
        }
        List<NoteSource> sources = new ArrayList<>();
        List<NotesWarning> warnings = new ArrayList<>();
        for (Path path : notesFiles(folder)) {
            String name = folder.relativize(path).toString().replace('\\', '/');
            try {
                readOne(name, path, warnings).ifPresent(sources::add);
            } catch (IOException | UncheckedIOException e) {
                warnings.add(new NotesWarning(name, UNREADABLE + " (" + e.getMessage() + "); skipped"));
            }
        }
        return new Result(sources, warnings);
    }

    private static List<Path> notesFiles(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .filter(path -> !isHidden(folder.relativize(path)))
                    .filter(NotesReader::hasNotesExtension)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the notes folder " + folder, e);
        }
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasNotesExtension(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    private static Optional<NoteSource> readOne(String name, Path path, List<NotesWarning> warnings)
            throws IOException {
        long size = Files.size(path);
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes(MAX_FILE_BYTES);
        }
        if (size > MAX_FILE_BYTES) {
            warnings.add(new NotesWarning(name, "is " + size / (1024 * 1024) + " MiB; only the first "
                    + MAX_FILE_BYTES / (1024 * 1024) + " MiB are read"));
        }
        if (looksBinary(bytes)) {
            warnings.add(new NotesWarning(name, "looks like a binary file, not notes; skipped"));
            return Optional.empty();
        }
        String text = normaliseLineEndings(decode(name, bytes, size > MAX_FILE_BYTES, warnings));
        if (text.isBlank()) {
            warnings.add(new NotesWarning(name, "is empty; skipped"));
            return Optional.empty();
        }
        return Optional.of(new NoteSource(name, text, sha256(bytes)));
    }

    private static boolean looksBinary(byte[] bytes) {
        if (startsWithUtf16Bom(bytes)) {
            return false;
        }
        int end = Math.min(bytes.length, BINARY_SNIFF_BYTES);
        for (int i = 0; i < end; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWithUtf16Bom(byte[] bytes) {
        return bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE));
    }

    private static String decode(String name, byte[] bytes, boolean truncated, List<NotesWarning> warnings) {
        if (startsWithUtf16Bom(bytes)) {
            return new String(bytes, StandardCharsets.UTF_16);
        }
        int start = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF
                ? 3 : 0;
        ByteBuffer buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return strictUtf8().decode(buffer).toString();
        } catch (CharacterCodingException e) {
            String lenient = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
            // A cut at the size cap may split one multi-byte character; that alone is not worth a warning.
            long replaced = lenient.chars().filter(c -> c == '\uFFFD').count();
            if (!(truncated && replaced <= 1)) {
                warnings.add(new NotesWarning(name, "is not valid UTF-8; " + replaced
                        + " unreadable byte sequence(s) were replaced with \uFFFD"));
            }
            return lenient;
        }
    }

    private static CharsetDecoder strictUtf8() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static String normaliseLineEndings(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** For callers that hold text rather than a file (tests, tools): the same source a file would give. */
    public static NoteSource fromText(String file, String text) {
        return new NoteSource(file, normaliseLineEndings(text), sha256(text.getBytes(StandardCharsets.UTF_8)));
    }
}
