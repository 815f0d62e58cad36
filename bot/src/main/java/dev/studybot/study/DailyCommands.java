package dev.studybot.study;

import dev.studybot.chat.Caller;
import dev.studybot.chat.Markup;
import dev.studybot.chat.Reply;
import dev.studybot.qotd.DailyScheduler;
import dev.studybot.qotd.QuestionOfTheDay;
import dev.studybot.domain.Place;
import dev.studybot.store.Schedule;
import dev.studybot.store.ScheduleStore;
import dev.studybot.store.StudyStore;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code /study schedule ...} and {@code /study qotd ...}: the question of the day, for admins. */
final class DailyCommands {

    private static String scheduleUsage(Caller caller) {
        return CommandCatalogue.usages(caller.member().platform(), "schedule set", "schedule", "schedule off");
    }

    private static String qotdUsage(Caller caller) {
        return CommandCatalogue.usages(caller.member().platform(), "qotd now", "qotd reveal");
    }
    private static final Pattern TIME = Pattern.compile("([01]?\\d|2[0-3]):([0-5]\\d)");

    private final QuestionOfTheDay questions;
    private final DailyScheduler scheduler;
    private final ScheduleStore schedules;
    private static final List<String> DAYS = List.of("daily", "weekdays");

    private final StudyStore groups;
    private final QuizPicker pool;

    /** @param pool the questions served, so that a topic no question has is refused rather than saved */
    DailyCommands(QuestionOfTheDay questions, DailyScheduler scheduler, ScheduleStore schedules, StudyStore groups,
                  QuizPicker pool) {
        this.questions = questions;
        this.scheduler = scheduler;
        this.schedules = schedules;
        this.groups = groups;
        this.pool = pool;
    }

    Reply schedule(Caller caller, List<String> args) {
        String action = args.isEmpty() ? "show" : args.get(0).toLowerCase(Locale.ROOT);
        if (List.of("show", "off", "stop", "remove").contains(action) && args.size() > 1) {
            return extra(scheduleUsage(caller), "schedule " + action, args);
        }
        if (action.equals("show")) {
            return show(caller.place());
        }
        if (!caller.admin()) {
            return notAdmin();
        }
        return switch (action) {
            case "set" -> set(caller, args.subList(1, args.size()));
            case "off", "stop", "remove" -> scheduler.off(caller.place())
                    ? Reply.publicly(new Reply.Text("The question of the day is off for #" + caller.place().channelName()
                            + " (turned off by " + Markup.literal(caller.member().displayName()) + ")."))
                    : Reply.privately(new Reply.Text("This channel has no question of the day to turn off."));
            default -> Usage.badArguments(scheduleUsage(caller), "I don't know \"schedule " + action + "\".");
        };
    }

    private Reply set(Caller caller, List<String> args) {
        if (args.isEmpty()) {
            return Usage.badArguments(scheduleUsage(caller), "Say when, e.g. " + CommandCatalogue.typed("schedule set", caller.member().platform())
                    + " 09:00 Europe/Berlin weekdays");
        }
        Matcher time = TIME.matcher(args.get(0));
        if (!time.matches()) {
            return Usage.badArguments(scheduleUsage(caller), "\"" + args.get(0) + "\" is not a time of day; use 24-hour HH:MM, "
                    + "e.g. 09:00 or 17:30.");
        }
        ZoneId zone;
        int next = 1;
        if (args.size() > 1 && ZoneNames.meantAsZone(args.get(1))) {
            Optional<ZoneId> named = ZoneNames.parse(args.get(1));
            if (named.isEmpty()) {
                return Usage.badArguments(scheduleUsage(caller), ZoneNames.unknown(args.get(1)));
            }
            zone = named.get();
            next = 2;
        } else {
            zone = groups.timeZone(caller.place().group());
        }
        boolean weekdays = false;
        if (args.size() > next && DAYS.contains(args.get(next).toLowerCase(Locale.ROOT))) {
            weekdays = args.get(next).equalsIgnoreCase("weekdays");
            next++;
        }
        List<String> topics = args.subList(next, args.size()).stream()
                .flatMap(word -> Arrays.stream(word.split(","))).filter(t -> !t.isBlank()).toList();
        // A topic no question has (often a misspelt "weekdays") would leave the channel with nothing to post.
        for (String topic : topics) {
            if (!pool.covers(topic)) {
                List<String> known = new ArrayList<>(DAYS);
                known.addAll(pool.headingWords());
                return Usage.badArguments(scheduleUsage(caller), "No question is about \"" + Markup.literal(topic) + "\", so"
                        + " nothing was changed." + DidYouMean.sentence(topic, known) + " See /study topics for what the"
                        + " notes cover.");
            }
        }
        Schedule schedule = new Schedule(caller.place(), LocalTime.of(Integer.parseInt(time.group(1)),
                Integer.parseInt(time.group(2))), zone, weekdays, topics);
        scheduler.set(schedule);
        return Reply.publicly(new Reply.Text("Question of the day for #" + caller.place().channelName() + ": "
                + describe(schedule) + " (set by " + Markup.literal(caller.member().displayName()) + ")."));
    }

    private Reply show(Place place) {
        Optional<Schedule> schedule = schedules.schedule(place.channel());
        if (schedule.isEmpty()) {
            return Reply.privately(new Reply.Text("No question of the day here yet. An admin can set one: "
                    + CommandCatalogue.typed("schedule set", place.platform()) + " 09:00 Europe/Berlin weekdays"));
        }
        Instant next = scheduler.nextFire(place);
        String when = next == null ? "" : " Next: " + next.atZone(schedule.get().zone()).toLocalDate() + " at "
                + next.atZone(schedule.get().zone()).toLocalTime() + ".";
        return Reply.privately(new Reply.Text("Question of the day: " + describe(schedule.get()) + "." + when));
    }

    private static String describe(Schedule schedule) {
        return (schedule.weekdaysOnly() ? "weekdays" : "every day") + " at " + schedule.time() + " "
                + schedule.zone().getId() + (schedule.topics().isEmpty() ? "" : ", topics: " + String.join(", ", schedule.topics()));
    }

    Reply qotd(Caller caller, List<String> args) {
        if (!caller.admin()) {
            return notAdmin();
        }
        String action = args.isEmpty() ? "" : args.get(0).toLowerCase(Locale.ROOT);
        if (List.of("now", "reveal").contains(action) && args.size() > 1) {
            return extra(qotdUsage(caller), "qotd " + action, args);
        }
        return switch (action) {
            case "now" -> switch (questions.postNow(caller.place())) {
                case POSTED -> Reply.privately(new Reply.Text("Posted today's question."));
                case DELIVERY_PENDING -> Reply.privately(new Reply.Text("The platform refused today's question for now;"
                        + " I will keep trying and post it as soon as it takes it (the log says why)."));
                case ALREADY_POSTED -> Reply.privately(new Reply.Text(
                        "This channel already has today's question; there is one a day."));
                case NO_QUESTIONS -> Reply.privately(new Reply.Text(
                        "There are no questions to post: add notes (or a *.quiz.md bank)."));
            };
            case "reveal" -> questions.revealNow(caller.place()) ? Reply.privately(new Reply.Text("Revealed."))
                    : Reply.privately(new Reply.Text("There is no open question of the day here to reveal."));
            default -> Usage.badArguments(qotdUsage(caller), "Say \"now\" to post today's question, or \"reveal\".");
        };
    }

    /** A subcommand that takes nothing more was given more: an error, as for every /study command. */
    static Reply extra(String usage, String command, List<String> args) {
        return Usage.badArguments(usage, "/study " + command + " takes nothing after it (got \""
                + Markup.literal(String.join(" ", args.subList(1, args.size()))) + "\").");
    }

    private static Reply notAdmin() {
        return Reply.privately(new Reply.Text("Only admins can do that. Ask one of your admins."));
    }
}
