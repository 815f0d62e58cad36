package dev.studybot.cli;

import dev.studybot.config.StudybotConfig;
import dev.studybot.knowledge.KnowledgeBase;
import dev.studybot.knowledge.analysis.Synonyms;
import dev.studybot.knowledge.embed.BundledModel;
import dev.studybot.knowledge.embed.OnnxEmbedder;
import dev.studybot.knowledge.embed.TextEmbedder;
import dev.studybot.knowledge.index.IndexProgress;
import dev.studybot.knowledge.index.SyncReport;
import dev.studybot.knowledge.questions.EmbeddingSimilarity;
import dev.studybot.knowledge.questions.QuestionGenerator;
import dev.studybot.knowledge.questions.ServiceCatalogue;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Where the notes, the data folder and the synonym list are, and which configuration file to read: shared
 * by every command that searches. {@code --notes} and {@code --data} have no picocli defaults, so that
 * "not given" can fall back to the environment and then the configuration file ({@link #resolve}).
 */
final class NotesOptions {

    static final Path DEFAULT_SYNONYMS = Path.of("config", "synonyms.txt");
    static final Path DEFAULT_SERVICES = Path.of("config", "aws-services.yml");

    @Mixin
    ConfigFileOption configFile;

    @Option(names = "--notes", paramLabel = "DIR",
            description = "Folder of notes (.md, .markdown, .txt), read recursively."
                    + " Default: $STUDYBOT_NOTES, else notes in the configuration, else notes")
    Path notes;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder for the search index and other data."
                    + " Default: $STUDYBOT_DATA, else data in the configuration, else data")
    Path data;

    /** The configuration with the environment applied (not the options), once {@link #resolve} ran. */
    private StudybotConfig config;

    /**
     * Reads the configuration file and environment, and fills in {@link #notes} and {@link #data} when
     * they were not given on the command line. Runs once; later calls do nothing.
     */
    StudybotConfig resolve(Map<String, String> env) {
        if (config == null) {
            config = configFile.load(env);
            if (notes == null) {
                notes = config.notes();
            }
            if (data == null) {
                data = config.data();
            }
        }
        return config;
    }

    /** The configuration (file and environment), reading it now if no one has yet. */
    StudybotConfig config() {
        return resolve(System.getenv());
    }

    @Option(names = "--synonyms", paramLabel = "FILE",
            description = "Synonym and acronym list. Default: config/synonyms.txt if present, else the built-in list")
    Path synonyms;

    @Option(names = "--model", paramLabel = "NAME",
            description = "Sentence-embedding model for search by meaning: bge-small-en-v1.5-q or all-minilm-l6-v2-q"
                    + " (both ship inside studybot). Changing it re-embeds the notes once. Default: bge-small-en-v1.5-q")
    String model;

    /** The embedding model, loaded from the jar (it takes a second or two, once per process). */
    TextEmbedder embedder() {
        return OnnxEmbedder.of(model == null ? BundledModel.DEFAULT : BundledModel.named(model));
    }

    Synonyms loadSynonyms() {
        return loadConfigFile(synonyms, DEFAULT_SYNONYMS, "synonym list", Synonyms::load, Synonyms::bundled);
    }

    /** The file given (which must exist), else the default beside the working folder if present, else the jar's copy. */
    private static <T> T loadConfigFile(Path given, Path fallback, String what, Function<Path, T> load, Supplier<T> bundled) {
        if (given != null) {
            if (!Files.isRegularFile(given)) {
                throw new IllegalArgumentException("The " + what + " " + given + " does not exist.");
            }
            return load.apply(given);
        }
        return Files.isRegularFile(fallback) ? load.apply(fallback) : bundled.get();
    }

    @Option(names = "--services", paramLabel = "FILE",
            description = "Service catalogue (services by family) for questions."
                    + " Default: config/aws-services.yml if present, else the built-in one")
    Path services;

    ServiceCatalogue loadServices() {
        return loadConfigFile(services, DEFAULT_SERVICES, "service catalogue", ServiceCatalogue::load, ServiceCatalogue::bundled);
    }

    /**
     * The question generator with these synonyms and this catalogue, serving questions scoring at least {@code minScore};
     * wrong choices are compared by meaning with the model the search uses.
     */
    QuestionGenerator questionGenerator(double minScore) {
        return new QuestionGenerator(loadSynonyms(), loadServices(), new EmbeddingSimilarity(embedder()), minScore);
    }

    /** Opens the notes and reports on stderr what needs a person's attention. */
    KnowledgeBase open(PrintStream err) {
        return open(err, warningsTo(err));
    }

    /** Warnings about the notes as a person at a terminal reads them. */
    static Consumer<String> warningsTo(PrintStream err) {
        return warning -> err.println("warning: " + warning);
    }

    /** Opens the notes, showing indexing progress on {@code err} when a person watches, warnings to {@code warn}. */
    KnowledgeBase open(PrintStream err, Consumer<String> warn) {
        config();
        KnowledgeBase base = KnowledgeBase.open(notes, data, loadSynonyms(), embedder(), TerminalProgress.forTerminal(err));
        report(base.lastSync(), warn);
        return base;
    }

    static void report(SyncReport sync, Consumer<String> warn) {
        sync.warnings().forEach(warning -> warn.accept(warning.toString()));
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
        public void passagesEmbedded(int done, int total) {
            err.print("\rEmbedding passages: " + done + "/" + total);
            if (done == total) {
                err.println();
            }
            err.flush();
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
