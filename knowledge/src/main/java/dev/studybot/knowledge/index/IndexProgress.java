package dev.studybot.knowledge.index;

/** Told how indexing goes, so a terminal (and the log) can show progress on a big folder. */
public interface IndexProgress {

    IndexProgress SILENT = new IndexProgress() { };

    /** Called after each changed file is parsed. */
    default void filesIndexed(int done, int total) {
    }

    /** Called after each batch of passages is embedded (the slow part of indexing). */
    default void passagesEmbedded(int done, int total) {
    }
}
