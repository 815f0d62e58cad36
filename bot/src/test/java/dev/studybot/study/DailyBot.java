package dev.studybot.study;

import dev.studybot.config.ScoringRules;
import dev.studybot.game.AnswerService;
import dev.studybot.knowledge.KnowledgeBase;
import dev.studybot.knowledge.analysis.Synonyms;
import dev.studybot.knowledge.index.IndexProgress;
import dev.studybot.knowledge.questions.Question;
import dev.studybot.qotd.DailyScheduler;
import dev.studybot.qotd.QuestionOfTheDay;
import dev.studybot.qotd.RecordingPoster;
import dev.studybot.store.SqlStudyStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

/**
 * The real bot with the question of the day running (posts go nowhere), on a one-note folder and a SQLite store in
 * {@code dir}, serving {@code pool} at a fixed {@code clock}.
 */
public record DailyBot(KnowledgeBase knowledge, SqlStudyStore store, DailyScheduler scheduler, StudyBot bot)
        implements AutoCloseable {

    public static DailyBot open(Path dir, ZoneId defaultZone, List<Question> pool, Clock clock) throws IOException {
        Path notes = Files.createDirectories(dir.resolve("notes"));
        Files.writeString(notes.resolve("ec2.md"), "# EC2\n\nSpot instances get a two-minute notice.\n");
        KnowledgeBase knowledge = KnowledgeBase.open(notes, dir.resolve("data"), Synonyms.none(), IndexProgress.SILENT);
        SqlStudyStore store = SqlStudyStore.open(dir.resolve("studybot.db"), defaultZone);
        QuestionOfTheDay daily = new QuestionOfTheDay(store, store, pool, new RecordingPoster(), clock,
                QuestionOfTheDay.Settings.DEFAULTS, 1);
        DailyScheduler scheduler = DailyScheduler.start(daily, store);
        StudyBot bot = new StudyBot(knowledge, pool, store, new AnswerService(store.answers(), ScoringRules.DEFAULTS),
                clock, 1, new StudyBot.DailyQuestions(daily, scheduler, store));
        return new DailyBot(knowledge, store, scheduler, bot);
    }

    /** A question whose topic is {@code topic} (its note's first heading). */
    public static Question about(String topic) {
        String prompt = "Which " + topic + " feature is it?";
        return new Question(Question.idOf("fact", topic + ".md", 4, "p", prompt), "fact", List.of(topic), prompt,
                List.of("one", "two", "three"), 0, topic + ".md", 4, "Because.");
    }

    @Override
    public void close() {
        scheduler.close();
        store.close();
        knowledge.close();
    }
}
