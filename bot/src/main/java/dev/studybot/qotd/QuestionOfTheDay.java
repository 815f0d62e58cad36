package dev.studybot.qotd;

import dev.studybot.chat.Button;
import dev.studybot.chat.Poster;
import dev.studybot.chat.Reply;
import dev.studybot.knowledge.questions.Question;
import dev.studybot.store.DailyPost;
import dev.studybot.domain.Place;
import dev.studybot.store.Posted;
import dev.studybot.store.RevealStats;
import dev.studybot.store.Schedule;
import dev.studybot.store.ScheduleStore;
import dev.studybot.store.StudyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The question of the day: posts a channel's question (once per local day, whoever asks first: the
 * schedule, an admin, or start-up recovery), reveals it later, and after a restart catches up on what
 * it missed. Timing is Quartz's job (see {@link DailyScheduler}); this class decides and remembers.
 */
public final class QuestionOfTheDay {

    private static final Logger LOG = LoggerFactory.getLogger(QuestionOfTheDay.class);

    /** Settings an operator may change. */
    public record Settings(Duration revealBeforeNext, Duration revealWithoutSchedule, Duration grace) {
        public static final Settings DEFAULTS =
                new Settings(Duration.ofMinutes(30), Duration.ofHours(23), Duration.ofHours(2));
    }

    /** What happened to a request to post. */
    public enum Outcome { POSTED, ALREADY_POSTED, NO_QUESTIONS }

    private final StudyStore studyStore;
    private final ScheduleStore schedules;
    private final DailyQuestionPicker picker;
    private final Poster poster;
    private final Clock clock;
    private final Settings settings;
    private DailyScheduler scheduler;

    public QuestionOfTheDay(StudyStore studyStore, ScheduleStore schedules, List<Question> pool, Poster poster,
                            Clock clock, Settings settings, long seed) {
        this.studyStore = studyStore;
        this.schedules = schedules;
        this.picker = new DailyQuestionPicker(pool, seed, studyStore.questionFeedback()::inService);
        this.poster = poster;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * Switches to a new question pool (the notes changed). Questions already posted keep working:
     * answers and reveals use the question as stored when it was posted.
     */
    public void replaceQuestions(List<Question> pool) {
        picker.replace(pool);
    }

    /** Connects the timer; until then nothing is scheduled (tests may drive the class by hand). */
    void attach(DailyScheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Posts the channel's question for today (in its time zone) unless today already has one. */
    public Outcome postNow(Place place) {
        Instant now = clock.instant();
        Optional<Schedule> schedule = schedules.schedule(place.platform(), place.groupId(), place.channelId());
        return post(place, schedule, now.atZone(zone(place, schedule)).toLocalDate(), now);
    }

    /** A scheduled fire: the channel's question for the local day of {@code fireTime}. */
    void fire(String platform, String groupId, String channelId, Instant fireTime) {
        schedules.schedule(platform, groupId, channelId).ifPresent(schedule ->
                post(schedule.place(), Optional.of(schedule), DailyTimes.localDay(schedule, fireTime), clock.instant()));
    }

    private synchronized Outcome post(Place place, Optional<Schedule> schedule, LocalDate day, Instant now) {
        if (schedules.daily(place.platform(), place.groupId(), place.channelId(), day).isPresent()) {
            return Outcome.ALREADY_POSTED;
        }
        List<String> topics = schedule.map(Schedule::topics).orElse(List.of());
        String channelKey = place.platform() + "/" + place.groupId() + "/" + place.channelId();
        Optional<Question> question = picker.pick(topics,
                schedules.askedQuestionIds(place.platform(), place.groupId(), place.channelId()), channelKey, day);
        if (question.isEmpty()) {
            return Outcome.NO_QUESTIONS;
        }
        Instant revealAt = schedule
                .map(s -> DailyTimes.nextAfter(s, now).minus(settings.revealBeforeNext()))
                .filter(at -> at.isAfter(now))
                .orElse(now.plus(settings.revealWithoutSchedule()));
        OptionalLong posted = schedules.postDaily(place, day, question.get(), now, revealAt);
        if (posted.isEmpty()) {
            return Outcome.ALREADY_POSTED;
        }
        poster.post(place, message(posted.getAsLong(), question.get(), revealAt, zone(place, schedule)));
        LOG.atInfo().setMessage("Question of the day posted").addKeyValue("platform", place.platform())
                .addKeyValue("group", place.groupId()).addKeyValue("channel", place.channelId())
                .addKeyValue("posted_id", posted.getAsLong()).addKeyValue("question_id", question.get().id())
                .addKeyValue("day", day.toString()).addKeyValue("reveal_at", revealAt.toString()).log();
        if (scheduler != null) {
            scheduler.revealAt(posted.getAsLong(), revealAt);
        }
        return Outcome.POSTED;
    }

    /** The channel's schedule's zone, else its group's. */
    private ZoneId zone(Place place, Optional<Schedule> schedule) {
        return schedule.map(Schedule::zone).orElseGet(() -> studyStore.timeZone(place.platform(), place.groupId()));
    }

    private static Reply message(long id, Question question, Instant revealAt, ZoneId zone) {
        List<Button> buttons = Button.forQuestion(id, question.choices());
        String reveal = revealAt.atZone(zone).toLocalTime().withSecond(0).withNano(0) + " " + zone.getId();
        return new Reply(false, List.of(
                new Reply.Heading("Question of the day · " + String.join(" › ", question.topic())),
                new Reply.Text(question.prompt()),
                new Reply.Note("One answer each; the answer is revealed at " + reveal + ".")), buttons);
    }

    /** Reveals a question of the day (once, however often asked). */
    void reveal(long postedId) {
        Optional<DailyPost> daily = schedules.unrevealed().stream().filter(d -> d.postedId() == postedId).findFirst();
        if (!schedules.markRevealed(postedId, clock.instant())) {
            return;
        }
        Optional<Posted> posted = studyStore.posted(postedId);
        if (posted.isEmpty()) {
            return;
        }
        Question question = posted.get().question();
        RevealStats stats = schedules.revealStats(postedId);
        String first = stats.firstRight() == null ? "Nobody got it right this time."
                : "First right: " + stats.firstRight() + ".";
        List<Reply.Part> parts = new ArrayList<>();
        parts.add(new Reply.Heading("Answer to the question of the day · " + String.join(" › ", question.topic())));
        parts.add(new Reply.Text(question.prompt()));
        parts.add(new Reply.Text("Answer: **" + question.correctChoice() + "**"));
        parts.add(new Reply.Note(stats.answered() + " answered, " + stats.correct() + " right. " + first));
        if (!question.explanation().isBlank()) {
            parts.add(new Reply.Excerpt(String.join(" › ", question.topic()), question.file() + ":" + question.line(),
                    question.explanation(), List.of()));
        }
        poster.post(daily.map(DailyPost::place).orElseGet(() -> placeOf(posted.get())), new Reply(false, parts, List.of()));
        LOG.atInfo().setMessage("Question of the day revealed").addKeyValue("posted_id", postedId)
                .addKeyValue("answered", stats.answered()).addKeyValue("right", stats.correct()).log();
    }

    /** Reveals the channel's open question of the day now, if it has one. */
    public boolean revealNow(Place place) {
        for (DailyPost daily : schedules.unrevealed()) {
            if (sameChannel(daily.place(), place)) {
                reveal(daily.postedId());
                return true;
            }
        }
        return false;
    }

    /**
     * After a start: posts each channel's question once if its time passed while the bot was down
     * (within the grace period), reveals what is overdue, and re-arms the reveals still to come.
     */
    public void catchUp() {
        Instant now = clock.instant();
        for (Schedule schedule : schedules.schedules()) {
            Optional<Instant> missed = DailyTimes.latestAtOrBefore(schedule, now);
            if (missed.isPresent() && !missed.get().isBefore(now.minus(settings.grace()))) {
                post(schedule.place(), Optional.of(schedule), DailyTimes.localDay(schedule, missed.get()), now);
            }
        }
        for (DailyPost daily : schedules.unrevealed()) {
            if (!daily.revealAt().isAfter(now)) {
                reveal(daily.postedId());
            } else if (scheduler != null) {
                scheduler.revealAt(daily.postedId(), daily.revealAt());
            }
        }
    }

    private static boolean sameChannel(Place a, Place b) {
        return a.platform().equals(b.platform()) && a.groupId().equals(b.groupId()) && a.channelId().equals(b.channelId());
    }

    private static Place placeOf(Posted posted) {
        return new Place(posted.platform(), posted.groupId(), posted.groupId(), posted.channelId(), posted.channelId());
    }
}
