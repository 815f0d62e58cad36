package dev.studybot.study;

import java.util.List;
import java.util.Optional;

/**
 * Every {@code /study} command, in the order the help lists them. The help text on each platform, the typed-text
 * dispatch's names and aliases, and the Discord registration's reply and deferral choices are all read from here;
 * tests fail when the Discord registration, the Slack manifest or the dispatch disagree with it.
 */
public final class CommandCatalogue {

    /** The platform whose admin commands live under their own command, {@code /study-admin}. */
    public static final String SEPARATE_ADMIN_PLATFORM = "discord";

    public static final List<CommandSpec> ALL = List.of(
            everyone("search", List.of("find", "lookup"), "<words>", "look something up in the notes", true, false),
            everyone("quiz", List.of("practice"), "[topic]", "a practice question only you see", true, true),
            everyone("review", List.of(), "", "a question you got wrong before, back for another try", true, true),
            everyone("leaderboard", List.of("leaders", "top", "board"), "[week|month|all] [here]",
                    "who leads (default: this week, whole group; here: this channel)", false, true),
            everyone("stats", List.of("me"), "[user]", "points, accuracy, streaks and weakest topics", true, true),
            everyone("topics", List.of(), TopicsCommand.ARGUMENTS,
                    "what the notes cover, a page at a time, or those named like the words", true, false),
            everyone("schedule", List.of(), "", "when this channel's next question of the day comes", true, true),
            admin("schedule set", "HH:MM [zone] [daily|weekdays] [topics]",
                    "post a question of the day here every day (or weekday) at that time", false),
            admin("schedule off", "", "stop the question of the day here", false),
            admin("qotd now", "", "post today's question now", true),
            admin("qotd reveal", "", "reveal today's answer now", true),
            everyone("timezone", List.of("tz"), "", "the zone leaderboard weeks and months run in", true, false),
            admin("timezone set", "<zone>", "run leaderboard weeks and months in that zone", false),
            everyone("about", List.of("version"), "", "version, notes, questions and uptime", true, false),
            admin("reload", "", "re-read the notes folder now and say what changed", true),
            admin("questions flagged", "", "reported and retired questions", true),
            admin("questions show", "<id>", "one question's answers and reports", true),
            admin("questions restore", "<id>", "put a retired question back into the pool", true),
            everyone("help", List.of("?"), "", "this list", true, false));

    private CommandCatalogue() {
    }

    private static CommandSpec everyone(String path, List<String> aliases, String arguments, String summary,
                                        boolean privateReply, boolean slow) {
        return new CommandSpec(path, aliases, arguments, summary, false, privateReply, slow);
    }

    /** Admin commands touch the store or the scheduler, so they are all slow. */
    private static CommandSpec admin(String path, String arguments, String summary, boolean privateReply) {
        return new CommandSpec(path, List.of(), arguments, summary, true, privateReply, true);
    }

    /** The command a path names, if any. */
    public static Optional<CommandSpec> byPath(String path) {
        return ALL.stream().filter(spec -> spec.path().equals(path)).findFirst();
    }

    /** The first word every name or alias in typed text stands for: {@code find} is {@code search}. */
    public static Optional<String> nameFor(String word) {
        return ALL.stream().filter(spec -> spec.name().equals(word) || spec.aliases().contains(word))
                .map(CommandSpec::name).findFirst();
    }

    /** The help lines for a platform: each command's usage and what it does. */
    public static List<String> helpLines(String platform) {
        return ALL.stream().map(spec -> spec.usage(separateAdmin(platform)) + " - " + spec.summary() + (spec.admin() ? " (admins)" : ""))
                .toList();
    }

    /** How to type a command on a platform, with its arguments: {@code /study-admin timezone set <zone>}. */
    public static String usage(String path, String platform) {
        return spec(path).usage(separateAdmin(platform));
    }

    /** Several commands' usages on a platform, for the usage note of a command used wrongly. */
    public static String usages(String platform, String... paths) {
        return java.util.Arrays.stream(paths).map(path -> usage(path, platform))
                .collect(java.util.stream.Collectors.joining(" | "));
    }

    /** How a command starts on a platform, for examples in replies: {@code /study-admin timezone set}. */
    public static String typed(String path, String platform) {
        return spec(path).command(separateAdmin(platform));
    }

    private static boolean separateAdmin(String platform) {
        return SEPARATE_ADMIN_PLATFORM.equals(platform);
    }

    private static CommandSpec spec(String path) {
        return byPath(path).orElseThrow(() -> new IllegalArgumentException("No command " + path));
    }
}
