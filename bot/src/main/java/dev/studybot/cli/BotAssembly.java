package dev.studybot.cli;

import dev.studybot.chat.Poster;
import dev.studybot.knowledge.KnowledgeBase;
import dev.studybot.knowledge.questions.QuestionGenerator;
import dev.studybot.qotd.DailyScheduler;
import dev.studybot.qotd.QuestionOfTheDay;
import dev.studybot.store.SqliteStudyStore;
import dev.studybot.study.StudyBot;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The parts of a running bot, put together once whatever the platforms: the notes' index and
 * questions, the database, the question of the day, and the platform-neutral bot on top.
 */
final class BotAssembly implements AutoCloseable {

    final KnowledgeBase knowledge;
    final SqliteStudyStore store;
    final QuestionGenerator.Result questions;
    private DailyScheduler scheduler;

    BotAssembly(NotesOptions notes, Path db, long seed, PrintStream err) {
        this.knowledge = notes.open(err);
        try {
            this.store = SqliteStudyStore.open(db);
        } catch (RuntimeException e) {
            knowledge.close();
            throw e;
        }
        this.questions = new QuestionGenerator(notes.loadSynonyms()).generate(notes.notes, seed);
        questions.problems().forEach(problem -> err.println("warning: " + problem));
    }

    /** Starts the question of the day, posting through {@code poster}, and returns the bot. */
    StudyBot start(Poster poster, QuestionOfTheDay.Settings settings, long seed) {
        Clock clock = Clock.systemUTC();
        QuestionOfTheDay daily = new QuestionOfTheDay(store, store, questions.questions(), poster, clock, settings, seed);
        scheduler = DailyScheduler.start(daily, store);
        return new StudyBot(knowledge, questions.questions(), store, clock, seed,
                new StudyBot.DailyQuestions(daily, scheduler, store));
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.close();
        }
        store.close();
        knowledge.close();
    }
}
