package dev.studybot.study;

import dev.studybot.chat.Caller;
import dev.studybot.chat.CommandSpec;
import dev.studybot.chat.Interaction;
import dev.studybot.chat.Markup;
import dev.studybot.chat.OptionSpec;
import dev.studybot.chat.OptionSpec.Choice;
import dev.studybot.chat.Options;
import dev.studybot.chat.Reply;
import dev.studybot.command.ChannelWord;
import dev.studybot.command.StudyCommand;
import dev.studybot.command.Usage;
import dev.studybot.domain.Member;
import dev.studybot.domain.Period;
import dev.studybot.domain.Scope;
import dev.studybot.store.StudyStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@code /study leaderboard [week|month|all] [here] [chart]} and {@code /study stats [user]}: who leads, and how one does. */
final class StandingsCommands {

    /** The period a board covers, as leaderboard and home take it. */
    static final OptionSpec PERIOD = OptionSpec.choice("period", "Which period (default: week)",
            new Choice("week", "this week", List.of("weekly")),
            new Choice("month", "this month", List.of("monthly")),
            new Choice("all", "all time", List.of("alltime", "all-time", "ever")));

    static final CommandSpec LEADERBOARD = new CommandSpec("leaderboard", List.of("leaders", "top", "board"), List.of(),
            "who leads (default: this week, whole group; here: this channel)", false, false, true)
            .option(PERIOD)
            .option(OptionSpec.here("scope", "Whole group (default) or this channel"))
            .option(OptionSpec.choice("show", "Attach a chart of the board (PNG)",
                    new Choice("chart", "with a chart", List.of("graph"))));
    static final CommandSpec STATS = CommandSpec.everyone("stats", "points, accuracy, streaks and weakest topics", true, true)
            .alias("me").option(OptionSpec.user("user", "Whose stats (default: yours)"));
    /** How many rows a board shows. */
    static final int TOP = 10;
    /** The action of a period in the board's menu: {@code board-period:month}, {@code board-period:all:here}. */
    private static final String BOARD_PERIOD = "board-period:";
    private static final String HERE = "here";

    private StandingsCommands() {
    }

    /** The period {@link #PERIOD} holds: this week unless another was chosen. */
    static Period period(Options options) {
        return Period.valueOf(options.get(PERIOD.name()).orElse("week").toUpperCase(Locale.ROOT));
    }

    /** Whether {@code value} is one of {@link #PERIOD}'s values, exactly as it holds them. */
    static boolean isPeriod(String value) {
        return PERIOD.choices().stream().anyMatch(choice -> choice.value().equals(value));
    }

    /**
     * The leaderboard a period chosen in a board's menu stands for (same scope), to take the board's place; empty when
     * the action is no such choice.
     */
    static Optional<Interaction.Command> boardFor(Caller caller, String action) {
        if (action == null || !action.startsWith(BOARD_PERIOD)) {
            return Optional.empty();
        }
        String[] words = action.substring(BOARD_PERIOD.length()).split(":", -1);
        if (!isPeriod(words[0]) || words.length > 2 || (words.length == 2 && !words[1].equals(HERE))) {
            return Optional.empty();
        }
        Map<String, String> options = new HashMap<>(Map.of(PERIOD.name(), words[0]));
        if (words.length == 2) {
            options.put("scope", HERE);
        }
        return Optional.of(new Interaction.Command(caller, LEADERBOARD.path(), new Options(options)));
    }

    /** The board's period menu: each period, this one selected, for the same scope. */
    private static Reply.Menu periodMenu(Period shown, Scope scope) {
        List<Reply.MenuOption> options = new ArrayList<>();
        for (Choice choice : PERIOD.choices()) {
            options.add(new Reply.MenuOption(BOARD_PERIOD + choice.value() + (scope == Scope.CHANNEL ? ":" + HERE : ""),
                    "Board: " + choice.label(), choice.value().equals(shown.name().toLowerCase(Locale.ROOT))));
        }
        return new Reply.Menu("Period", options);
    }

    static List<StudyCommand> all(StudyStore store, Clock clock) {
        return List.of(new Leaderboard(store, clock), new Stats(store, clock));
    }

    private record Leaderboard(StudyStore store, Clock clock) implements StudyCommand {
        @Override
        public CommandSpec spec() {
            return LEADERBOARD;
        }

        @Override
        public Reply run(Caller caller, Options options) {
            Period period = period(options);
            Scope scope = Scope.GROUP;
            Optional<String> channel = options.get("scope");
            if (channel.isPresent()) {
                ChannelWord.Meaning meaning = ChannelWord.read(channel.get(), caller.place());
                if (meaning == ChannelWord.Meaning.OTHER_CHANNEL) {
                    return Usage.badArguments(LEADERBOARD.usage(caller.member().platform()), "A channel's board is shown"
                            + " in that channel: run this there, or say \"here\" for #"
                            + Markup.literal(caller.place().channelName()) + ".");
                }
                scope = meaning == ChannelWord.Meaning.THIS_CHANNEL ? Scope.CHANNEL : Scope.GROUP;
            }
            String where = scope == Scope.CHANNEL ? caller.place().channelName() : caller.place().groupName();
            dev.studybot.store.Leaderboard board = store.leaderboard(caller.place(), scope, period,
                    caller.member().key(), TOP, clock.instant());
            Reply text = Replies.leaderboard(board, where);
            List<Reply.Part> parts = new ArrayList<>(text.parts());
            parts.add(periodMenu(period, scope));
            Reply reply = new Reply(text.privateTo(), parts, text.buttons());
            return options.get("show").isPresent() ? LeaderboardChart.attachedTo(reply, board, Replies.boardTitle(board, where))
                    : reply;
        }
    }

    private record Stats(StudyStore store, Clock clock) implements StudyCommand {
        @Override
        public CommandSpec spec() {
            return STATS;
        }

        @Override
        public Reply run(Caller caller, Options options) {
            Member member = caller.member();
            Optional<String> who = options.get("user");
            if (who.isPresent()) {
                String name = who.get().startsWith("@") ? who.get().substring(1) : who.get();
                Optional<Member> found = store.findMember(member.platform(), name);
                if (found.isEmpty()) {
                    return Reply.privately(new Reply.Text("I have no record of \"" + Markup.literal(who.get()) + "\" yet."));
                }
                member = found.get();
            }
            return Replies.stats(store.stats(caller.place(), member.key(), clock.instant()));
        }
    }
}
