package dev.studybot.study;

import dev.studybot.chat.Caller;
import dev.studybot.chat.Markup;
import dev.studybot.chat.Options;
import dev.studybot.chat.Reply;
import dev.studybot.chat.CommandSpec;
import dev.studybot.chat.OptionSpec;
import dev.studybot.command.StudyCommand;
import dev.studybot.command.Usage;
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
final class TimeZoneCommands {

    static final CommandSpec SHOW = CommandSpec.everyone("timezone", "the zone leaderboard weeks and months run in",
            true, false).alias("tz", "timezone show", "tz show");
    static final CommandSpec SET = CommandSpec.admin("timezone set", "run leaderboard weeks and months in that zone", false)
            .alias("tz set").option(OptionSpec.word("zone", "zone", "Time zone, e.g. Europe/Berlin").asRequired().maxLength(64)
                    .suggestingTimeZones());
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);

    private TimeZoneCommands() {
    }

    static List<StudyCommand> all(StudyStore store, Clock clock) {
        return List.of(new Show(store, clock), new Set(store));
    }

    private record Show(StudyStore store, Clock clock) implements StudyCommand {
        @Override
        public CommandSpec spec() {
            return SHOW;
        }

        @Override
        public Reply run(Caller caller, Options options) {
            ZoneId zone = store.timeZone(caller.place().group());
            return Reply.privately(new Reply.Text("Leaderboard weeks and months here run in " + zone.getId()
                            + " time (it is " + LOCAL_TIME.format(clock.instant().atZone(zone)) + " there)."),
                    new Reply.Note("Admins can change it, e.g. " + SET.command(caller.member().platform()) + " Europe/Berlin"));
        }
    }

    private record Set(StudyStore store) implements StudyCommand {
        @Override
        public CommandSpec spec() {
            return SET;
        }

        @Override
        public Reply run(Caller caller, Options options) {
            Place place = caller.place();
            String usage = SET.usage(caller.member().platform());
            Optional<String> typed = options.get("zone");
            if (typed.isEmpty()) {
                return Usage.badArguments(usage, "Say which time zone, e.g. " + SET.command(caller.member().platform())
                        + " Europe/Berlin");
            }
            Optional<ZoneId> zone = ZoneNames.parse(typed.get());
            if (zone.isEmpty()) {
                return Usage.badArguments(usage, ZoneNames.unknown(typed.get()));
            }
            store.setTimeZone(place.group(), zone.get());
            return Reply.publicly(new Reply.Text("Leaderboard weeks and months now run in " + zone.get().getId()
                            + " time (set by " + Markup.literal(caller.member().displayName()) + "); past answers count for"
                            + " the weeks and months of that zone."),
                    new Reply.Note("Schedules set without a zone use it too; existing schedules keep theirs."));
        }
    }
}
