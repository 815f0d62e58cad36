package dev.studybot.live;

import dev.studybot.knowledge.KnowledgeBase;
import dev.studybot.knowledge.index.IndexProgress;
import dev.studybot.knowledge.index.SyncReport;
import dev.studybot.knowledge.questions.Question;
import dev.studybot.knowledge.questions.QuestionGenerator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Brings a running bot up to date with its notes folder: re-syncs the search index (only changed
 * files are re-indexed) and makes the question pool again (the generator plans questions anew only for
 * changed files), handing the new pool on. Whatever fails
 * keeps its previous version in service: a failed sync leaves searches on the last good index, a
 * failed generation leaves the old pool. Safe to call from several threads (one reload at a time).
 */
public final class NotesReloader {

    private static final Logger LOG = LoggerFactory.getLogger(NotesReloader.class);

    /**
     * What one reload did.
     *
     * @param indexUpdated   whether the search index was synced (false: the previous index stays)
     * @param poolUpdated    whether a new question pool was handed on (false: the previous pool stays)
     * @param filesIndexed   new or changed files re-indexed
     * @param filesRemoved   files gone from the folder whose passages were dropped
     * @param filesUnchanged files kept as they were
     * @param warnings       files that could not be (fully) read or parsed, malformed bank entries
     * @param errors         what stopped the index or the pool from updating
     */
    public record Report(boolean indexUpdated, boolean poolUpdated, int filesIndexed, int filesRemoved,
                         int filesUnchanged, int passagesBefore, int passagesAfter, int questionsBefore,
                         int questionsAfter, List<String> warnings, List<String> errors) {

        public Report {
            warnings = List.copyOf(warnings);
            errors = List.copyOf(errors);
        }

        /** Whether anything searchable or askable differs from before. */
        public boolean changedAnything() {
            return filesIndexed > 0 || filesRemoved > 0 || passagesBefore != passagesAfter
                    || questionsBefore != questionsAfter;
        }

        /** Lines for a person: what changed, then warnings and errors. */
        public List<String> lines() {
            List<String> lines = new ArrayList<>();
            lines.add(indexUpdated
                    ? String.format(Locale.ROOT, "Files: %d re-indexed, %d removed, %d unchanged", filesIndexed,
                            filesRemoved, filesUnchanged)
                    : "Search index NOT updated: the previous index is still in service");
            lines.add("Passages: " + passagesBefore + " → " + passagesAfter);
            lines.add(poolUpdated ? "Questions: " + questionsBefore + " → " + questionsAfter
                    : "Questions NOT updated: the previous " + questionsBefore + " are still in service");
            errors.forEach(error -> lines.add("error: " + error));
            warnings.forEach(warning -> lines.add("warning: " + warning));
            return lines;
        }
    }

    private final KnowledgeBase knowledge;
    private final Path notesFolder;
    private final QuestionGenerator generator;
    private final long seed;
    private final Consumer<List<Question>> onNewPool;
    private int questions;

    /**
     * @param initialQuestions how many questions the pool in service has now (for "before → after")
     * @param onNewPool        takes each new pool; called on the reloading thread, with an unmodifiable list
     */
    public NotesReloader(KnowledgeBase knowledge, Path notesFolder, QuestionGenerator generator, long seed,
                         int initialQuestions, Consumer<List<Question>> onNewPool) {
        this.knowledge = Objects.requireNonNull(knowledge);
        this.notesFolder = Objects.requireNonNull(notesFolder);
        this.generator = Objects.requireNonNull(generator);
        this.seed = seed;
        this.onNewPool = Objects.requireNonNull(onNewPool);
        this.questions = initialQuestions;
    }

    /** Re-reads the notes folder now; never throws for a bad notes file or folder, it reports instead. */
    public synchronized Report reload() {
        List<String> errors = new ArrayList<>();
        Set<String> warnings = new LinkedHashSet<>();
        SyncReport before = knowledge.lastSync();
        int passagesBefore = before == null ? 0 : before.passages();

        SyncReport sync = null;
        try {
            sync = knowledge.sync(IndexProgress.SILENT);
            sync.warnings().forEach(warning -> warnings.add(warning.toString()));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // Errors too: a file that overflows the parser's stack or memory must not leave /study reload unanswered.
            errors.add("the search index could not be updated: " + describe(e));
        }

        int questionsBefore = questions;
        boolean poolUpdated = false;
        try {
            QuestionGenerator.Result result = generator.generate(notesFolder, seed);
            LOG.debug("Questions planned anew for {} changed files; the others' plans were kept", result.filesDrafted());
            warnings.addAll(result.problems());
            List<Question> pool = List.copyOf(result.questions());
            onNewPool.accept(pool);
            questions = pool.size();
            poolUpdated = true;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            errors.add("the questions could not be made again: " + describe(e));
        }

        Report report = new Report(sync != null, poolUpdated,
                sync == null ? 0 : sync.filesIndexed(), sync == null ? 0 : sync.filesRemoved(),
                sync == null ? 0 : sync.filesUnchanged(), passagesBefore,
                sync == null ? passagesBefore : sync.passages(), questionsBefore, questions,
                List.copyOf(warnings), errors);
        log(report);
        return report;
    }

    private static void log(Report report) {
        boolean whole = report.indexUpdated() && report.poolUpdated();
        LOG.atLevel(whole ? Level.INFO : Level.ERROR)
                .setMessage(whole ? "Notes reloaded" : "Notes reloaded in part; what failed is still in service as before")
                .addKeyValue("files_reindexed", report.filesIndexed())
                .addKeyValue("files_removed", report.filesRemoved())
                .addKeyValue("files_unchanged", report.filesUnchanged())
                .addKeyValue("passages", report.passagesAfter())
                .addKeyValue("questions", report.questionsAfter())
                .log();
        report.errors().forEach(error -> LOG.error("Notes reload: {}", error));
        report.warnings().forEach(warning -> LOG.warn("Notes: {}", warning));
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
