package dev.studybot.study;

import dev.studybot.chat.Button;
import dev.studybot.chat.Form;
import dev.studybot.chat.Interaction;
import dev.studybot.chat.Markup;
import dev.studybot.chat.Options;
import dev.studybot.chat.Reply;
import dev.studybot.command.CommandCatalogue;
import dev.studybot.store.Schedule;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The question-of-the-day form, {@code /study schedule set} as a dialog: a time, a zone from a list of common ones
 * (or typed), every day or weekdays, and topics from the notes, pre-filled with the channel's schedule. What is sent
 * runs as the typed command, so it is checked the same way and only admins can save it.
 */
final class ScheduleForm {

    static final String ID = "schedule";
    /** The action of the button that opens the form. */
    static final String OPEN = "schedule-form";
    static final String TIME = "time";
    static final String ZONE = "zone";
    static final String OTHER_ZONE = "other_zone";
    static final String DAYS = "days";
    static final String TOPICS = "topics";
    /** The zones offered, west to east; any other is typed in {@link #OTHER_ZONE}. */
    static final List<String> COMMON_ZONES = List.of("America/Los_Angeles", "America/Denver", "America/Chicago",
            "America/New_York", "America/Sao_Paulo", "UTC", "Europe/London", "Europe/Lisbon", "Europe/Paris",
            "Europe/Berlin", "Europe/Madrid", "Europe/Warsaw", "Europe/Helsinki", "Europe/Istanbul", "Europe/Moscow",
            "Africa/Johannesburg", "Asia/Dubai", "Asia/Kolkata", "Asia/Singapore", "Asia/Shanghai", "Asia/Tokyo",
            "Australia/Sydney", "Pacific/Auckland");
    /** Slack's options show 75 characters. */
    private static final int MAX_TOPIC = 75;

    private ScheduleForm() {
    }

    static Button openButton(boolean scheduled) {
        return new Button(OPEN, "sched", scheduled ? "Change schedule…" : "Set a schedule…");
    }

    /**
     * The form, holding {@code current} (or nothing but the group's zone): the zone list has the current zone even
     * when it is not a common one, and the topics the schedule has first, then the notes' topics, up to 25.
     */
    static Form form(Optional<Schedule> current, ZoneId groupZone, QuizPicker pool) {
        String zone = current.map(schedule -> schedule.zone().getId()).orElse(groupZone.getId());
        Set<String> zones = new LinkedHashSet<>();
        if (!COMMON_ZONES.contains(zone)) {
            zones.add(zone);
        }
        zones.addAll(COMMON_ZONES);
        List<Form.Field> fields = new ArrayList<>(List.of(
                new Form.TextField(TIME, "Time (24-hour HH:MM)", "09:00",
                        current.map(schedule -> schedule.time().toString()).orElse(""), true, 5),
                new Form.Select(ZONE, "Time zone", "Pick a time zone",
                        zones.stream().map(id -> new Form.Option(id, id)).toList(), List.of(zone), false, true),
                new Form.TextField(OTHER_ZONE, "Or another time zone", "e.g. Asia/Kathmandu, used instead", "", false,
                        64),
                new Form.Select(DAYS, "Days", "Every day or weekdays", List.of(new Form.Option("daily", "Every day"),
                        new Form.Option("weekdays", "Weekdays (Monday to Friday)")),
                        List.of(current.filter(Schedule::weekdaysOnly).isPresent() ? "weekdays" : "daily"), false, true)));
        List<String> topics = topics(current.map(Schedule::topics).orElse(List.of()), pool);
        if (!topics.isEmpty()) {
            fields.add(new Form.Select(TOPICS, "Topics (none: any topic)", "Any topic",
                    topics.stream().map(topic -> new Form.Option(topic, topic)).toList(),
                    current.map(Schedule::topics).orElse(List.of()), true, false));
        }
        return new Form(ID, "Question of the day", "Save", fields);
    }

    /** The schedule's own topics, then the notes' topics with questions; none that cannot be one option. */
    private static List<String> topics(List<String> scheduled, QuizPicker pool) {
        Map<String, String> byLowerCase = new LinkedHashMap<>();
        List<String> offered = new ArrayList<>(scheduled);
        offered.addAll(pool.topics().keySet().stream().filter(pool::covers).toList());
        for (String topic : offered) {
            // A comma would split it in two when the values are read as the typed command's list.
            if (topic.length() <= MAX_TOPIC && !topic.contains(",") && byLowerCase.size() < Form.MAX_OPTIONS) {
                byLowerCase.putIfAbsent(topic.toLowerCase(Locale.ROOT), topic);
            }
        }
        return List.copyOf(byLowerCase.values());
    }

    /**
     * Saves what was sent as {@code /study schedule set} would, or says per field what is wrong (a zone's problem
     * beside the field it was given in), with a button to open the form again.
     */
    static Reply submitted(Interaction.Submit submit, CommandCatalogue catalogue) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (submit.value(TIME).isEmpty()) {
            problems.put(TIME, "Say when, as 24-hour HH:MM, e.g. 09:00.");
        } else {
            String otherZone = submit.value(OTHER_ZONE);
            Options options = new Options(Map.of("time", submit.value(TIME),
                    "zone", otherZone.isEmpty() ? submit.value(ZONE) : otherZone,
                    "days", submit.value(DAYS), "topics", String.join(",", submit.values(TOPICS))));
            Reply reply = catalogue.run(new Interaction.Command(submit.caller(), DailyCommands.SET.path(), options));
            if (reply.fieldErrors().isEmpty()) {
                return reply;
            }
            reply.fieldErrors().forEach((option, problem) ->
                    problems.put(option.equals("zone") && !otherZone.isEmpty() ? OTHER_ZONE : option, problem));
        }
        List<String> lines = new ArrayList<>();
        problems.forEach((field, problem) -> lines.add("**" + label(field) + ":** " + Markup.literal(problem)));
        return new Reply(true, List.of(new Reply.Text("Nothing was changed:"), new Reply.Lines(lines),
                new Reply.FieldErrors(problems)), List.of(new Button(OPEN, "sched", "Open the form again")));
    }

    private static String label(String field) {
        return switch (field) {
            case TIME -> "Time";
            case OTHER_ZONE, ZONE -> "Time zone";
            case DAYS -> "Days";
            default -> "Topics";
        };
    }
}
