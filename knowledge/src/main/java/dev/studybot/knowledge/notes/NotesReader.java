package dev.studybot.knowledge.notes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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
        for (Path path : notesFiles(folder, warnings)) {
            String name = name(folder, path);
            try {
                readOne(name, path, warnings).ifPresent(sources::add);
            } catch (IOException e) {
                warnings.add(skipped(name, e));
            }
        }
        return new Result(sources, warnings);
    }

    /**
     * The notes files below {@code folder}, sorted. A file or folder that vanishes or cannot be listed while
     * the folder is walked (editors' temporary files, a git checkout under way) is skipped with a warning.
     */
    private static List<Path> notesFiles(Path folder, List<NotesWarning> warnings) {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    return dir.equals(folder) || !isHidden(folder.relativize(dir))
                            ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    // A link to a notes file counts, as it always has; links to folders are not followed.
                    boolean regular = attributes.isRegularFile() || attributes.isSymbolicLink() && Files.isRegularFile(file);
                    if (regular && !isHidden(folder.relativize(file)) && hasNotesExtension(file)) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    failed(file, e);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                    if (e != null) {
                        failed(dir, e);
                    }
                    return FileVisitResult.CONTINUE;
                }

                private void failed(Path path, IOException e) {
                    if (path.equals(folder)) {
                        throw new UncheckedIOException("Could not list the notes folder " + folder, e);
                    }
                    // Editors' temporary files come and go all the time: only notes are worth a warning.
                    boolean lostNotes = !(e instanceof NoSuchFileException) || hasNotesExtension(path);
                    if (!isHidden(folder.relativize(path)) && lostNotes) {
                        warnings.add(skipped(name(folder, path), e));
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the notes folder " + folder, e);
        }
        files.sort(null);
        return files;
    }

    private static String name(Path folder, Path path) {
        return folder.relativize(path).toString().replace('\\', '/');
    }

    /** A file gone by the time it is read is not "unreadable": its passages go, as for a deleted file. */
    private static NotesWarning skipped(String name, IOException e) {
        return new NotesWarning(name, (e instanceof NoSuchFileException ? "vanished while the folder was read"
                : UNREADABLE + " (" + e.getMessage() + ")") + "; skipped");
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
        NoteSource source = new NoteSource(name, text, sha256(bytes));
        if (OutlineParser.nestsTooDeep(source)) {
            warnings.add(new NotesWarning(name, "nests bullets more than " + OutlineParser.MAX_DEPTH
                    + " levels deep; the deeper ones are read as level " + OutlineParser.MAX_DEPTH));
        }
        return Optional.of(source);
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
