package dev.studybot.qotd;

import dev.studybot.domain.ChannelKey;
import dev.studybot.config.ScoringRules;
import dev.studybot.game.AnswerService;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybot.chat.Button;
import dev.studybot.chat.Reply;
import dev.studybot.knowledge.questions.Question;
import dev.studybot.game.AnswerOutcome;
import dev.studybot.domain.Member;
import dev.studybot.domain.Place;
import dev.studybot.store.Schedule;
import dev.studybot.store.SqlStudyStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.TriggerBuilder;

/** The question of the day on a real SQLite file and, where timing matters, real Quartz triggers. */
class QuestionOfTheDayTest {

    private static final Place GENERAL = new Place("console", "team", "team", "general", "general");
    private static final Place RANDOM = new Place("console", "team", "team", "random", "random");

    @TempDir
    Path dir;

    private SqlStudyStore store;
    private final RecordingPoster poster = new RecordingPoster();
    /** The reveal, which edits the post. */
    private static final Predicate<Reply> REVEALED = reply -> heading(reply).endsWith("answer revealed");
    private final List<DailyScheduler> schedulers = new ArrayList<>();

    @BeforeEach
    void open() {
        store = SqlStudyStore.open(dir.resolve("studybot.db"));
    }

    @AfterEach
    void close() {
        schedulers.forEach(DailyScheduler::close);
        store.close();
    }

    private static List<Question> pool() {
        List<Question> questions = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String topic = i % 2 == 0 ? "Queues" : "Storage";
            questions.add(new Question(Question.idOf("fact", "n.md", i + 1, "prompt " + i, "right " + i), "fact",
                    List.of(topic), "Question number " + i + " about " + topic + " ___?",
                    List.of("right " + i, "wrong a", "wrong b", "wrong c"), 0, "n.md", i + 1, "explanation " + i));
        }
        return questions;
    }

    private QuestionOfTheDay service(Clock clock, QuestionOfTheDay.Settings settings) {
        return new QuestionOfTheDay(store, store, pool(), poster, clock, settings, 7);
    }

    /** A running service whose question is revealed {@code revealAfter} after posting, retrying after {@code retry}. */
    private QuestionOfTheDay startedWithRetries(Duration revealAfter, Duration retry) {
        QuestionOfTheDay service = service(Clock.systemUTC(), new QuestionOfTheDay.Settings(Duration.ofMinutes(30),
                revealAfter, Duration.ofHours(2), retry));
        started(service);
        return service;
    }

    private DailyScheduler started(QuestionOfTheDay service) {
        DailyScheduler scheduler = DailyScheduler.start(service, store);
        schedulers.add(scheduler);
        return scheduler;
    }

    @Test
    void aScheduleFiresOnQuartzAndPostsWithButtons() throws Exception {
        QuestionOfTheDay service = service(Clock.systemUTC(), QuestionOfTheDay.Settings.DEFAULTS);
        DailyScheduler scheduler = started(service);
        store.saveSchedule(new Schedule(GENERAL, LocalTime.of(9, 0), ZoneId.of("UTC"), false, List.of()));
        scheduler.armCron(GENERAL, "* * * * * ?", "UTC"); // every second: Quartz must really fire

        Reply posted = poster.await(reply -> heading(reply).startsWith("Question of the day"), Duration.ofSeconds(10));
        assertEquals(5, posted.buttons().size(), "four choices, then Report question");
        assertTrue(posted.buttons().get(0).action().startsWith("answer:"));
        assertTrue(posted.buttons().get(4).action().startsWith("report:"));
        // The trigger fires every second: for three more fires, the day's question is not posted again.
        Awaitility.await("later fires the same day post nothing more").during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(5))
                .until(() -> poster.count(reply -> heading(reply).startsWith("Question of the day")) == 1);
    }

    @Test
    void schedulesInDifferentZonesFireAtTheirOwnLocalTimes() {
        Instant reference = Instant.parse("2026-11-24T00:00:00Z");
        for (String zone : List.of("Europe/Berlin", "America/New_York", "Asia/Tokyo")) {
            Schedule schedule = new Schedule(GENERAL, LocalTime.of(9, 0), ZoneId.of(zone), false, List.of());
            CronTrigger trigger = TriggerBuilder.newTrigger().startAt(Date.from(reference)).withSchedule(CronScheduleBuilder
                    .cronSchedule(DailyScheduler.cronOf(schedule)).inTimeZone(TimeZone.getTimeZone(zone))).build();
            Date first = trigger.getFireTimeAfter(Date.from(reference));
            ZonedDateTime local = first.toInstant().atZone(ZoneId.of(zone));
            assertEquals(LocalTime.of(9, 0), local.toLocalTime(), zone);
            assertEquals(DailyTimes.nextAfter(schedule, reference), first.toInstant(), zone);
        }

        // A fire at 23:30 UTC is the next day in Tokyo and the same day in New York: each channel's own day.
        Instant fire = Instant.parse("2026-11-24T23:30:00Z");
        store.saveSchedule(new Schedule(GENERAL, LocalTime.of(8, 30), ZoneId.of("Asia/Tokyo"), false, List.of()));
        store.saveSchedule(new Schedule(RANDOM, LocalTime.of(18, 30), ZoneId.of("America/New_York"), false, List.of()));
        QuestionOfTheDay service = service(Clock.fixed(fire, ZoneOffset.UTC), QuestionOfTheDay.Settings.DEFAULTS);
        service.fire("console", "team", "general", fire);
        service.fire("console", "team", "random", fire);
        assertTrue(store.daily(new ChannelKey("console", "team", "general"), LocalDate.of(2026, 11, 25)).isPresent());
        assertTrue(store.daily(new ChannelKey("console", "team", "random"), LocalDate.of(2026, 11, 24)).isPresent());
    }

    @Test
    void daylightSavingChangesNeitherSkipNorDoubleADay() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        int channel = 0;
        for (String time : List.of("09:00", "02:30")) {
            for (String start : List.of("2026-03-26T00:00:00Z", "2026-10-22T00:00:00Z")) {
                Place place = new Place("console", "team", "team", "dst-" + channel, "dst-" + channel++);
                Schedule schedule = new Schedule(place, LocalTime.parse(time), berlin, false, List.of());
                store.saveSchedule(schedule);
                CronTrigger trigger = TriggerBuilder.newTrigger().startAt(Date.from(Instant.parse(start)))
                        .withSchedule(CronScheduleBuilder.cronSchedule(DailyScheduler.cronOf(schedule))
                                .inTimeZone(TimeZone.getTimeZone(berlin)))
                        .build();
                List<Instant> fires = new ArrayList<>(DailyScheduler.gapFires(schedule, Instant.parse(start), 6));
                Date at = Date.from(Instant.parse(start));
                while ((at = trigger.getFireTimeAfter(at)).toInstant().isBefore(Instant.parse(start).plus(Duration.ofDays(6)))) {
                    fires.add(at.toInstant());
                }
                Collections.sort(fires);
                for (Instant fire : fires) { // every fire, as Quartz would run it, a second after it is due
                    service(Clock.fixed(fire.plusSeconds(1), ZoneOffset.UTC), QuestionOfTheDay.Settings.DEFAULTS)
                            .fire("console", "team", place.channelId(), fire);
                }
                LocalDate first = Instant.parse(start).atZone(berlin).toLocalDate();
                for (int day = 0; day < 6; day++) {
                    assertTrue(store.daily(place.channel(), first.plusDays(day)).isPresent(),
                            time + " from " + start + ": no question on " + first.plusDays(day) + " (fires " + fires + ")");
                }
                long posts = poster.count(reply -> heading(reply).startsWith("Question of the day"));
                assertEquals(6L * channel, posts, time + " from " + start + ": one question a day, never two");
            }
        }
    }

    @Test
    void aRestartBetweenPostAndRevealStillReveals() throws Exception {
        QuestionOfTheDay.Settings soon = new QuestionOfTheDay.Settings(Duration.ofMinutes(30), Duration.ofSeconds(2),
                Duration.ofHours(2));
        DailyScheduler first = started(service(Clock.systemUTC(), soon));
        assertEquals(QuestionOfTheDay.Outcome.POSTED, service(Clock.systemUTC(), soon).postNow(GENERAL));
        first.close();
        schedulers.remove(first);

        started(service(Clock.systemUTC(), soon)); // a new process on the same database file
        poster.await(RecordingPoster.Kind.EDIT, REVEALED, Duration.ofSeconds(10));
        // Both schedulers' reveal loops have had their turn by then; a second reveal would show within it.
        Awaitility.await("the reveal is sent once").during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> poster.count(RecordingPoster.Kind.EDIT, REVEALED) == 1);
        assertTrue(store.unrevealed().isEmpty());
    }

    @Test
    void aMissedFirePostsOnceWithinTheGracePeriodAndNotAfterIt() {
        store.saveSchedule(new Schedule(GENERAL, LocalTime.of(9, 0), ZoneId.of("UTC"), false, List.of()));
        Clock twentyMinutesLate = Clock.fixed(Instant.parse("2026-11-24T09:20:00Z"), ZoneOffset.UTC);
        service(twentyMinutesLate, QuestionOfTheDay.Settings.DEFAULTS).catchUp();
        service(twentyMinutesLate, QuestionOfTheDay.Settings.DEFAULTS).catchUp();
        assertEquals(1, poster.count(reply -> heading(reply).startsWith("Question of the day")));
        assertTrue(store.daily(new ChannelKey("console", "team", "general"), LocalDate.of(2026, 11, 24)).isPresent());

        store.saveSchedule(new Schedule(RANDOM, LocalTime.of(9, 0), ZoneId.of("UTC"), false, List.of()));
        Clock threeHoursLate = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
        service(threeHoursLate, QuestionOfTheDay.Settings.DEFAULTS).catchUp();
        assertTrue(store.daily(new ChannelKey("console", "team", "random"), LocalDate.of(2026, 11, 25)).isEmpty());
        assertTrue(store.daily(new ChannelKey("console", "team", "general"), LocalDate.of(2026, 11, 25)).isEmpty());
    }

    @Test
    void concurrentPostNowAndScheduledFirePostOnce() throws Exception {
        store.saveSchedule(new Schedule(GENERAL, LocalTime.of(9, 0), ZoneId.of("UTC"), false, List.of()));
        Instant nine = Instant.parse("2026-11-24T09:00:00Z");
        Clock clock = Clock.fixed(nine, ZoneOffset.UTC);
        List<QuestionOfTheDay> services = List.of(service(clock, QuestionOfTheDay.Settings.DEFAULTS),
                service(clock, QuestionOfTheDay.Settings.DEFAULTS));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<QuestionOfTheDay.Outcome>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            QuestionOfTheDay service = services.get(i % 2);
            boolean scheduled = i % 2 == 0;
            results.add(pool.submit(() -> {
                start.await();
                if (scheduled) {
                    service.fire("console", "team", "general", nine);
                    return null;
                }
                return service.postNow(GENERAL);
            }));
        }
        start.countDown();
        for (Future<QuestionOfTheDay.Outcome> result : results) {
            result.get(20, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals(1, poster.count(reply -> heading(reply).startsWith("Question of the day")));
    }

    @Test
    void questionsDoNotRepeatInAChannelUntilThePoolIsUsedUpAndTopicsTakeTurns() {
        Set<String> prompts = new HashSet<>();
        List<String> topics = new ArrayList<>();
        for (int day = 0; day < 6; day++) {
            Clock clock = Clock.fixed(Instant.parse("2026-11-01T10:00:00Z").plus(Duration.ofDays(day)), ZoneOffset.UTC);
            assertEquals(QuestionOfTheDay.Outcome.POSTED, service(clock, QuestionOfTheDay.Settings.DEFAULTS).postNow(GENERAL));
            Reply posted = poster.last();
            prompts.add(((Reply.Text) posted.parts().get(1)).text());
            topics.add(heading(posted).substring(heading(posted).lastIndexOf(' ') + 1));
        }
        assertEquals(6, prompts.size(), "six days, six different questions");
        for (int i = 1; i < topics.size(); i++) {
            assertTrue(!topics.get(i).equals(topics.get(i - 1)), "topics take turns: " + topics);
        }
    }

    @Test
    void aRetiredQuestionIsNeverTheQuestionOfTheDay() {
        Question retired = pool().get(0);
        long practice = store.post(RANDOM, new Member("console", "ann", "Ann"), dev.studybot.domain.Mode.PRACTICE, retired,
                Instant.parse("2026-10-01T10:00:00Z"), Instant.parse("2026-10-02T10:00:00Z"));
        for (String member : List.of("ann", "bob")) {
            store.questionFeedback().report(practice, new Member("console", member, member),
                    dev.studybot.itemanalysis.ReportReason.WRONG_ANSWER, Instant.parse("2026-10-01T11:00:00Z"));
        }
        Set<String> prompts = new HashSet<>();
        for (int day = 0; day < 10; day++) {
            Clock clock = Clock.fixed(Instant.parse("2026-11-01T10:00:00Z").plus(Duration.ofDays(day)), ZoneOffset.UTC);
            service(clock, QuestionOfTheDay.Settings.DEFAULTS).postNow(GENERAL);
            prompts.add(((Reply.Text) poster.last().parts().get(1)).text());
        }
        assertEquals(5, prompts.size(), "ten days go round the five questions in service: " + prompts);
        assertTrue(!prompts.contains(retired.prompt()), prompts.toString());
    }

    /** The case: the platform fails the first two posts, the third goes through. */
    @Test
    void aRefusedPostIsRetriedUntilItGoesOutOnceAndItsRevealStillHappens() {
        QuestionOfTheDay service = startedWithRetries(Duration.ofSeconds(4), Duration.ofMillis(200));
        poster.refuse(RecordingPoster.Kind.POST, 2);

        assertEquals(QuestionOfTheDay.Outcome.DELIVERY_PENDING, service.postNow(GENERAL));
        assertEquals(0, poster.count(reply -> heading(reply).startsWith("Question of the day")));
        long postedId = store.unrevealed().get(0).postedId();
        assertTrue(store.deliveries().deliveredAt(postedId).isEmpty(), "not delivered before the platform took it");

        poster.await(reply -> heading(reply).startsWith("Question of the day"), Duration.ofSeconds(10));
        // Marked delivered right after the platform took it (the post is seen a moment before).
        Awaitility.await("marked delivered").atMost(Duration.ofSeconds(5))
                .until(() -> store.deliveries().deliveredAt(postedId).isPresent());
        assertEquals(QuestionOfTheDay.Outcome.ALREADY_POSTED, service.postNow(GENERAL), "the day has its question");
        poster.await(RecordingPoster.Kind.EDIT, REVEALED, Duration.ofSeconds(15));
        assertEquals(1, poster.count(reply -> heading(reply).startsWith("Question of the day")));
        Awaitility.await("marked revealed once sent").atMost(Duration.ofSeconds(5))
                .until(() -> store.unrevealed().isEmpty());
    }

    @Test
    void aPostRefusedBeforeARestartIsDeliveredByTheRestartedBot() {
        poster.refuse(RecordingPoster.Kind.POST, 1);
        assertEquals(QuestionOfTheDay.Outcome.DELIVERY_PENDING,
                service(Clock.systemUTC(), QuestionOfTheDay.Settings.DEFAULTS).postNow(GENERAL)); // no timer: no retry

        started(service(Clock.systemUTC(), QuestionOfTheDay.Settings.DEFAULTS)); // a new process on the same file

        poster.await(reply -> heading(reply).startsWith("Question of the day"), Duration.ofSeconds(10));
        assertEquals(1, poster.count(reply -> heading(reply).startsWith("Question of the day")));
    }

    /**
     * A replica of a cluster died after the post went out and before it armed the reveal (seen when it was killed in
     * that moment): the job Quartz runs again on another replica arms the reveal, and posts nothing twice.
     */
    @Test
    void aPostRunAgainAfterItsReplicaDiedArmsTheRevealThatReplicaHadNotArmed() {
        store.saveSchedule(new Schedule(GENERAL, LocalTime.of(3, 0), ZoneOffset.UTC, false, List.of()));
        Instant fired = Instant.now();
        service(Clock.systemUTC(), QuestionOfTheDay.Settings.DEFAULTS) // no timer: it arms nothing, as if it died
                .fire(GENERAL.platform(), GENERAL.groupId(), GENERAL.channelId(), fired);
        long postedId = store.unrevealed().get(0).postedId();
        assertTrue(store.deliveries().deliveredAt(postedId).isPresent(), "the post went out");

        QuestionOfTheDay survivor = service(Clock.systemUTC(), QuestionOfTheDay.Settings.DEFAULTS);
        List<String> armed = Collections.synchronizedList(new ArrayList<>());
        survivor.attach(new DailyTimer() {
            @Override
            public void revealAt(long posted, Instant at) {
                armed.add("reveal " + posted + " at " + at);
            }

            @Override
            public void deliverAt(long posted, Instant at) {
                armed.add("deliver " + posted);
            }

            @Override
            public void postFor(Place place, Instant missed) {
                armed.add("post " + place.channelId());
            }
        });
        survivor.fireRecovered(GENERAL.platform(), GENERAL.groupId(), GENERAL.channelId(), fired);

        assertEquals(List.of("reveal " + postedId + " at " + store.unrevealed().get(0).revealAt()), armed);
        assertEquals(1, poster.count(reply -> heading(reply).startsWith("Question of the day")), "posted once");
    }

    /** Sunday's reveal ends an every-day channel's week, Friday's a weekdays one's; no other reveal does. */
    @Test
    void theRevealOfTheLastQuestionOfAChannelsWeekEndsItsWeekAndNoOtherDoes() {
        store.saveSchedule(new Schedule(GENERAL, LocalTime.of(9, 0), ZoneOffset.UTC, false, List.of()));
        store.saveSchedule(new Schedule(RANDOM, LocalTime.of(9, 0), ZoneOffset.UTC, true, List.of()));
        List<String> ended = Collections.synchronizedList(new ArrayList<>());
        // Thursday 3 to Sunday 6 December 2026.
        for (Place channel : List.of(GENERAL, RANDOM)) {
            for (int day = 3; day <= 6; day++) {
                Instant nine = Instant.parse("2026-12-0" + day + "T09:00:00Z");
                QuestionOfTheDay service = service(Clock.fixed(nine.plusSeconds(5), ZoneOffset.UTC),
                        QuestionOfTheDay.Settings.DEFAULTS);
                service.onWeekEnd((where, during) -> ended.add(where.channelId() + " " + during));
                service.fire(channel.platform(), channel.groupId(), channel.channelId(), nine);
                store.unrevealed().forEach(daily -> service.reveal(daily.postedId()));
            }
        }
        assertEquals(8, poster.count(RecordingPoster.Kind.EDIT, REVEALED), "every question revealed");
        assertEquals(List.of("general 2026-12-06T09:00:05Z", "random 2026-12-04T09:00:05Z"), ended);
    }

    @Test
    void aRefusedRevealIsRetriedAndCountsAsRevealedOnlyOnceSent() {
        QuestionOfTheDay service = startedWithRetries(Duration.ofHours(1), Duration.ofMillis(200));
        assertEquals(QuestionOfTheDay.Outcome.POSTED, service.postNow(GENERAL));
        poster.refuse(RecordingPoster.Kind.EDIT, 1);

        assertTrue(service.revealNow(GENERAL));
        assertEquals(1, store.unrevealed().size(), "a refused reveal is still to do");

        poster.await(RecordingPoster.Kind.EDIT, REVEALED, Duration.ofSeconds(10));
        Awaitility.await("the reveal counts as done once sent").atMost(Duration.ofSeconds(5))
                .until(() -> store.unrevealed().isEmpty());
        assertEquals(1, poster.count(RecordingPoster.Kind.EDIT, REVEALED));
    }

    @Test
    void aQuestionThatNeverReachesTheChannelIsClosedWithoutAReveal() {
        QuestionOfTheDay service = startedWithRetries(Duration.ofSeconds(1), Duration.ofMillis(300));
        poster.refuse(RecordingPoster.Kind.POST, 1000);

        assertEquals(QuestionOfTheDay.Outcome.DELIVERY_PENDING, service.postNow(GENERAL));

        Awaitility.await("given up at its reveal time").atMost(Duration.ofSeconds(10))
                .until(() -> store.unrevealed().isEmpty());
        assertEquals(0, poster.count(reply -> true), "neither the question nor a reveal of it was shown");
    }

    @Test
    void anEarlyRevealClosesAnswersAndHappensOnce() {
        QuestionOfTheDay service = service(Clock.systemUTC(), QuestionOfTheDay.Settings.DEFAULTS);
        service.postNow(GENERAL);
        Button button = poster.last().buttons().get(0);
        long[] answer = Button.parseAnswer(button.action());

        assertTrue(service.revealNow(GENERAL));
        assertTrue(!service.revealNow(GENERAL), "nothing left to reveal");
        AnswerOutcome late = new AnswerService(store.answers(), ScoringRules.DEFAULTS)
                .answer(answer[0], new Member("console", "bob", "bob"), GENERAL, 0, Instant.now());
        assertInstanceOf(AnswerOutcome.Expired.class, late);
        assertEquals(1, poster.count(RecordingPoster.Kind.EDIT, REVEALED));
    }

    private static String heading(Reply reply) {
        return RecordingPoster.heading(reply);
    }
}
