package dev.studybot.knowledge.notes;

import static dev.studybot.knowledge.TestNotes.nestedBullets;
import static dev.studybot.knowledge.TestNotes.write;
import static dev.studybot.knowledge.TestNotes.writeBytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotesReaderTest {

    @TempDir
    Path notes;

    private NotesReader.Result read() {
        return new NotesReader().read(notes);
    }

    private static List<String> files(NotesReader.Result result) {
        return result.sources().stream().map(NoteSource::file).toList();
    }

    private static Optional<NoteSource> source(NotesReader.Result result, String file) {
        return result.sources().stream().filter(s -> s.file().equals(file)).findFirst();
    }

    private static List<NotesWarning> warningsFor(NotesReader.Result result, String file) {
        return result.warnings().stream().filter(w -> w.file().equals(file)).toList();
    }

    private static void assertOneWarning(NotesReader.Result result, String file) {
        List<NotesWarning> warnings = warningsFor(result, file);
        assertEquals(1, warnings.size(), () -> "warnings: " + result.warnings());
        assertFalse(warnings.get(0).message().isBlank());
        assertTrue(warnings.get(0).toString().contains(file));
    }

    @Test
    void walksSubfoldersForNotesFilesOnly() throws IOException {
        write(notes, "a.md", "alpha\n");
        write(notes, "sub/b.markdown", "bravo\n");
        write(notes, "sub/deeper/c.txt", "charlie\n");
        write(notes, "UPPER.TXT", "upper case extension\n");
        write(notes, "manual.pdf", "not notes\n");
        write(notes, "page.html", "<p>not notes</p>\n");
        write(notes, "script.py", "print('not notes')\n");
        write(notes, ".obsidian/workspace.md", "hidden folder\n");
        write(notes, "sub/.cache/old.txt", "hidden folder deeper down\n");
        write(notes, ".draft.md", "hidden file\n");
        Files.createDirectories(notes.resolve("folder.md"));
        write(notes, "folder.md/inside.txt", "a folder whose name looks like notes\n");

        NotesReader.Result result = read();

        assertEquals(List.of("UPPER.TXT", "a.md", "folder.md/inside.txt", "sub/b.markdown", "sub/deeper/c.txt"),
                files(result));
        assertEquals(List.of(), result.warnings());
        assertEquals("charlie\n", source(result, "sub/deeper/c.txt").orElseThrow().text());
    }

    @Test
    void emptyFilesAreSkippedWithAWarning() {
        writeBytes(notes, "empty.md", new byte[0]);
        write(notes, "blank.txt", "  \n\n\t\n");
        write(notes, "good.md", "# Fine\n\nreal notes\n");

        NotesReader.Result result = read();

        assertEquals(List.of("good.md"), files(result));
        assertOneWarning(result, "empty.md");
        assertOneWarning(result, "blank.txt");
    }

    @Test
    void binaryFilesAreSkippedWithAWarning() {
        writeBytes(notes, "image.md", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        write(notes, "good.md", "real notes\n");

        NotesReader.Result result = read();

        assertEquals(List.of("good.md"), files(result));
        assertOneWarning(result, "image.md");
    }

    @Test
    void invalidUtf8IsDecodedLenientlyWithAWarning() {
        byte[] latin1 = "café au lait\nsecond line\n".getBytes(StandardCharsets.ISO_8859_1);
        writeBytes(notes, "latin.txt", latin1);

        NotesReader.Result result = read();

        NoteSource source = source(result, "latin.txt").orElseThrow();
        assertEquals("caf\uFFFD au lait\nsecond line\n", source.text());
        assertOneWarning(result, "latin.txt");
    }

    @Test
    void utf8ByteOrderMarkIsStripped() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "# Heading\n\ntext\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = Arrays.copyOf(bom, bom.length + body.length);
        System.arraycopy(body, 0, bytes, bom.length, body.length);
        writeBytes(notes, "bom.md", bytes);

        NotesReader.Result result = read();

        assertEquals("# Heading\n\ntext\n", source(result, "bom.md").orElseThrow().text());
        assertEquals(List.of(), result.warnings());
        List<Passage> passages = NoteParser.parse(source(result, "bom.md").orElseThrow());
        assertEquals(List.of("Heading"), passages.get(0).headingPath(), "a BOM must not hide the first heading");
    }

    @Test
    void lineEndingsAreNormalised() {
        write(notes, "windows.md", "first\r\nsecond\r\n\r\nthird\r\n");
        write(notes, "old-mac.txt", "one\rtwo\r");

        NotesReader.Result result = read();

        assertEquals("first\nsecond\n\nthird\n", source(result, "windows.md").orElseThrow().text());
        assertEquals("one\ntwo\n", source(result, "old-mac.txt").orElseThrow().text());
    }

    @Test
    void fileOverTheSizeCapIsTruncatedWithAWarning() throws IOException {
        byte[] line = "filler words for a very large notes export\n".getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream big = new ByteArrayOutputStream(NotesReader.MAX_FILE_BYTES + 2 * line.length);
        while (big.size() <= NotesReader.MAX_FILE_BYTES + line.length) {
            big.write(line);
        }
        writeBytes(notes, "huge.txt", big.toByteArray());
        write(notes, "small.md", "small notes\n");

        NotesReader.Result result = read();

        NoteSource huge = source(result, "huge.txt").orElseThrow();
        assertEquals(NotesReader.MAX_FILE_BYTES, huge.text().length());
        assertTrue(huge.text().startsWith("filler words"));
        assertOneWarning(result, "huge.txt");
        assertEquals("small notes\n", source(result, "small.md").orElseThrow().text());
    }

    @Test
    void cutThroughAMultiByteCharacterAtTheCapIsNotReportedAsBadUtf8() {
        byte[] bytes = new byte[NotesReader.MAX_FILE_BYTES + 10];
        Arrays.fill(bytes, (byte) 'a');
        byte[] e = "é".getBytes(StandardCharsets.UTF_8); // two bytes, straddling the cap
        bytes[NotesReader.MAX_FILE_BYTES - 1] = e[0];
        bytes[NotesReader.MAX_FILE_BYTES] = e[1];
        writeBytes(notes, "cut.txt", bytes);

        NotesReader.Result result = read();

        assertTrue(source(result, "cut.txt").isPresent());
        assertOneWarning(result, "cut.txt"); // the size warning only
    }

    @Test
    void missingFolderIsAnIllegalArgument() {
        Path missing = notes.resolve("no-such-folder");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NotesReader().read(missing));
        assertTrue(e.getMessage().contains("no-such-folder"), e.getMessage());
        Path file = write(notes, "a-file.md", "text\n");
        assertThrows(IllegalArgumentException.class, () -> new NotesReader().read(file));
    }

    @Test
    void oneBadFileNeverStopsTheOthers() {
        write(notes, "1-good.md", "first good file\n");
        writeBytes(notes, "2-binary.md", new byte[] {'x', 0, 'y', 0});
        writeBytes(notes, "3-empty.txt", new byte[0]);
        writeBytes(notes, "4-latin.txt", "na\u00efve\n".getBytes(StandardCharsets.ISO_8859_1));
        write(notes, "5-good.txt", "second good file\n");
        write(notes, "sub/6-good.md", "third good file\n");

        NotesReader.Result result = read();

        assertEquals(List.of("1-good.md", "4-latin.txt", "5-good.txt", "sub/6-good.md"), files(result));
        assertEquals(3, result.warnings().size(), () -> "warnings: " + result.warnings());
    }

    @Test
    void nestingDeeperThanTheCapIsReadWithAWarning() {
        write(notes, "deep.md", nestedBullets(OutlineParser.MAX_DEPTH + 1));
        write(notes, "just-deep-enough.md", nestedBullets(OutlineParser.MAX_DEPTH));

        NotesReader.Result result = read();

        assertEquals(List.of("deep.md", "just-deep-enough.md"), files(result));
        assertOneWarning(result, "deep.md");
        assertTrue(warningsFor(result, "deep.md").get(0).message().contains(OutlineParser.MAX_DEPTH + " levels"),
                result.warnings().toString());
    }

    @Test
    void filesVanishingWhileTheFolderIsWalkedAreSkippedAndTheRestIsRead() throws Exception {
        write(notes, "kept.md", "kept notes\n");
        Path drafts = Files.createDirectories(notes.resolve("drafts"));
        List<Path> churned = IntStream.range(0, 300).mapToObj(i -> drafts.resolve("draft-" + i + ".md")).toList();
        AtomicBoolean stop = new AtomicBoolean();
        // An editor or a git checkout: files deleted and made again while the folder is read.
        Thread churn = new Thread(() -> {
            while (!stop.get()) {
                for (Path draft : churned) {
                    try {
                        if (!Files.deleteIfExists(draft)) {
                            // Written whole, then moved in, as editors save: never seen half-written (empty).
                            Path hidden = drafts.resolve("." + draft.getFileName());
                            Files.writeString(hidden, "draft\n");
                            Files.move(hidden, draft, StandardCopyOption.ATOMIC_MOVE);
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        });
        churn.start();
        try {
            int vanished = 0;
            for (int round = 0; round < 200 && vanished < 20; round++) {
                NotesReader.Result result = read();
                assertTrue(files(result).contains("kept.md"), files(result).toString());
                for (NotesWarning warning : result.warnings()) {
                    assertTrue(warning.file().startsWith("drafts/draft-"), warning.toString());
                    assertTrue(warning.message().equals("vanished while the folder was read; skipped"), warning.toString());
                    vanished++;
                }
            }
            assertTrue(vanished > 0, "no file vanished mid-read: the test did not race");
        } finally {
            stop.set(true);
            churn.join();
        }
    }

    @Test
    void hashTellsChangedContentApart() {
        write(notes, "a.md", "same text\n");
        write(notes, "b.md", "same text\n");
        write(notes, "c.md", "other text\n");

        NotesReader.Result result = read();

        String a = source(result, "a.md").orElseThrow().sha256();
        assertEquals(a, source(result, "b.md").orElseThrow().sha256());
        assertNotEquals(a, source(result, "c.md").orElseThrow().sha256());
        assertEquals(64, a.length());
    }

    @Test
    void fromTextNormalisesLikeAFile() {
        NoteSource source = NotesReader.fromText("x.md", "a\r\nb\r\n");
        assertEquals("a\nb\n", source.text());
        assertTrue(source.isMarkdown());
        assertFalse(NotesReader.fromText("x.txt", "a").isMarkdown());
        assertEquals(NotesReader.fromText("y.md", "a\nb\n").sha256(), NotesReader.fromText("z.md", "a\nb\n").sha256());
    }
}
