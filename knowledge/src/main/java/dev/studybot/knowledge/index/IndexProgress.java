package dev.studybot.knowledge.index;

/** Told how indexing goes, so a terminal can show progress on a big folder. */
@FunctionalInterface
public interface IndexProgress {

    IndexProgress SILENT = (done, total) -> { };

    /** Called after each changed file is indexed. */
    void filesIndexed(int done, int total);
}
