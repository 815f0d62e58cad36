package dev.studybot.knowledge.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.studybot.knowledge.notes.NoteParser;
import dev.studybot.knowledge.notes.NoteSource;
import dev.studybot.knowledge.notes.NotesReader;
import dev.studybot.knowledge.notes.NotesWarning;
import dev.studybot.knowledge.notes.Passage;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The Lucene index of a notes folder, on disk. {@link #sync} re-reads the folder and rebuilds only the
 * files whose content changed, remembering each file's hash in the commit.
 */
public final class NotesIndex implements Closeable {

    /**
     * Bumped whenever parsing or index-time analysis changes what a file turns into, so an index
     * written by an older studybot is rebuilt instead of being half old, half new.
     */
    static final String FORMAT = "1";

    private static final String FORMAT_KEY = "studybot.format";
    private static final String FILES_KEY = "studybot.files";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Directory directory;
    private final IndexWriter writer;

    private NotesIndex(Directory directory) throws IOException {
        this.directory = directory;
        IndexWriterConfig config = new IndexWriterConfig(PassageFields.analyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(64);
        this.writer = new IndexWriter(directory, config);
    }

    /** Opens (creating if needed) the index in {@code folder}. Only one process may have it open. */
    public static NotesIndex open(Path folder) {
        try {
            return new NotesIndex(FSDirectory.open(folder));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open the search index in " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Brings the index up to date with the notes folder. */
    public SyncReport sync(Path notesFolder, IndexProgress progress) {
        NotesReader.Result read = new NotesReader().read(notesFolder);
        List<NoteSource> notes = read.sources().stream().filter(source -> !source.isQuestionBank()).toList();
        try {
            return apply(notes, read.warnings(), progress);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not update the search index: " + e.getMessage(), e);
        }
    }

    private SyncReport apply(List<NoteSource> sources, List<NotesWarning> warnings, IndexProgress progress)
            throws IOException {
        Map<String, String> indexed = indexedFiles();
        Map<String, String> current = new TreeMap<>();
        List<NoteSource> changed = new ArrayList<>();
        for (NoteSource source : sources) {
            current.put(source.file(), source.sha256());
            if (!source.sha256().equals(indexed.get(source.file()))) {
                changed.add(source);
            }
        }
        int removed = 0;
        List<NotesWarning> allWarnings = new ArrayList<>();
        for (NotesWarning warning : warnings) {
            boolean kept = indexed.containsKey(warning.file()) && !current.containsKey(warning.file())
                    && warning.message().startsWith(NotesReader.UNREADABLE);
            allWarnings.add(kept ? new NotesWarning(warning.file(), warning.message().replaceFirst("; skipped$", "")
                    + "; its previous version stays searchable") : warning);
        }
        for (String file : indexed.keySet()) {
            if (current.containsKey(file)) {
                continue;
            }
            if (unreadable(file, warnings)) {
                // Still there but unreadable right now (locked, half-written): keep what was indexed.
                current.put(file, indexed.get(file));
                continue;
            }
            writer.deleteDocuments(new Term(PassageFields.FILE, file));
            removed++;
        }
        int done = 0;
        for (NoteSource source : changed) {
            List<Document> docs = new ArrayList<>();
            try {
                for (Passage passage : NoteParser.parse(source)) {
                    docs.add(PassageFields.toDocument(passage));
                }
            } catch (RuntimeException e) {
                // One file the parser chokes on must not take the rest of the notes down with it; if an
                // earlier version of it was indexed, that version stays searchable.
                String previous = indexed.get(source.file());
                allWarnings.add(new NotesWarning(source.file(), "could not be parsed (" + e + "); "
                        + (previous == null ? "skipped" : "its previous version stays searchable")));
                if (previous == null) {
                    current.remove(source.file());
                } else {
                    current.put(source.file(), previous);
                }
                progress.filesIndexed(++done, changed.size());
                continue;
            }
            writer.deleteDocuments(new Term(PassageFields.FILE, source.file()));
            writer.addDocuments(docs);
            progress.filesIndexed(++done, changed.size());
        }
        Map<String, String> commitData = new HashMap<>();
        commitData.put(FORMAT_KEY, FORMAT);
        commitData.put(FILES_KEY, JSON.writeValueAsString(current));
        writer.setLiveCommitData(commitData.entrySet());
        writer.commit();
        return new SyncReport(changed.size(), sources.size() - changed.size(), removed, writer.getDocStats().numDocs,
                allWarnings);
    }

    private static boolean unreadable(String file, List<NotesWarning> warnings) {
        return warnings.stream().anyMatch(w -> w.file().equals(file) && w.message().startsWith(NotesReader.UNREADABLE));
    }

    /** The files (and their hashes) in the last commit; none when it was written by another format. */
    private Map<String, String> indexedFiles() throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return Map.of();
        }
        Map<String, String> data = new HashMap<>();
        for (Map.Entry<String, String> entry : writer.getLiveCommitData()) {
            data.put(entry.getKey(), entry.getValue());
        }
        if (!FORMAT.equals(data.get(FORMAT_KEY)) || data.get(FILES_KEY) == null) {
            writer.deleteAll();
            return Map.of();
        }
        try {
            return JSON.readValue(data.get(FILES_KEY), new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            writer.deleteAll();
            return Map.of();
        }
    }

    /** A point-in-time reader of what was last synced. */
    public DirectoryReader openReader() {
        try {
            return DirectoryReader.open(writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
