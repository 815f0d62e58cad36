package dev.studybot.qotd;

import dev.studybot.domain.Place;
import dev.studybot.store.Schedule;
import dev.studybot.store.ScheduleStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.stream.Collectors;
import org.quartz.CronScheduleBuilder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;

/**
 * The timer behind the question of the day, on Quartz: one cron trigger per channel schedule in the
 * channel's time zone, and a one-shot trigger per pending reveal. Quartz keeps its jobs where the
 * {@link QuartzJobStore} says: in memory, where what must survive a restart is in the store and {@link #start}
 * re-creates the triggers from it, or in the PostgreSQL database shared by the replicas of a cluster, where each
 * trigger fires on one replica and a dead replica's jobs are run again by another ({@code requestRecovery}).
 */
public final class DailyScheduler implements DailyTimer, AutoCloseable {

    private static final String POST_GROUP = "question-of-the-day";
    private static final String REVEAL_GROUP = "reveal";
    private static final String DELIVER_GROUP = "deliver";
    /** In a catch-up trigger's data: the instant of the fire it stands in for, which says the day. */
    private static final String MISSED = "missed";
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

    /** Starts Quartz with its jobs in memory, arms every stored schedule, then catches up on what was missed while down. */
    public static DailyScheduler start(QuestionOfTheDay questions, ScheduleStore schedules) {
        return start(questions, schedules, QuartzJobStore.inMemory());
    }

    /**
     * Starts Quartz on {@code jobStore}, arms every stored schedule, then catches up on what was missed while down:
     * in a cluster through triggers, so that each step is taken once whichever replicas start.
     */
    public static DailyScheduler start(QuestionOfTheDay questions, ScheduleStore schedules, QuartzJobStore jobStore) {
        try {
            Scheduler quartz = new StdSchedulerFactory(jobStore.properties()).getScheduler();
            DailyScheduler scheduler = new DailyScheduler(quartz, questions, schedules);
            quartz.setJobFactory((bundle, owner) -> bundle.getJobDetail().getJobClass() == PostJob.class
                    ? new PostJob(questions) : new StepJob(questions));
            questions.attach(scheduler);
            for (Schedule schedule : schedules.schedules()) {
                scheduler.arm(schedule);
            }
            quartz.start();
            if (jobStore.clustered()) {
                questions.catchUpInCluster();
            } else {
                questions.catchUp();
            }
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
        armCron(schedule.place(), cronOf(schedule), schedule.zone().getId(),
                gapFires(schedule, questions.clock().instant(), GAP_LOOKAHEAD_DAYS));
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
        armCron(place, cron, zone, List.of());
    }

    /**
     * The cron trigger, and a one-shot trigger for each of {@code gaps}: Quartz's cron skips a day whose local time a
     * daylight-saving change jumps over (02:30 on the spring-forward night), so that day's question is posted at the
     * first instant after. The job and all its triggers are replaced at once (replicas starting together each do).
     */
    private void armCron(Place place, String cron, String zone, List<Instant> gaps) {
        JobKey key = postJobKey(place);
        JobDetail job = JobBuilder.newJob(PostJob.class).withIdentity(key).requestRecovery()
                .usingJobData(new JobDataMap(Map.of("platform", place.platform(),
                        "group", place.groupId(), "channel", place.channelId())))
                .build();
        Set<Trigger> triggers = new HashSet<>();
        triggers.add(TriggerBuilder.newTrigger()
                .withIdentity(key.getName(), POST_GROUP)
                // A fire missed while down is caught up by QuestionOfTheDay.catchUp, within its grace.
                .withSchedule(CronScheduleBuilder.cronSchedule(cron).inTimeZone(TimeZone.getTimeZone(zone))
                        .withMisfireHandlingInstructionDoNothing())
                .build());
        for (Instant gap : gaps) {
            triggers.add(TriggerBuilder.newTrigger().forJob(key)
                    .withIdentity(key.getName() + "@" + gap, POST_GROUP)
                    .startAt(Date.from(gap))
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionNextWithRemainingCount())
                    .build());
        }
        Set<TriggerKey> kept = triggers.stream().map(Trigger::getKey).collect(Collectors.toSet());
        try {
            // Not deleteJob: it lists the job's triggers, then removes them one by one, and fails when a replica
            // starting at the same time removed one in between. Each stale trigger (an older time of day's gaps) is
            // removed here on its own; one already gone is the same outcome.
            for (Trigger old : quartz.getTriggersOfJob(key)) {
                if (!kept.contains(old.getKey())) {
                    quartz.unscheduleJob(old.getKey());
                }
            }
            quartz.scheduleJob(job, triggers, true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not schedule the question of the day: " + e.getMessage(), e);
        }
    }

    static String cronOf(Schedule schedule) {
        String days = schedule.weekdaysOnly() ? "MON-FRI" : "*";
        return "0 " + schedule.time().getMinute() + " " + schedule.time().getHour() + " ? * " + days;
    }

    /**
     * Posts the channel's question for the day of the fire missed at {@code missed} through its job, once however
     * many replicas ask (the trigger is named by the instant), and again on another replica if this one dies in it.
     */
    @Override
    public void postFor(Place place, Instant missed) {
        JobKey job = postJobKey(place);
        Trigger trigger = TriggerBuilder.newTrigger().forJob(job)
                .withIdentity(job.getName() + "@missed-" + missed.toEpochMilli(), POST_GROUP)
                .usingJobData(MISSED, missed.toEpochMilli())
                .startNow()
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        schedule(() -> quartz.scheduleJob(trigger), "the question of the day");
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
        JobDetail job = JobBuilder.newJob(StepJob.class).withIdentity(key).requestRecovery()
                .usingJobData("posted", postedId).build();
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(key.getName(), group)
                .startAt(Date.from(at))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        schedule(() -> {
            if (!quartz.checkExists(key)) {
                quartz.scheduleJob(job, trigger);
            }
            return null;
        }, "a " + group);
    }

    /** Runs a scheduling step; one that another replica took already (the same name) is done. */
    private static void schedule(Step step, String what) {
        try {
            step.run();
        } catch (ObjectAlreadyExistsException e) {
            // Armed by another replica between the look and the insert: the same step, so nothing is missing.
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not schedule " + what + ": " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface Step {
        Object run() throws SchedulerException;
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
            Date scheduled = context.getScheduledFireTime();
            Instant fired = data.containsKey(MISSED) ? Instant.ofEpochMilli(data.getLong(MISSED))
                    : scheduled == null ? questions.clock().instant() : scheduled.toInstant();
            String platform = data.getString("platform");
            String group = data.getString("group");
            String channel = data.getString("channel");
            if (context.isRecovering()) {
                questions.fireRecovered(platform, group, channel, fired);
            } else {
                questions.fire(platform, group, channel, fired);
            }
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
            } else if (context.isRecovering()) {
                questions.resume(posted);
            } else {
                questions.redeliver(posted);
            }
        }
    }
}
