package dev.studybot.knowledge;

import dev.studybot.knowledge.analysis.Synonyms;
import dev.studybot.knowledge.embed.BundledModel;
import dev.studybot.knowledge.embed.OnnxEmbedder;
import dev.studybot.knowledge.embed.TextEmbedder;
import dev.studybot.knowledge.index.IndexProgress;
import dev.studybot.knowledge.index.NotesIndex;
import dev.studybot.knowledge.index.SyncReport;
import dev.studybot.knowledge.search.NotesSearcher;
import dev.studybot.knowledge.search.SearchMode;
import dev.studybot.knowledge.search.SearchResponse;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.LockObtainFailedException;

/** A notes folder made searchable: its index on disk, kept in step with the folder by {@link #sync}. */
public final class KnowledgeBase implements Closeable {

    private final Path notesFolder;
    private final NotesIndex index;
    private final Synonyms synonyms;
    private volatile DirectoryReader reader;
    private volatile NotesSearcher searcher;
    private volatile SyncReport lastSync;
    private DirectoryReader retired;

    private final TextEmbedder embedder;

    private KnowledgeBase(Path notesFolder, NotesIndex index, Synonyms synonyms, TextEmbedder embedder) {
        this.notesFolder = notesFolder;
        this.index = index;
        this.synonyms = synonyms;
        this.embedder = embedder;
    }

    /** Opens the notes with the default bundled embedding model; see {@link #open(Path, Path, Synonyms, TextEmbedder, IndexProgress)}. */
    public static KnowledgeBase open(Path notesFolder, Path dataFolder, Synonyms synonyms, IndexProgress progress) {
        return open(notesFolder, dataFolder, synonyms, OnnxEmbedder.of(BundledModel.DEFAULT), progress);
    }

    /**
     * Opens the index under {@code dataFolder/index} and brings it up to date with the notes, embedding
     * new and changed passages with {@code embedder}.
     *
     * @throws IllegalArgumentException with a message for people when the folders are unusable
     */
    public static KnowledgeBase open(Path notesFolder, Path dataFolder, Synonyms synonyms, TextEmbedder embedder,
                                     IndexProgress progress) {
        if (!Files.isDirectory(notesFolder)) {
            throw new IllegalArgumentException("The notes folder " + notesFolder + " does not exist or is not a folder.");
        }
        Path indexFolder = dataFolder.resolve("index");
        NotesIndex index;
        try {
            Files.createDirectories(indexFolder);
            index = NotesIndex.open(indexFolder, embedder);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof LockObtainFailedException) {
                throw new IllegalArgumentException("Another studybot is already using the data folder " + dataFolder
                        + ". Stop it, or give this one its own data folder.", e);
            }
            throw e;
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot create the data folder " + indexFolder + ": " + e.getMessage(), e);
        }
        KnowledgeBase base = new KnowledgeBase(notesFolder, index, synonyms, embedder);
        base.sync(progress);
        return base;
    }

    /**
     * Re-reads the notes folder, re-indexing only changed files, and switches searches to the result.
     * When it throws, searches keep using what the last successful sync made.
     */
    public synchronized SyncReport sync(IndexProgress progress) {
        SyncReport report = index.sync(notesFolder, progress);
        DirectoryReader fresh = index.openReader();
        DirectoryReader previous = reader;
        reader = fresh;
        searcher = new NotesSearcher(fresh, synonyms, embedder);
        lastSync = report;
        // The reader replaced now may still serve a search in flight: close the one before it instead.
        if (retired != null) {
            closeQuietly(retired);
        }
        retired = previous;
        return report;
    }

    public SearchResponse search(String query, int limit) {
        return searcher.search(query, limit, SearchMode.HYBRID);
    }

    /** A lookup by one ranking alone or both, for comparing them ({@code studybot bench}). */
    public SearchResponse search(String query, int limit, SearchMode mode) {
        return searcher.search(query, limit, mode);
    }

    public SyncReport lastSync() {
        return lastSync;
    }

    public Path notesFolder() {
        return notesFolder;
    }

    private static void closeQuietly(DirectoryReader old) {
        try {
            old.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        if (retired != null) {
            closeQuietly(retired);
        }
        if (reader != null) {
            closeQuietly(reader);
        }
        index.close();
    }
}
