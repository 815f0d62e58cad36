package dev.studybot.study;

import dev.studybot.config.ScoringRules;
import dev.studybot.game.AnswerService;
import dev.studybot.knowledge.KnowledgeBase;
import dev.studybot.knowledge.analysis.Synonyms;
import dev.studybot.knowledge.index.IndexProgress;
import dev.studybot.knowledge.questions.QuestionGenerator;
import dev.studybot.store.SqlStudyStore;
import java.nio.file.Path;
import java.time.Clock;

/** The real bot on a notes folder (question banks a test wrote), with its SQLite store in {@code dir}, no daily question. */
record BankBot(KnowledgeBase knowledge, SqlStudyStore store, StudyBot bot) implements AutoCloseable {

    static BankBot open(Path notes, Path dir) {
        KnowledgeBase knowledge = KnowledgeBase.open(notes, dir.resolve("data"), Synonyms.none(), IndexProgress.SILENT);
        SqlStudyStore store = SqlStudyStore.open(dir.resolve("studybot.db"));
        return new BankBot(knowledge, store, new StudyBot(knowledge,
                new QuestionGenerator(Synonyms.none()).generate(notes, 1).questions(), store,
                new AnswerService(store.answers(), ScoringRules.DEFAULTS), Clock.systemUTC(), 1, null));
    }

    @Override
    public void close() {
        store.close();
        knowledge.close();
    }
}
