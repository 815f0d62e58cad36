package dev.studybot.study;

import dev.studybot.chat.Button;
import dev.studybot.chat.Caller;
import dev.studybot.chat.CommandSpec;
import dev.studybot.chat.Markup;
import dev.studybot.chat.Options;
import dev.studybot.chat.ReaderTime;
import dev.studybot.chat.Reply;
import dev.studybot.command.StudyCommand;
import dev.studybot.domain.Period;
import dev.studybot.domain.Place;
import dev.studybot.domain.Scope;
import dev.studybot.qotd.DailyScheduler;
import dev.studybot.store.Schedule;
import dev.studybot.store.ScheduleStore;
import dev.studybot.store.Stats;
import dev.studybot.store.StudyStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /study home}: one member's dashboard, the same on every platform and as Slack's App Home tab: their points,
 * streak, accuracy and weak spots, the reviews due with a button, the group's board for a period they can switch with
 * buttons, and when the next question of the day comes in the group.
 */
final class HomeCommand implements StudyCommand {

    static final CommandSpec SPEC = CommandSpec.everyone("home", "your points, streak, weak spots, reviews due and the board",
            true, true).option(StandingsCommands.PERIOD);
    private static final String PERIOD_BUTTON = "home-period:";
    private static final int TOP = 5;

    private final StudyStore store;
    private final ScheduleStore schedules;
    private final DailyScheduler scheduler;
    private final Clock clock;

    /** @param schedules, scheduler the question of the day's, or null where it is not running */
    HomeCommand(StudyStore store, ScheduleStore schedules, DailyScheduler scheduler, Clock clock) {
        this.store = store;
        this.schedules = schedules;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public Reply run(Caller caller, Options options) {
        Period period = StandingsCommands.period(options);
        Instant now = clock.instant();
        Place place = caller.place();
        Stats stats = store.stats(place, caller.member().key(), now);
        List<Reply.Part> parts = new ArrayList<>(Replies.stats(stats).parts());
        parts.addAll(Replies.leaderboard(store.leaderboard(place, Scope.GROUP, period, caller.member().key(), TOP, now),
                place.groupName()).parts());
        nextQuestionOfTheDay(place, now).ifPresent(parts::add);
        List<Button> buttons = new ArrayList<>();
        if (stats.reviewsDue() > 0) {
            buttons.add(PracticeCommands.reviewDue(stats.reviewsDue()));
        }
        for (Period other : Period.values()) {
            if (other != period) {
                buttons.add(new Button(PERIOD_BUTTON + other.name().toLowerCase(Locale.ROOT),
                        "home" + other.name().toLowerCase(Locale.ROOT), "Board: " + Replies.span(other)));
            }
        }
        return new Reply(true, parts, buttons);
    }

    /** The home for another period, replacing the one whose button was pressed; empty if the action is not one. */
    Optional<Reply> pressed(Caller caller, String action) {
        if (action == null || !action.startsWith(PERIOD_BUTTON)) {
            return Optional.empty();
        }
        String period = action.substring(PERIOD_BUTTON.length());
        if (!StandingsCommands.isPeriod(period)) {
            return Optional.empty();
        }
        return Optional.of(run(caller, new Options(Map.of(StandingsCommands.PERIOD.name(), period))).replacingPressed());
    }

    private Optional<Reply.Part> nextQuestionOfTheDay(Place place, Instant now) {
        if (schedules == null || scheduler == null) {
            return Optional.empty();
        }
        return schedules.schedules().stream()
                .filter(schedule -> schedule.place().group().equals(place.group()))
                .map(schedule -> new Next(schedule, scheduler.nextFire(schedule.place())))
                .filter(next -> next.at() != null && next.at().isAfter(now))
                .min(Comparator.comparing(Next::at))
                // As /study schedule says it: in each reader's own zone where the platform can show it.
                .map(next -> new Reply.Note("Next question of the day: #" + Markup.literal(next.schedule().place().channelName())
                        + ", " + ReaderTime.of(next.at(), next.schedule().zone()).token()));
    }

    private record Next(Schedule schedule, Instant at) {
    }
}
