package dev.studybot.study;

import dev.studybot.command.CommandCatalogue;
import dev.studybot.chat.CommandSpec;
import dev.studybot.config.ScoringRules;
import dev.studybot.game.AnswerService;
import dev.studybot.knowledge.KnowledgeBase;
import dev.studybot.knowledge.analysis.Synonyms;
import dev.studybot.knowledge.index.IndexProgress;
import dev.studybot.store.SqlStudyStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** The commands the real bot has, for adapter tests that register or route them without running the bot. */
public final class RealCommands {

    private static CommandCatalogue catalogue;

    private RealCommands() {
    }

    public static List<CommandSpec> specs() {
        return catalogue().specs();
    }

    /** The real catalogue; its commands' store is closed, so only what it says of them (help, specs) is of use. */
    public static synchronized CommandCatalogue catalogue() {
        if (catalogue == null) {
            try {
                Path dir = Files.createTempDirectory("studybot-commands");
                Path notes = Files.createDirectories(dir.resolve("notes"));
                try (KnowledgeBase knowledge = KnowledgeBase.open(notes, dir.resolve("data"), Synonyms.none(),
                        IndexProgress.SILENT);
                     SqlStudyStore store = SqlStudyStore.open(dir.resolve("studybot.db"))) {
                    catalogue = new StudyBot(knowledge, List.of(), store, new AnswerService(store.answers(), ScoringRules.DEFAULTS),
                            Clock.systemUTC(), 1, null).catalogue();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return catalogue;
    }
}
