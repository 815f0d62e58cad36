package dev.studybot.cli;

import dev.studybot.knowledge.KnowledgeBase;
import dev.studybot.knowledge.analysis.Synonyms;
import dev.studybot.knowledge.index.IndexProgress;
import dev.studybot.knowledge.index.SyncReport;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the notes, the data folder and the synonym list are: shared by every command that searches. */
final class NotesOptions {

    static final Path DEFAULT_SYNONYMS = Path.of("config", "synonyms.txt");

    @Option(names = "--notes", paramLabel = "DIR", defaultValue = "notes",
            description = "Folder of notes (.md, .markdown, .txt), read recursively. Default: ${DEFAULT-VALUE}")
    Path notes;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
            description = "Folder for the search index and other data. Default: ${DEFAULT-VALUE}")
    Path data;

    @Option(names = "--synonyms", paramLabel = "FILE",
            description = "Synonym and acronym list. Default: config/synonyms.txt if present, else the built-in list")
    Path synonyms;

    Synonyms loadSynonyms() {
        if (synonyms != null) {
            if (!Files.isRegularFile(synonyms)) {
                throw new IllegalArgumentException("The synonym list " + synonyms + " does not exist.");
            }
            return Synonyms.load(synonyms);
        }
        return Files.isRegularFile(DEFAULT_SYNONYMS) ? Synonyms.load(DEFAULT_SYNONYMS) : Synonyms.bundled();
    }

    /** Opens the notes and reports on stderr what needs a person's attention. */
    KnowledgeBase open(PrintStream err) {
        return open(data, err);
    }

    KnowledgeBase open(Path dataFolder, PrintStream err) {
        KnowledgeBase base = KnowledgeBase.open(notes, dataFolder, loadSynonyms(), TerminalProgress.forTerminal(err));
        report(base.lastSync(), err);
        return base;
    }

    static void report(SyncReport sync, PrintStream err) {
        sync.warnings().forEach(warning -> err.println("warning: " + warning));
    }

    /** Shows progress of a long indexing run, only when a person is watching a terminal. */
    static final class TerminalProgress implements IndexProgress {

        private static final int MIN_FILES_WORTH_SHOWING = 20;
        private final PrintStream err;

        private TerminalProgress(PrintStream err) {
            this.err = err;
        }

        static IndexProgress forTerminal(PrintStream err) {
            return System.console() == null ? IndexProgress.SILENT : new TerminalProgress(err);
        }

        @Override
        public void filesIndexed(int done, int total) {
            if (total < MIN_FILES_WORTH_SHOWING) {
                return;
            }
            if (done == 1 || done == total || done % 10 == 0) {
                err.print("\rIndexing notes: " + done + "/" + total + " files");
                if (done == total) {
                    err.println();
                }
                err.flush();
            }
        }
    }
}
