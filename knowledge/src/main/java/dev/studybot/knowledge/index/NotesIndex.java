package dev.studybot.knowledge.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.studybot.knowledge.embed.TextEmbedder;
import dev.studybot.knowledge.notes.NoteParser;
import dev.studybot.knowledge.notes.NoteSource;
import dev.studybot.knowledge.notes.NotesReader;
import dev.studybot.knowledge.notes.NotesWarning;
import dev.studybot.knowledge.notes.Passage;
import dev.studybot.knowledge.notes.Span;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lucene index of a notes folder, on disk. {@link #sync} re-reads the folder and rebuilds only the
 * files whose content changed, remembering each file's hash in the commit: only their passages are
 * embedded again. A change of embedding model re-embeds everything, once.
 */
public final class NotesIndex implements Closeable {

    /**
     * Bumped whenever parsing or index-time analysis changes what a file turns into, so an index
     * written by an older studybot is rebuilt instead of being half old, half new.
     */
    static final String FORMAT = "2";

    private static final String FORMAT_KEY = "studybot.format";
    private static final String FILES_KEY = "studybot.files";
    /** The embedding model the vectors were made with: another model's vectors cannot be searched with. */
    private static final String MODEL_KEY = "studybot.embedding-model";
    private static final int EMBED_BATCH = 32;
    private static final int LOG_EVERY = 256;
    private static final Logger LOG = LoggerFactory.getLogger(NotesIndex.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Directory directory;
    private final IndexWriter writer;
    private final TextEmbedder embedder;

    private NotesIndex(Directory directory, TextEmbedder embedder) throws IOException {
        this.directory = directory;
        this.embedder = embedder;
        IndexWriterConfig config = new IndexWriterConfig(PassageFields.analyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(64);
        this.writer = new IndexWriter(directory, config);
    }

    /**
     * Opens (creating if needed) the index in {@code folder}, whose passages carry vectors made with
     * {@code embedder}. Only one process may have it open.
     */
    public static NotesIndex open(Path folder, TextEmbedder embedder) {
        try {
            return new NotesIndex(FSDirectory.open(folder), embedder);
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
        Map<String, List<Passage>> parsed = new TreeMap<>();
        int done = 0;
        for (NoteSource source : changed) {
            try {
                parsed.put(source.file(), NoteParser.parse(source));
            } catch (RuntimeException | StackOverflowError e) {
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
            }
            progress.filesIndexed(++done, changed.size());
        }
        List<Passage> toEmbed = parsed.values().stream().flatMap(List::stream).toList();
        long embedStarted = System.nanoTime();
        List<Document> embedded = embed(toEmbed, progress);
        long embedMillis = (System.nanoTime() - embedStarted) / 1_000_000;
        int next = 0;
        for (Map.Entry<String, List<Passage>> file : parsed.entrySet()) {
            List<Document> docs = embedded.subList(next, next + file.getValue().size());
            next += docs.size();
            writer.deleteDocuments(new Term(PassageFields.FILE, file.getKey()));
            writer.addDocuments(docs);
        }
        Map<String, String> commitData = new HashMap<>();
        commitData.put(FORMAT_KEY, FORMAT);
        commitData.put(MODEL_KEY, embedder.id());
        commitData.put(FILES_KEY, JSON.writeValueAsString(current));
        writer.setLiveCommitData(commitData.entrySet());
        writer.commit();
        return new SyncReport(changed.size(), sources.size() - changed.size(), removed, writer.getDocStats().numDocs,
                embedded.size(), embedMillis, allWarnings);
    }

    /**
     * The passages as documents, in order, with their vectors and those of their answerable lines,
     * embedded in batches so that a terminal and the log can show how far a large folder has come.
     */
    private List<Document> embed(List<Passage> passages, IndexProgress progress) {
        List<Document> docs = new ArrayList<>(passages.size());
        long started = System.nanoTime();
        if (!passages.isEmpty()) {
            LOG.info("Embedding {} passages with {}", passages.size(), embedder.id());
        }
        for (int from = 0; from < passages.size(); from += EMBED_BATCH) {
            List<Passage> batch = passages.subList(from, Math.min(passages.size(), from + EMBED_BATCH));
            List<String> texts = new ArrayList<>();
            List<List<Span>> spans = new ArrayList<>();
            for (Passage passage : batch) {
                texts.add(PassageFields.embeddedText(passage));
                List<Span> lines = AnswerUnits.spans(passage.text());
                spans.add(lines);
                lines.forEach(span -> texts.add(AnswerUnits.embeddedText(passage, span)));
            }
            List<float[]> vectors = embedder.embedPassages(texts);
            int next = 0;
            for (int i = 0; i < batch.size(); i++) {
                float[] passageVector = vectors.get(next++);
                List<float[]> lineVectors = vectors.subList(next, next + spans.get(i).size());
                next += lineVectors.size();
                docs.add(PassageFields.toDocument(batch.get(i), passageVector,
                        AnswerUnits.encode(spans.get(i), lineVectors)));
            }
            progress.passagesEmbedded(docs.size(), passages.size());
            if (docs.size() % LOG_EVERY < EMBED_BATCH || docs.size() == passages.size()) {
                LOG.info("Embedded {}/{} passages with {} in {} ms", docs.size(), passages.size(), embedder.id(),
                        (System.nanoTime() - started) / 1_000_000);
            }
        }
        return docs;
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
        if (!FORMAT.equals(data.get(FORMAT_KEY)) || !embedder.id().equals(data.get(MODEL_KEY))
                || data.get(FILES_KEY) == null) {
            if (data.get(MODEL_KEY) != null && !embedder.id().equals(data.get(MODEL_KEY))) {
                LOG.info("The embedding model changed from {} to {}: every passage is embedded again, once",
                        data.get(MODEL_KEY), embedder.id());
            }
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
