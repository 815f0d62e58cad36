package dev.studybot.knowledge.index;

import dev.studybot.knowledge.notes.NotesWarning;
import java.util.List;

/**
 * What bringing the index up to date with the notes folder did.
 *
 * @param filesIndexed   new or changed files whose passages were (re)built
 * @param filesUnchanged files whose passages were kept as they were
 * @param filesRemoved   files gone from the folder whose passages were dropped
 * @param passages       passages in the index afterwards
 * @param embedded       passages embedded by this sync (only those of new and changed files)
 * @param embedMillis    time spent embedding them
 */
public record SyncReport(int filesIndexed, int filesUnchanged, int filesRemoved, int passages, int embedded,
                         long embedMillis, List<NotesWarning> warnings) {

    public SyncReport {
        warnings = List.copyOf(warnings);
    }
}
