package dev.studybot.qotd;

import dev.studybot.domain.Place;
import dev.studybot.store.Schedule;
import dev.studybot.store.ScheduleStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicInteger;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;

/**
 * The timer behind the question of the day, on Quartz: one cron trigger per channel schedule in the
 * channel's time zone, and a one-shot trigger per pending reveal. Quartz keeps its jobs in memory;
 * what must survive a restart is in the store, and {@link #start} re-creates the triggers from it.
 */
public final class DailyScheduler implements DailyTimer, AutoCloseable {

    private static final String POST_GROUP = "question-of-the-day";
    private static final String REVEAL_GROUP = "reveal";
    private static final String DELIVER_GROUP = "deliver";
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    /** Gap days are armed this far ahead; a restart (or a schedule change) arms the next ones. */
    private static final int GAP_LOOKAHEAD_DAYS = 400;

    private final Scheduler quartz;
    private final QuestionOfTheDay questions;
    private final ScheduleStore schedules;

    private DailyScheduler(Scheduler quartz, QuestionOfTheDay questions, ScheduleStore schedules) {
        this.quartz = quartz;
        this.questions = questions;
        this.schedules = schedules;
    }

    /** Starts Quartz, arms every stored schedule, then catches up on what was missed while down. */
    public static DailyScheduler start(QuestionOfTheDay questions, ScheduleStore schedules) {
        try {
            Properties config = new Properties();
            // Several bots (or tests) may run in one JVM: each needs its own scheduler name.
            config.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, "studybot-" + INSTANCES.incrementAndGet());
            config.setProperty("org.quartz.threadPool.threadCount", "2");
            config.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
            config.setProperty(StdSchedulerFactory.PROP_JOB_STORE_CLASS, "org.quartz.simpl.RAMJobStore");
            Scheduler quartz = new StdSchedulerFactory(config).getScheduler();
            DailyScheduler scheduler = new DailyScheduler(quartz, questions, schedules);
            quartz.setJobFactory((bundle, owner) -> bundle.getJobDetail().getJobClass() == PostJob.class
                    ? new PostJob(questions) : new StepJob(questions));
            questions.attach(scheduler);
            for (Schedule schedule : schedules.schedules()) {
                scheduler.arm(schedule);
            }
            quartz.start();
            questions.catchUp();
            return scheduler;
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not start the scheduler: " + e.getMessage(), e);
        }
    }

    /** Saves the schedule and (re)arms its trigger. */
    public void set(Schedule schedule) {
        schedules.saveSchedule(schedule);
        arm(schedule);
    }

    /** @return whether the channel had a schedule */
    public boolean off(Place place) {
        boolean had = schedules.removeSchedule(place.channel());
        try {
            quartz.deleteJob(postJobKey(place));
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not remove the schedule: " + e.getMessage(), e);
        }
        return had;
    }

    /** The next time the channel's schedule fires, if it has one. */
    public Instant nextFire(Place place) {
        try {
            Trigger trigger = quartz.getTrigger(TriggerKey.triggerKey(postJobKey(place).getName(), POST_GROUP));
            Date next = trigger == null ? null : trigger.getNextFireTime();
            return next == null ? null : next.toInstant();
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    void arm(Schedule schedule) {
        armCron(schedule.place(), cronOf(schedule), schedule.zone().getId());
        // Quartz's cron skips a day whose local time a daylight-saving change jumps over (02:30 on the
        // spring-forward night); a one-shot trigger posts that day's question at the first instant after.
        JobKey key = postJobKey(schedule.place());
        for (Instant gap : gapFires(schedule, questions.clock().instant(), GAP_LOOKAHEAD_DAYS)) {
            Trigger trigger = TriggerBuilder.newTrigger().forJob(key)
                    .withIdentity(key.getName() + "@" + gap, POST_GROUP)
                    .startAt(Date.from(gap))
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionNextWithRemainingCount())
                    .build();
            try {
                quartz.scheduleJob(trigger);
            } catch (SchedulerException e) {
                throw new IllegalStateException("Could not schedule the question of the day: " + e.getMessage(), e);
            }
        }
    }

    /** The scheduled days in the coming {@code days} whose local time does not exist, at the time they get. */
    static List<Instant> gapFires(Schedule schedule, Instant from, int days) {
        List<Instant> gaps = new ArrayList<>();
        LocalDate today = from.atZone(schedule.zone()).toLocalDate();
        for (int i = 0; i <= days; i++) {
            LocalDate day = today.plusDays(i);
            boolean skipped = schedule.zone().getRules().getValidOffsets(day.atTime(schedule.time())).isEmpty();
            Instant at = DailyTimes.at(schedule, day);
            if (skipped && DailyTimes.isScheduledDay(schedule, day) && at.isAfter(from)) {
                gaps.add(at);
            }
        }
        return gaps;
    }

    /** Arms a cron expression directly: the schedule's daily time, or in tests a seconds-level one. */
    void armCron(Place place, String cron, String zone) {
        JobKey key = postJobKey(place);
        JobDetail job = JobBuilder.newJob(PostJob.class).withIdentity(key)
                .usingJobData(new JobDataMap(Map.of("platform", place.platform(),
                        "group", place.groupId(), "channel", place.channelId())))
                .build();
        CronTrigger trigger = TriggerBuilder.newTrigger()
                .withIdentity(key.getName(), POST_GROUP)
                // A fire missed while down is caught up by QuestionOfTheDay.catchUp, within its grace.
                .withSchedule(CronScheduleBuilder.cronSchedule(cron).inTimeZone(TimeZone.getTimeZone(zone))
                        .withMisfireHandlingInstructionDoNothing())
                .build();
        try {
            quartz.deleteJob(key);
            quartz.scheduleJob(job, trigger);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not schedule the question of the day: " + e.getMessage(), e);
        }
    }

    static String cronOf(Schedule schedule) {
        String days = schedule.weekdaysOnly() ? "MON-FRI" : "*";
        return "0 " + schedule.time().getMinute() + " " + schedule.time().getHour() + " ? * " + days;
    }

    @Override
    public void revealAt(long postedId, Instant at) {
        once(REVEAL_GROUP, postedId, at);
    }

    @Override
    public void deliverAt(long postedId, Instant at) {
        once(DELIVER_GROUP, postedId, at);
    }

    /**
     * A one-shot job for a posted question at an instant. The key holds the instant, so arming the same step twice
     * (start-up and a restart's catch-up) is one job, while a retry at a later instant is a new one even when asked
     * from inside the job that failed.
     */
    private void once(String group, long postedId, Instant at) {
        JobKey key = JobKey.jobKey(group + "-" + postedId + "@" + at.toEpochMilli(), group);
        JobDetail job = JobBuilder.newJob(StepJob.class).withIdentity(key).usingJobData("posted", postedId).build();
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(key.getName(), group)
                .startAt(Date.from(at))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        try {
            if (!quartz.checkExists(key)) {
                quartz.scheduleJob(job, trigger);
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not schedule a " + group + ": " + e.getMessage(), e);
        }
    }

    private static JobKey postJobKey(Place place) {
        return JobKey.jobKey(place.channel().toString(), POST_GROUP);
    }

    @Override
    public void close() {
        questions.close();
        try {
            quartz.shutdown(true);
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts a channel's question; never two at once for one channel (one job per channel). */
    @DisallowConcurrentExecution
    static final class PostJob implements Job {
        private final QuestionOfTheDay questions;

        PostJob(QuestionOfTheDay questions) {
            this.questions = questions;
        }

        @Override
        public void execute(JobExecutionContext context) {
            JobDataMap data = context.getMergedJobDataMap();
            Date fired = context.getScheduledFireTime();
            questions.fire(data.getString("platform"), data.getString("group"), data.getString("channel"),
                    fired == null ? questions.clock().instant() : fired.toInstant());
        }
    }

    /** A later step for one posted question of the day: its reveal, or another try at delivering it. */
    static final class StepJob implements Job {
        private final QuestionOfTheDay questions;

        StepJob(QuestionOfTheDay questions) {
            this.questions = questions;
        }

        @Override
        public void execute(JobExecutionContext context) {
            long posted = context.getMergedJobDataMap().getLong("posted");
            if (REVEAL_GROUP.equals(context.getJobDetail().getKey().getGroup())) {
                questions.reveal(posted);
            } else {
                questions.redeliver(posted);
            }
        }
    }
}
