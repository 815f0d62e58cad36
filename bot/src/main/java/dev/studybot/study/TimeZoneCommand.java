package dev.studybot.study;

import dev.studybot.chat.Caller;
import dev.studybot.chat.Markup;
import dev.studybot.chat.Reply;
import dev.studybot.domain.Place;
import dev.studybot.store.StudyStore;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code /study timezone [set ZONE]}: the time zone the group's leaderboard weeks and months run in, which is
 * also the zone of schedules set without one. Until an admin sets it, the group follows the bot's default.
 */
final class TimeZoneCommand {

    private static String usage(Caller caller) {
        return CommandCatalogue.usages(caller.member().platform(), "timezone", "timezone set");
    }
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);

    private final StudyStore store;
    private final Clock clock;

    TimeZoneCommand(StudyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    Reply handle(Caller caller, List<String> args) {
        Place place = caller.place();
        if (args.size() > 1 && args.get(0).equalsIgnoreCase("show")) {
            return DailyCommands.extra(usage(caller), "timezone show", args);
        }
        if (args.isEmpty() || args.get(0).equalsIgnoreCase("show")) {
            ZoneId zone = store.timeZone(place.group());
            return Reply.privately(new Reply.Text("Leaderboard weeks and months here run in " + zone.getId()
                            + " time (it is " + LOCAL_TIME.format(clock.instant().atZone(zone)) + " there)."),
                    new Reply.Note("Admins can change it, e.g. "
                            + CommandCatalogue.typed("timezone set", caller.member().platform()) + " Europe/Berlin"));
        }
        if (!args.get(0).equalsIgnoreCase("set")) {
            return Usage.badArguments(usage(caller), "I don't know \"timezone " + args.get(0) + "\".");
        }
        if (!caller.admin()) {
            return Reply.privately(new Reply.Text("Only an admin can change the group's time zone."));
        }
        if (args.size() != 2) {
            return Usage.badArguments(usage(caller), "Say which time zone, e.g. "
                    + CommandCatalogue.typed("timezone set", caller.member().platform()) + " Europe/Berlin");
        }
        Optional<ZoneId> zone = ZoneNames.parse(args.get(1));
        if (zone.isEmpty()) {
            return Usage.badArguments(usage(caller), ZoneNames.unknown(args.get(1)));
        }
        store.setTimeZone(place.group(), zone.get());
        return Reply.publicly(new Reply.Text("Leaderboard weeks and months now run in " + zone.get().getId()
                        + " time (set by " + Markup.literal(caller.member().displayName()) + "); past answers count for the weeks and"
                        + " months of that zone."),
                new Reply.Note("Schedules set without a zone use it too; existing schedules keep theirs."));
    }
}
