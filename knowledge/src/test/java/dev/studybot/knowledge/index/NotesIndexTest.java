package dev.studybot.knowledge.index;

import static dev.studybot.knowledge.TestNotes.write;
import static dev.studybot.knowledge.TestNotes.writeBytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybot.knowledge.TestEmbedder;
import dev.studybot.knowledge.embed.BundledModel;
import dev.studybot.knowledge.embed.OnnxEmbedder;
import dev.studybot.knowledge.embed.TextEmbedder;
import dev.studybot.knowledge.notes.Passage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotesIndexTest {

    @TempDir
    Path notes;
    @TempDir
    Path indexFolder;

    @BeforeEach
    void writeNotes() {
        write(notes, "animals.md", "# Animals\n\nThe quokka lives on a small island.\n\n## Sea\n\nThe narwhal has a long tusk.\n");
        write(notes, "plants.txt", "Plants\n\n• ferns grow in shade\n• cacti store water\n");
        write(notes, "sub/rocks.md", "# Rocks\n\nBasalt forms from cooled lava.\n");
    }

    private SyncReport sync() {
        try (NotesIndex index = NotesIndex.open(indexFolder, TestEmbedder.get())) {
            return index.sync(notes, IndexProgress.SILENT);
        }
    }

    /** The passages of {@code file} now in the index. */
    private List<Passage> passagesOf(String file) throws IOException {
        try (NotesIndex index = NotesIndex.open(indexFolder, TestEmbedder.get()); DirectoryReader reader = index.openReader()) {
            IndexSearcher searcher = new IndexSearcher(reader);
            List<Passage> passages = new ArrayList<>();
            for (ScoreDoc doc : searcher.search(new TermQuery(new Term(PassageFields.FILE, file)), 1000).scoreDocs) {
                passages.add(PassageFields.fromDocument(searcher.storedFields().document(doc.doc)));
            }
            return passages;
        }
    }

    private static boolean anyContains(List<Passage> passages, String text) {
        return passages.stream().anyMatch(p -> p.text().contains(text));
    }

    @Test
    void firstSyncIndexesEveryFile() throws IOException {
        SyncReport first = sync();
        assertEquals(3, first.filesIndexed());
        assertEquals(0, first.filesUnchanged());
        assertEquals(0, first.filesRemoved());
        assertEquals(4, first.passages());
        assertEquals(List.of(), first.warnings());
        List<Passage> animals = passagesOf("animals.md");
        assertEquals(2, animals.size());
        assertTrue(anyContains(animals, "quokka"));
        assertTrue(passagesOf("sub/rocks.md").get(0).headingPath().contains("Rocks"));
    }

    @Test
    void storedPassagesComeBackAsTheyWereParsed() throws IOException {
        sync();
        Passage narwhal = passagesOf("animals.md").stream().filter(p -> p.text().contains("narwhal")).findFirst()
                .orElseThrow();
        assertEquals(List.of("Animals", "Sea"), narwhal.headingPath());
        assertEquals(7, narwhal.line());
        assertEquals("The narwhal has a long tusk.", narwhal.text());
    }

    @Test
    void unchangedNotesAreNotReindexed() {
        SyncReport first = sync();
        SyncReport second = sync();
        assertEquals(0, second.filesIndexed());
        assertEquals(3, second.filesUnchanged());
        assertEquals(0, second.filesRemoved());
        assertEquals(first.passages(), second.passages());
    }

    @Test
    void onlyTheChangedFileIsReindexed() throws IOException {
        sync();
        write(notes, "animals.md", "# Animals\n\nThe wombat digs burrows.\n");
        RecordingProgress progress = new RecordingProgress();
        SyncReport report;
        try (NotesIndex index = NotesIndex.open(indexFolder, TestEmbedder.get())) {
            report = index.sync(notes, progress);
        }
        assertEquals(1, report.filesIndexed());
        assertEquals(2, report.filesUnchanged());
        assertEquals(0, report.filesRemoved());
        assertEquals(3, report.passages());
        assertEquals(1, progress.files.size());
        assertEquals(1, progress.files.get(0)[0]);
        assertEquals(1, progress.files.get(0)[1]);
        assertEquals(1, report.embedded(), "only the changed file's one passage is embedded again");
        List<Passage> animals = passagesOf("animals.md");
        assertEquals(1, animals.size(), "the old passages of a changed file are gone");
        assertTrue(anyContains(animals, "wombat"));
    }

    @Test
    void vectorsAreStoredWithThePassagesAndReusedOnTheNextSync() throws IOException {
        SyncReport first = sync();
        assertEquals(first.passages(), first.embedded(), "a new index embeds every passage");
        SyncReport second = sync();
        assertEquals(0, second.embedded(), "nothing changed: nothing is embedded again");
        try (NotesIndex index = NotesIndex.open(indexFolder, TestEmbedder.get()); DirectoryReader reader = index.openReader()) {
            assertEquals(first.passages(), reader.leaves().stream()
                    .mapToInt(leaf -> vectorCount(leaf.reader())).sum(), "every passage has its vector");
        }
    }

    private static int vectorCount(org.apache.lucene.index.LeafReader leaf) {
        try {
            var vectors = leaf.getFloatVectorValues(PassageFields.VECTOR);
            return vectors == null ? 0 : vectors.size();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void anotherModelReEmbedsEverythingOnce() {
        SyncReport withDefault = sync();
        TextEmbedder other = OnnxEmbedder.of(BundledModel.ALL_MINILM_L6_V2_Q);
        SyncReport switched;
        SyncReport again;
        try (NotesIndex index = NotesIndex.open(indexFolder, other)) {
            switched = index.sync(notes, IndexProgress.SILENT);
            again = index.sync(notes, IndexProgress.SILENT);
        }
        assertEquals(withDefault.passages(), switched.embedded(), "the new model's vectors replace all the old ones");
        assertEquals(withDefault.passages(), switched.passages());
        assertEquals(0, again.embedded(), "once");
        assertEquals(withDefault.passages(), sync().embedded(), "and back again");
    }

    @Test
    void deletedFileLosesItsPassages() throws IOException {
        sync();
        Files.delete(notes.resolve("animals.md"));
        SyncReport report = sync();
        assertEquals(0, report.filesIndexed());
        assertEquals(2, report.filesUnchanged());
        assertEquals(1, report.filesRemoved());
        assertEquals(2, report.passages());
        assertEquals(List.of(), passagesOf("animals.md"));
        assertEquals(0, sync().filesRemoved(), "removed once, not again");
    }

    @Test
    void renamedFileIsRemovedAndIndexedUnderItsNewName() throws IOException {
        sync();
        Files.move(notes.resolve("sub/rocks.md"), notes.resolve("sub/stones.md"));
        SyncReport report = sync();
        assertEquals(1, report.filesIndexed());
        assertEquals(1, report.filesRemoved());
        assertEquals(List.of(), passagesOf("sub/rocks.md"));
        assertTrue(anyContains(passagesOf("sub/stones.md"), "Basalt"));
    }

    @Test
    void fileThatTurnsUnreadableIsDroppedWithAWarning() throws IOException {
        sync();
        writeBytes(notes, "plants.txt", new byte[] {'f', 0, 'e', 0, 'r', 0, 'n', 0});
        SyncReport report = sync();
        assertEquals(1, report.filesRemoved());
        assertEquals(1, report.warnings().size());
        assertEquals("plants.txt", report.warnings().get(0).file());
        assertEquals(List.of(), passagesOf("plants.txt"));
    }

    @Test
    void newFileIsAdded() throws IOException {
        sync();
        write(notes, "sub/deeper/weather.txt", "Weather\n\n• cumulus clouds look like cotton\n");
        SyncReport report = sync();
        assertEquals(1, report.filesIndexed());
        assertEquals(3, report.filesUnchanged());
        assertTrue(anyContains(passagesOf("sub/deeper/weather.txt"), "cumulus"));
    }
}
