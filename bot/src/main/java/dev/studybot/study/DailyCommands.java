package dev.studybot.study;

import dev.studybot.chat.Button;
import dev.studybot.chat.Caller;
import dev.studybot.chat.Markup;
import dev.studybot.chat.Options;
import dev.studybot.chat.ReaderTime;
import dev.studybot.chat.Reply;
import dev.studybot.chat.CommandSpec;
import dev.studybot.command.DidYouMean;
import dev.studybot.chat.OptionSpec;
import dev.studybot.chat.OptionSpec.Choice;
import dev.studybot.command.StudyCommand;
import dev.studybot.command.Usage;
import dev.studybot.domain.Place;
import dev.studybot.qotd.DailyScheduler;
import dev.studybot.qotd.QuestionOfTheDay;
import dev.studybot.store.Schedule;
import dev.studybot.store.ScheduleStore;
import dev.studybot.store.StudyStore;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code /study schedule ...} and {@code /study qotd ...}: the question of the day; all but showing it for admins. */
final class DailyCommands {

    static final CommandSpec SHOW = CommandSpec.everyone("schedule", "when this channel's next question of the day comes",
            true, true).alias("schedule show");
    static final CommandSpec SET = CommandSpec.admin("schedule set",
                    "post a question of the day here every day (or weekday) at that time", false)
            .option(OptionSpec.word("time", "HH:MM", "24-hour HH:MM, e.g. 09:00").asRequired().maxLength(5))
            .option(OptionSpec.word("zone", "zone", "Time zone, e.g. Europe/Berlin (default: the group's)")
                    .onlyIf(ZoneNames::meantAsZone).maxLength(64).suggestingTimeZones())
            .option(OptionSpec.choice("days", "Every day (default) or weekdays", new Choice("daily", "daily"),
                    new Choice("weekdays", "weekdays")))
            .option(OptionSpec.list("topics", "topics", "Only these topics, separated by commas").suggestingTopics());
    static final CommandSpec OFF = CommandSpec.admin("schedule off", "stop the question of the day here", false)
            .alias("schedule stop", "schedule remove");
    static final CommandSpec NOW = CommandSpec.admin("qotd now", "post today's question now", true);
    static final CommandSpec REVEAL = CommandSpec.admin("qotd reveal", "reveal today's answer now", true);
    private static final List<CommandSpec> ALL = List.of(SHOW, SET, OFF, NOW, REVEAL);
    private static final Pattern TIME = Pattern.compile("([01]?\\d|2[0-3]):([0-5]\\d)");

    private DailyCommands() {
    }

    /**
     * @param pool the questions served, so that a topic no question has is refused rather than saved
     * @param daily the question of the day, or null where it is not running (then its commands say so)
     */
    static List<StudyCommand> all(StudyBot.DailyQuestions daily, StudyStore groups, QuizPicker pool) {
        if (daily == null) {
            return ALL.stream().<StudyCommand>map(NotRunning::new).toList();
        }
        return List.of(new ShowSchedule(daily.schedules(), daily.scheduler()),
                new SetSchedule(daily.schedules(), daily.scheduler(), groups, pool), new TurnOff(daily.scheduler()),
                new PostNow(daily.questions()), new RevealNow(daily.questions()));
    }

    record NotRunning(CommandSpec spec) implements StudyCommand {
        @Override
        public Reply run(Caller caller, Options options) {
            return Reply.privately(new Reply.Text("The question of the day is not running in this bot."));
        }
    }

    private record ShowSchedule(ScheduleStore schedules, DailyScheduler scheduler) implements StudyCommand {
        @Override
        public CommandSpec spec() {
            return SHOW;
        }

        @Override
        public Reply run(Caller caller, Options options) {
            Place place = caller.place();
            Optional<Schedule> schedule = schedules.schedule(place.channel());
            // An admin may open the schedule form from here; the button is the way in on Discord.
            List<Button> change = caller.admin() ? List.of(ScheduleForm.openButton(schedule.isPresent())) : List.of();
            if (schedule.isEmpty()) {
                return new Reply(true, List.of(new Reply.Text("No question of the day here yet. An admin can set one: "
                        + SET.command(place.platform()) + " 09:00 Europe/Berlin weekdays")), change);
            }
            Instant next = scheduler.nextFire(place);
            // Each reader sees the next question's time in their own zone where the platform can show it.
            String when = next == null ? "" : " Next question: " + ReaderTime.of(next, schedule.get().zone()).token() + ".";
            // The name, not the mention itself: showing the schedule notifies nobody.
            String mentions = schedules.mentions().mention(place.channel())
                    .map(mention -> " It mentions " + Markup.literal(mention.name()) + ".").orElse("");
            return new Reply(true, List.of(new Reply.Text("Question of the day: " + describe(schedule.get()) + "." + when
                    + mentions)), change);
        }
    }

    private record SetSchedule(ScheduleStore schedules, DailyScheduler scheduler, StudyStore groups, QuizPicker pool)
            implements StudyCommand {
        @Override
        public CommandSpec spec() {
            return SET;
        }

        /**
         * Without a time, the schedule form (pre-filled with this channel's schedule) where the platform can open one,
         * else how to type it; every problem with what was given is named per option, for the form's fields.
         */
        @Override
        public Reply run(Caller caller, Options options) {
            String usage = SET.usage(caller.member().platform());
            Optional<String> typedTime = options.get("time");
            if (typedTime.isEmpty()) {
                return Usage.badArguments(usage, "Say when, e.g. " + SET.command(caller.member().platform())
                        + " 09:00 Europe/Berlin weekdays", new Reply.OpenForm(ScheduleForm.form(
                                schedules.schedule(caller.place().channel()), groups.timeZone(caller.place().group()),
                                pool)));
            }
            Map<String, String> problems = new LinkedHashMap<>();
            Matcher time = TIME.matcher(typedTime.get());
            if (!time.matches()) {
                problems.put("time", "\"" + Markup.literal(typedTime.get()) + "\" is not a time of day; use 24-hour"
                        + " HH:MM, e.g. 09:00 or 17:30.");
            }
            Optional<String> typedZone = options.get("zone");
            Optional<ZoneId> zone = typedZone.isEmpty()
                    ? Optional.of(groups.timeZone(caller.place().group()))
                    : ZoneNames.parse(typedZone.get());
            if (zone.isEmpty()) {
                problems.put("zone", ZoneNames.unknown(typedZone.get()));
            }
            List<String> topics = Arrays.stream(options.text("topics").split(",")).map(String::strip)
                    .filter(topic -> !topic.isEmpty()).map(topic -> topic.replaceAll("\\s+", " ")).toList();
            // A topic no question has (often a misspelt "weekdays") would leave the channel with nothing to post.
            topics.stream().filter(topic -> !pool.covers(topic)).findFirst().ifPresent(topic -> {
                List<String> known = new ArrayList<>(List.of("daily", "weekdays"));
                known.addAll(pool.headingWords());
                problems.put("topics", "No question is about \"" + Markup.literal(topic) + "\", so nothing was"
                        + " changed." + DidYouMean.sentence(topic, known) + " See /study topics for what the notes cover.");
            });
            if (!problems.isEmpty()) {
                Map<String, String> plain = new LinkedHashMap<>();
                problems.forEach((option, problem) -> plain.put(option, Markup.unescape(problem)));
                return Usage.badArguments(usage, problems.values().iterator().next(), new Reply.FieldErrors(plain));
            }
            Schedule schedule = new Schedule(caller.place(), LocalTime.of(Integer.parseInt(time.group(1)),
                    Integer.parseInt(time.group(2))), zone.get(), options.text("days").equals("weekdays"), topics);
            scheduler.set(schedule);
            return Reply.publicly(new Reply.Text("Question of the day for #" + caller.place().channelName() + ": "
                    + describe(schedule) + " (set by " + Markup.literal(caller.member().displayName()) + ")."));
        }
    }

    private record TurnOff(DailyScheduler scheduler) implements StudyCommand {
        @Override
        public CommandSpec spec() {
            return OFF;
        }

        @Override
        public Reply run(Caller caller, Options options) {
            return scheduler.off(caller.place())
                    ? Reply.publicly(new Reply.Text("The question of the day is off for #" + caller.place().channelName()
                            + " (turned off by " + Markup.literal(caller.member().displayName()) + ")."))
                    : Reply.privately(new Reply.Text("This channel has no question of the day to turn off."));
        }
    }

    private record PostNow(QuestionOfTheDay questions) implements StudyCommand {
        @Override
        public CommandSpec spec() {
            return NOW;
        }

        @Override
        public Reply run(Caller caller, Options options) {
            return Reply.privately(new Reply.Text(switch (questions.postNow(caller.place())) {
                case POSTED -> "Posted today's question.";
                case DELIVERY_PENDING -> "The platform refused today's question for now; I will keep trying and post it"
                        + " as soon as it takes it (the log says why).";
                case ALREADY_POSTED -> "This channel already has today's question; there is one a day.";
                case NO_QUESTIONS -> "There are no questions to post: add notes (or a *.quiz.md bank).";
            }));
        }
    }

    private record RevealNow(QuestionOfTheDay questions) implements StudyCommand {
        @Override
        public CommandSpec spec() {
            return REVEAL;
        }

        @Override
        public Reply run(Caller caller, Options options) {
            return Reply.privately(new Reply.Text(questions.revealNow(caller.place()) ? "Revealed."
                    : "There is no open question of the day here to reveal."));
        }
    }

    private static String describe(Schedule schedule) {
        return (schedule.weekdaysOnly() ? "weekdays" : "every day") + " at " + schedule.time() + " "
                + schedule.zone().getId() + (schedule.topics().isEmpty() ? "" : ", topics: " + String.join(", ", schedule.topics()));
    }
}
