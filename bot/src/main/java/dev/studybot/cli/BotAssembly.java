package dev.studybot.cli;

import dev.studybot.chat.ChatHandler;
import dev.studybot.chat.Poster;
import dev.studybot.config.DatabaseLocation;
import dev.studybot.config.StudybotConfig;
import dev.studybot.console.ConsoleChat;
import dev.studybot.discord.DiscordAdapter;
import dev.studybot.game.AnswerService;
import dev.studybot.knowledge.KnowledgeBase;
import dev.studybot.knowledge.index.SyncReport;
import dev.studybot.knowledge.questions.QuestionGenerator;
import dev.studybot.live.NotesReloader;
import dev.studybot.live.NotesWatcher;
import dev.studybot.ops.Heartbeat;
import dev.studybot.pipeline.MiddlewareChain;
import dev.studybot.qotd.DailyScheduler;
import dev.studybot.qotd.QuartzJobStore;
import dev.studybot.qotd.QuestionOfTheDay;
import dev.studybot.slack.SlackAdapter;
import dev.studybot.store.SqlStudyStore;
import dev.studybot.study.StudyBot;
import dev.studybot.study.WeeklyBoard;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts of a running bot, put together once whatever the platforms: the notes' index and
 * questions, the database, the question of the day, live reload of the notes, the heartbeat, the
 * platform-neutral bot on top, and the middleware chain every platform hands its interactions to.
 */
final class BotAssembly implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BotAssembly.class);

    final KnowledgeBase knowledge;
    final SqlStudyStore store;
    private final AnswerService answers;
    final QuestionGenerator.Result questions;
    private final QuestionGenerator generator;
    private final Path notesFolder;
    private final Path dataFolder;
    private final StudybotConfig.Admins admins;
    private final boolean weeklySummary;
    private DailyScheduler scheduler;
    private NotesWatcher watcher;
    private Heartbeat heartbeat;

    /**
     * @param warnEach where to tell about notes that need a person's attention (bad files, bank problems): the
     *             terminal in the console, the log on a chat platform
     */
    BotAssembly(NotesOptions notes, DatabaseLocation db, StudybotConfig config, long seed, Consumer<String> warnEach) {
        // The index and the question generator each read the folder and report the same bad file: tell it once.
        Set<String> told = ConcurrentHashMap.newKeySet();
        Consumer<String> warn = warning -> {
            if (told.add(warning)) {
                warnEach.accept(warning);
            }
        };
        this.generator = notes.questionGenerator(config.questions().minScore());
        // The questions are made while the search index is brought up to date: start-up waits for the slower only.
        CompletableFuture<QuestionGenerator.Result> generating =
                CompletableFuture.supplyAsync(() -> generator.generate(notes.notes, seed));
        this.knowledge = notes.open(System.err, warn);
        try {
            this.store = SqlStudyStore.open(db, config.timeZone(), System.getenv(DatabaseLocation.PASSWORD_VARIABLE));
        } catch (RuntimeException e) {
            knowledge.close();
            throw e;
        }
        this.answers = new AnswerService(store.answers(), config.scoring());
        this.notesFolder = notes.notes;
        this.dataFolder = notes.data;
        this.admins = config.admins();
        this.weeklySummary = config.questionOfTheDay().weeklySummary();
        try {
            this.questions = generating.join();
        } catch (CompletionException e) {
            store.close();
            knowledge.close();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        questions.problems().forEach(warn);
        SyncReport sync = knowledge.lastSync();
        LOG.atInfo().setMessage("Notes ready").addKeyValue("notes", notesFolder.toString())
                .addKeyValue("files", sync.filesIndexed() + sync.filesUnchanged())
                .addKeyValue("passages", sync.passages()).addKeyValue("questions", questions.questions().size())
                .addKeyValue("database", db.toString()).addKeyValue("time_zone", config.timeZone().getId()).log();
        LOG.debug("Configuration from {}, the environment and options: {}", config.source(), config);
    }

    /** Starts the question of the day (posting through {@code poster}) and the notes watcher; returns the bot. */
    StudyBot start(Poster poster, QuestionOfTheDay.Settings settings, long seed) {
        Clock clock = Clock.systemUTC();
        QuestionOfTheDay daily = new QuestionOfTheDay(store, store, questions.questions(), poster, clock, settings, seed);
        if (weeklySummary) {
            daily.onWeekEnd(new WeeklyBoard(store, poster));
        }
        // On PostgreSQL the replicas share one clustered scheduler through the store's pool; on SQLite it is in memory.
        scheduler = DailyScheduler.start(daily, store,
                store.serverPool().map(QuartzJobStore::clustered).orElseGet(QuartzJobStore::inMemory));
        StudyBot bot = new StudyBot(knowledge, questions.questions(), store, answers, clock, seed,
                new StudyBot.DailyQuestions(daily, scheduler, store));
        NotesReloader reloader = new NotesReloader(knowledge, notesFolder, generator, seed,
                questions.questions().size(), pool -> {
                    bot.replaceQuestions(pool);
                    daily.replaceQuestions(pool);
                });
        bot.enableReload(reloader);
        watcher = new NotesWatcher(notesFolder, reloader::reload).start();
        heartbeat = Heartbeat.start(dataFolder, clock, store::fileProblem);
        return bot;
    }

    /** The middleware chain in front of {@code bot}, with the admins configured for each platform. */
    ChatHandler chat(StudyBot bot) {
        Map<String, List<String>> adminIds = Map.of(ConsoleChat.PLATFORM, admins.console(),
                SlackAdapter.PLATFORM, admins.slack(), DiscordAdapter.PLATFORM, admins.discord());
        return MiddlewareChain.standard(adminIds, bot);
    }

    @Override
    public void close() {
        if (heartbeat != null) {
            heartbeat.close();
        }
        if (watcher != null) {
            watcher.close();
        }
        if (scheduler != null) {
            scheduler.close();
        }
        store.close();
        knowledge.close();
    }
}
