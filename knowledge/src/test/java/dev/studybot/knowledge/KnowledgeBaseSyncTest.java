package dev.studybot.knowledge;

import static dev.studybot.knowledge.TestNotes.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybot.knowledge.analysis.Synonyms;
import dev.studybot.knowledge.index.IndexProgress;
import dev.studybot.knowledge.index.RecordingProgress;
import dev.studybot.knowledge.index.SyncReport;
import dev.studybot.knowledge.search.SearchMode;
import dev.studybot.knowledge.search.SearchResponse;
import dev.studybot.knowledge.search.SearchResponse.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeBaseSyncTest {

    @TempDir
    Path notes;
    @TempDir
    Path data;

    private static final Synonyms SYNONYMS = Synonyms.parse("asg, auto scaling group", "test synonyms");

    @BeforeEach
    void writeNotes() {
        write(notes, "animals.md", "# Animals\n\nThe quokka lives on a small island off the coast.\n");
        write(notes, "plants.txt", "Plants\n\n• ferns grow well in deep shade\n• cacti store water in their stems\n");
        write(notes, "rocks/volcanic.md", "# Volcanic rocks\n\nBasalt forms when lava cools quickly.\n");
    }

    private KnowledgeBase open() {
        return KnowledgeBase.open(notes, data, SYNONYMS, IndexProgress.SILENT);
    }

    private static String topFile(KnowledgeBase kb, String query) {
        SearchResponse response = kb.search(query, 5);
        assertEquals(Status.FOUND, response.status(), () -> "for \"" + query + "\": " + response);
        return response.results().get(0).passage().file();
    }

    @Test
    void reopeningWithUnchangedNotesReindexesNothing() {
        try (KnowledgeBase kb = open()) {
            assertEquals(3, kb.lastSync().filesIndexed());
            assertEquals("animals.md", topFile(kb, "quokka island"));
        }
        try (KnowledgeBase kb = open()) {
            SyncReport report = kb.lastSync();
            assertEquals(0, report.filesIndexed());
            assertEquals(3, report.filesUnchanged());
            assertEquals(0, report.filesRemoved());
            assertEquals("animals.md", topFile(kb, "quokka island"));
            assertEquals("rocks/volcanic.md", topFile(kb, "basalt lava"));
        }
    }

    @Test
    void reopeningAfterAChangeReindexesOnlyThatFile() {
        try (KnowledgeBase kb = open()) {
            assertEquals("plants.txt", topFile(kb, "ferns shade"));
        }
        write(notes, "plants.txt", "Plants\n\n• mosses grow on damp north-facing walls\n");
        try (KnowledgeBase kb = open()) {
            assertEquals(1, kb.lastSync().filesIndexed());
            assertEquals(2, kb.lastSync().filesUnchanged());
            assertEquals("plants.txt", topFile(kb, "mosses damp walls"));
            // The old words are gone from the index (by meaning, mosses on damp walls are near enough to ferns in shade).
            assertEquals(Status.NO_MATCH, kb.search("ferns shade", 5, SearchMode.LEXICAL).status());
            assertTrue(kb.search("ferns shade", 5).results().stream().noneMatch(r -> r.passage().text().contains("ferns")));
        }
    }

    @Test
    void reopeningAfterADeletionDropsThatFile() throws IOException {
        try (KnowledgeBase kb = open()) {
            assertEquals("animals.md", topFile(kb, "quokka"));
        }
        Files.delete(notes.resolve("animals.md"));
        try (KnowledgeBase kb = open()) {
            assertEquals(1, kb.lastSync().filesRemoved());
            assertEquals(0, kb.lastSync().filesIndexed());
            SearchResponse response = kb.search("quokka", 5);
            assertEquals(Status.NO_MATCH, response.status());
            assertTrue(response.results().isEmpty());
        }
    }

    @Test
    void syncOnALiveInstancePicksUpChanges() throws IOException {
        try (KnowledgeBase kb = open()) {
            assertEquals("animals.md", topFile(kb, "quokka"));

            write(notes, "animals.md", "# Animals\n\nThe pangolin is covered in hard scales.\n");
            write(notes, "weather.txt", "Weather\n\n• cumulus clouds look like heaps of cotton\n");
            Files.delete(notes.resolve("rocks/volcanic.md"));
            RecordingProgress progress = new RecordingProgress();
            SyncReport report = kb.sync(progress);

            assertEquals(2, report.filesIndexed());
            assertEquals(1, report.filesUnchanged());
            assertEquals(1, report.filesRemoved());
            assertEquals(2, progress.files.size());
            assertEquals(report.embedded(), progress.passages.get(progress.passages.size() - 1)[0],
                    "embedding progress ends at the passages of the two changed files");
            assertEquals(report, kb.lastSync());
            assertEquals("animals.md", topFile(kb, "pangolin scales"));
            assertEquals("weather.txt", topFile(kb, "cumulus clouds"));
            assertEquals(Status.NO_MATCH, kb.search("quokka", 5).status());
            assertEquals(Status.NO_MATCH, kb.search("basalt lava", 5).status());

            SyncReport again = kb.sync(IndexProgress.SILENT);
            assertEquals(0, again.filesIndexed());
            assertEquals(0, again.embedded(), "nothing changed, nothing is embedded");
            assertEquals(3, again.filesUnchanged());
        }
    }

    @Test
    void missingNotesFolderIsAnIllegalArgument() {
        Path missing = notes.resolve("not-there");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KnowledgeBase.open(missing, data, SYNONYMS, IndexProgress.SILENT));
        assertTrue(e.getMessage().contains("not-there"), e.getMessage());
    }

    @Test
    void secondInstanceOnTheSameDataFolderIsRefusedClearly() {
        try (KnowledgeBase first = open()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, this::open);
            assertTrue(e.getMessage().contains(data.toString()), e.getMessage());
            assertEquals("animals.md", topFile(first, "quokka"), "the first instance keeps working");
        }
        try (KnowledgeBase again = open()) {
            assertEquals("animals.md", topFile(again, "quokka"));
        }
    }
}
