package dev.studybot.qotd;

import dev.studybot.chat.Poster;
import dev.studybot.knowledge.questions.Question;
import dev.studybot.store.DailyDeliveryStore;
import dev.studybot.store.DailyPost;
import dev.studybot.domain.ChannelKey;
import dev.studybot.domain.MessageRef;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The question of the day: posts a channel's question (once per local day, whoever asks first: the
 * schedule, an admin, or start-up recovery), reveals it later, and after a restart catches up on what
 * it missed. Timing is Quartz's job (see {@link DailyScheduler}); this class decides and remembers.
 */
public final class QuestionOfTheDay {

    private static final Logger LOG = LoggerFactory.getLogger(QuestionOfTheDay.class);

    /**
     * Settings an operator may change.
     *
     * @param firstRetry     how long after a failed post or reveal it is tried again; each further failure doubles
     *                       the wait, up to {@link #LONGEST_RETRY}
     * @param liveCountEvery the shortest time between two edits of a post with its live count
     */
    public record Settings(Duration revealBeforeNext, Duration revealWithoutSchedule, Duration grace,
                           Duration firstRetry, Duration liveCountEvery) {
        public static final Duration LONGEST_RETRY = Duration.ofMinutes(30);
        /**
         * By default at most one live-count edit per post this often (question_of_the_day.live_count_seconds): the
         * platforms allow more, readers need no more.
         */
        public static final Duration LIVE_COUNT_EVERY = Duration.ofSeconds(5);
        public static final Settings DEFAULTS =
                new Settings(Duration.ofMinutes(30), Duration.ofHours(23), Duration.ofHours(2));

        public Settings(Duration revealBeforeNext, Duration revealWithoutSchedule, Duration grace) {
            this(revealBeforeNext, revealWithoutSchedule, grace, Duration.ofSeconds(30));
        }

        public Settings(Duration revealBeforeNext, Duration revealWithoutSchedule, Duration grace, Duration firstRetry) {
            this(revealBeforeNext, revealWithoutSchedule, grace, firstRetry, LIVE_COUNT_EVERY);
        }

        /** The wait after the {@code attempts}-th failure. */
        Duration retryAfter(int attempts) {
            Duration wait = firstRetry.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 16));
            return wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
        }
    }

    /** What happened to a request to post. */
    public enum Outcome {
        POSTED, ALREADY_POSTED, NO_QUESTIONS,
        /** Stored, but the platform refused it for now: it is retried until it goes out or its reveal time comes. */
        DELIVERY_PENDING
    }

    private final StudyStore studyStore;
    private final ScheduleStore schedules;
    private final DailyQuestionPicker picker;
    private final Poster poster;
    private final Clock clock;
    private final Settings settings;
    private final DailyDeliveryStore deliveries;
    /** One lock per channel: a channel's post, retries and reveal never interleave; other channels never wait. */
    private final Map<ChannelKey, ReentrantLock> channelLocks = new ConcurrentHashMap<>();
    private volatile DailyTimer timer = DailyTimer.NONE;
    private volatile WeekEnd weekEnd = WeekEnd.NONE;
    private final LiveCount liveCount;
    /** The count each open post shows, so that an edit goes out only when it changed. */
    private final Map<Long, Integer> shownCounts = new ConcurrentHashMap<>();
    /** Posts whose live-count edit failed once: said once in the log, not at every answer. */
    private final Set<Long> editFailed = ConcurrentHashMap.newKeySet();

    public QuestionOfTheDay(StudyStore studyStore, ScheduleStore schedules, List<Question> pool, Poster poster,
                            Clock clock, Settings settings, long seed) {
        this.studyStore = studyStore;
        this.schedules = schedules;
        this.picker = new DailyQuestionPicker(pool, seed, studyStore.questionFeedback()::inService);
        this.poster = poster;
        this.clock = clock;
        this.settings = settings;
        this.deliveries = schedules.deliveries();
        this.liveCount = new LiveCount(settings.liveCountEvery(), this::showCount, System::nanoTime);
    }

    /**
     * Switches to a new question pool (the notes changed). Questions already posted keep working:
     * answers and reveals use the question as stored when it was posted.
     */
    public void replaceQuestions(List<Question> pool) {
        picker.replace(pool);
    }

    /** The clock every time of the question of the day is read from (the timer's too). */
    Clock clock() {
        return clock;
    }

    /** Connects the timer; until then nothing is scheduled (tests may drive the class by hand). */
    void attach(DailyTimer timer) {
        this.timer = timer;
    }

    /** What to do once the last question of a channel's scheduled week is revealed (the weekly summary). */
    public void onWeekEnd(WeekEnd weekEnd) {
        this.weekEnd = weekEnd;
    }

    private <T> T inChannel(Place place, Supplier<T> work) {
        ReentrantLock lock = channelLocks.computeIfAbsent(place.channel(), key -> new ReentrantLock());
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }


    /** Posts the channel's question for today (in its time zone) unless today already has one. */
    public Outcome postNow(Place place) {
        Instant now = clock.instant();
        Optional<Schedule> schedule = schedules.schedule(place.channel());
        return post(place, schedule, now.atZone(zone(place, schedule)).toLocalDate(), now);
    }

    /** A scheduled fire: the channel's question for the local day of {@code fireTime}. */
    void fire(String platform, String groupId, String channelId, Instant fireTime) {
        schedules.schedule(new ChannelKey(platform, groupId, channelId)).ifPresent(schedule ->
                post(schedule.place(), Optional.of(schedule), DailyTimes.localDay(schedule, fireTime), clock.instant()));
    }

    /**
     * A scheduled fire run again because the replica running it died: as {@link #fire}, then the day's question is
     * {@linkplain #resume resumed} where the dead replica left it.
     */
    void fireRecovered(String platform, String groupId, String channelId, Instant fireTime) {
        ChannelKey channel = new ChannelKey(platform, groupId, channelId);
        fire(platform, groupId, channelId, fireTime);
        schedules.schedule(channel)
                .flatMap(schedule -> schedules.daily(channel, DailyTimes.localDay(schedule, fireTime)))
                .ifPresent(daily -> resume(daily.postedId()));
    }

    /**
     * A delivery run again because the replica in it died, which may have been before the question got out (it is
     * delivered now: nobody else is delivering it) or after, before its reveal was armed (armed now; arming twice is
     * one trigger, and a reveal that already happened is not repeated).
     */
    void resume(long postedId) {
        open(postedId).ifPresent(daily -> {
            if (deliveries.deliveredAt(postedId).isEmpty()) {
                redeliver(postedId);
            } else {
                timer.revealAt(postedId, daily.revealAt());
            }
        });
    }

    private Outcome post(Place place, Optional<Schedule> schedule, LocalDate day, Instant now) {
        return inChannel(place, () -> postInChannel(place, schedule, day, now));
    }

    private Outcome postInChannel(Place place, Optional<Schedule> schedule, LocalDate day, Instant now) {
        if (schedules.daily(place.channel(), day).isPresent()) {
            return Outcome.ALREADY_POSTED;
        }
        List<String> topics = schedule.map(Schedule::topics).orElse(List.of());
        Optional<Question> question = picker.pick(topics,
                schedules.askedQuestionIds(place.channel()), place.channel().toString(), day);
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
        return deliver(posted.getAsLong(), place, question.get(), revealAt, zone(place, schedule)) ? Outcome.POSTED
                : Outcome.DELIVERY_PENDING;
    }

    /**
     * Sends a stored question of the day; it counts as delivered, and its reveal is armed, only once the platform
     * took it. A refusal is retried with backoff while there is time before the reveal.
     */
    private boolean deliver(long postedId, Place place, Question question, Instant revealAt, ZoneId zone) {
        MessageRef message;
        try {
            message = poster.post(place, DailyMessages.posted(postedId, question, revealAt, zone,
                    schedules.mentions().mention(place.channel())));
        } catch (RuntimeException e) {
            int attempts = deliveries.failed(postedId, DailyDeliveryStore.Stage.POST);
            Instant retry = clock.instant().plus(settings.retryAfter(attempts));
            if (retry.isBefore(revealAt)) {
                LOG.warn("Question of the day {} not delivered to #{} (attempt {}): {}; trying again at {}", postedId,
                        place.channelName(), attempts, e.getMessage(), retry);
                timer.deliverAt(postedId, retry);
            } else {
                LOG.error("Question of the day {} never reached #{} after {} attempts ({}); the day is skipped", postedId,
                        place.channelName(), attempts, e.getMessage());
                schedules.markRevealed(postedId, clock.instant());
            }
            return false;
        }
        deliveries.delivered(postedId, clock.instant(), message);
        LOG.atInfo().setMessage("Question of the day posted").addKeyValue("platform", place.platform())
                .addKeyValue("group", place.groupId()).addKeyValue("channel", place.channelId())
                .addKeyValue("posted_id", postedId).addKeyValue("question_id", question.id())
                .addKeyValue("reveal_at", revealAt.toString()).log();
        timer.revealAt(postedId, revealAt);
        return true;
    }

    /** Tries again to deliver a question of the day the platform refused before. */
    void redeliver(long postedId) {
        Optional<DailyPost> daily = open(postedId);
        if (daily.isEmpty()) {
            return;
        }
        inChannel(daily.get().place(), () -> {
            if (deliveries.deliveredAt(postedId).isEmpty() && open(postedId).isPresent()) {
                studyStore.posted(postedId).ifPresent(posted ->
                        deliver(postedId, daily.get().place(), posted.question(), daily.get().revealAt(),
                                zone(daily.get().place(), schedules.schedule(daily.get().place().channel()))));
            }
            return null;
        });
    }

    private Optional<DailyPost> open(long postedId) {
        return schedules.unrevealed().stream().filter(d -> d.postedId() == postedId).findFirst();
    }

    /** The channel's schedule's zone, else its group's. */
    private ZoneId zone(Place place, Optional<Schedule> schedule) {
        return schedule.map(Schedule::zone).orElseGet(() -> studyStore.timeZone(place.group()));
    }

    /** Someone answered question of the day {@code postedId}: its post shows the new count soon (batched). */
    public void answered(long postedId) {
        liveCount.answered(postedId);
    }

    /** Edits an open post with how many have answered, when that changed; a failure never reaches the answerer. */
    private void showCount(long postedId) {
        try {
            Optional<DailyPost> daily = open(postedId);
            Optional<MessageRef> message = deliveries.message(postedId);
            if (daily.isPresent() && message.isPresent()) {
                inChannel(daily.get().place(), () -> editCount(daily.get(), message.get()));
            }
        } catch (RuntimeException e) {
            if (editFailed.add(postedId)) {
                LOG.warn("Could not show the live count on question of the day {}: {}; answers still count", postedId,
                        e.getMessage());
            }
        }
    }

    /** In the channel's lock, so that a reveal is never overwritten by a count read before it. */
    private Void editCount(DailyPost daily, MessageRef message) {
        long postedId = daily.postedId();
        int answered = schedules.revealStats(postedId).answered();
        Optional<Posted> posted = studyStore.posted(postedId);
        if (open(postedId).isPresent() && posted.isPresent() && shownCounts.getOrDefault(postedId, 0) != answered) {
            Place place = daily.place();
            poster.edit(place, message, DailyMessages.open(postedId, posted.get().question(), daily.revealAt(),
                    zone(place, schedules.schedule(place.channel())), answered));
            shownCounts.put(postedId, answered);
        }
        return null;
    }

    /**
     * Reveals a question of the day (once, however often asked). Answers close first; it counts as revealed only
     * once the platform took the reveal, which is retried with backoff until it does. A question that never
     * reached the channel is closed without a reveal.
     */
    void reveal(long postedId) {
        Optional<DailyPost> daily = open(postedId);
        Optional<Posted> posted = studyStore.posted(postedId);
        if (daily.isEmpty() || posted.isEmpty()) {
            return;
        }
        inChannel(daily.get().place(), () -> {
            if (open(postedId).isPresent()) {
                revealInChannel(daily.get(), posted.get());
            }
            return null;
        });
    }

    private void revealInChannel(DailyPost daily, Posted posted) {
        long postedId = daily.postedId();
        if (deliveries.deliveredAt(postedId).isEmpty()) {
            LOG.error("Question of the day {} never reached #{}; closed without a reveal", postedId,
                    daily.place().channelName());
            schedules.markRevealed(postedId, clock.instant());
            return;
        }
        deliveries.closeAnswers(postedId, clock.instant());
        RevealStats stats = schedules.revealStats(postedId);
        try {
            showReveal(daily.place(), postedId, posted.question(), stats);
        } catch (RuntimeException e) {
            int attempts = deliveries.failed(postedId, DailyDeliveryStore.Stage.REVEAL);
            Instant retry = clock.instant().plus(settings.retryAfter(attempts));
            LOG.warn("Reveal of question of the day {} not delivered to #{} (attempt {}): {}; trying again at {}",
                    postedId, daily.place().channelName(), attempts, e.getMessage(), retry);
            timer.revealAt(postedId, retry);
            return;
        }
        schedules.markRevealed(postedId, clock.instant());
        liveCount.forget(postedId);
        shownCounts.remove(postedId);
        editFailed.remove(postedId);
        LOG.atInfo().setMessage("Question of the day revealed").addKeyValue("posted_id", postedId)
                .addKeyValue("answered", stats.answered()).addKeyValue("right", stats.correct()).log();
        if (schedules.schedule(daily.place().channel()).filter(s -> DailyTimes.endsItsWeek(s, daily.day())).isPresent()) {
            endWeek(daily);
        }
    }

    /** The week's summary after its last reveal; one that fails is logged, and the reveal stands. */
    private void endWeek(DailyPost daily) {
        try {
            weekEnd.ended(daily.place(), daily.postedAt());
        } catch (RuntimeException e) {
            LOG.warn("Could not post the weekly summary to #{}: {}", daily.place().channelName(), e.getMessage());
        }
    }

    /**
     * The reveal on the post itself (buttons closed, the right choice and the counts shown) with the explanation in
     * a thread on it; a post whose id was not kept (made before this version) gets the reveal as a new message.
     * Both steps are safe to repeat, so a retry after a failed thread post edits again and threads once.
     */
    private void showReveal(Place place, long postedId, Question question, RevealStats stats) {
        Optional<MessageRef> message = deliveries.message(postedId);
        if (message.isEmpty()) {
            poster.post(place, DailyMessages.revealMessage(question, stats));
            return;
        }
        poster.edit(place, message.get(), DailyMessages.revealed(postedId, question, stats,
                schedules.answersPerChoice(postedId, question.choices().size())));
        DailyMessages.explanation(question).ifPresent(thread -> poster.inThread(place, message.get(), thread));
    }

    /** Stops the live-count edits. */
    void close() {
        liveCount.close();
    }

    /** Reveals the channel's open question of the day now, if it has one. */
    public boolean revealNow(Place place) {
        for (DailyPost daily : schedules.unrevealed()) {
            if (daily.place().channel().equals(place.channel())) {
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
            missedFire(schedule, now).ifPresent(missed ->
                    post(schedule.place(), Optional.of(schedule), DailyTimes.localDay(schedule, missed), now));
        }
        for (long postedId : deliveries.undelivered()) {
            redeliver(postedId);
        }
        for (DailyPost daily : schedules.unrevealed()) {
            if (!daily.revealAt().isAfter(now)) {
                reveal(daily.postedId());
            } else if (deliveries.deliveredAt(daily.postedId()).isPresent()) {
                timer.revealAt(daily.postedId(), daily.revealAt());
            }
        }
    }

    /**
     * After a replica of a cluster starts: the same catch-up, with each step handed to the shared timer, whose
     * triggers are named by what they do, so that one replica takes each step however many start at once. A missed
     * post is posted through its channel's job; a reveal, overdue or not, is armed at its time (an overdue one fires at
     * once). A question stored but not delivered is left alone: its replica is still delivering it, or has a retry
     * armed, or died in the job, which Quartz then runs again on another ({@link #fireRecovered}).
     */
    void catchUpInCluster() {
        Instant now = clock.instant();
        for (Schedule schedule : schedules.schedules()) {
            missedFire(schedule, now).ifPresent(missed -> timer.postFor(schedule.place(), missed));
        }
        for (DailyPost daily : schedules.unrevealed()) {
            if (deliveries.deliveredAt(daily.postedId()).isPresent()) {
                timer.revealAt(daily.postedId(), daily.revealAt());
            }
        }
    }

    /** The schedule's latest fire at or before {@code now}, if it is within the grace period. */
    private Optional<Instant> missedFire(Schedule schedule, Instant now) {
        return DailyTimes.latestAtOrBefore(schedule, now).filter(missed -> !missed.isBefore(now.minus(settings.grace())));
    }


}
