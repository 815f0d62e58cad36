package dev.studybot.chat;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One {@code /study} command as every platform shows it: the words that name it, its options, what it does, who may
 * run it, whether only the caller sees the reply and whether it is slow (touches the database or posts).
 *
 * @param path    the words that name it after {@code /study}: {@code "search"}, {@code "schedule set"}; also the
 *                key of its Discord subcommand (a group and a subcommand for two words)
 * @param aliases other words that name it in typed text: {@code find} for {@code search}, {@code schedule stop}
 *                for {@code schedule off}
 */
public record CommandSpec(String path, List<String> aliases, List<OptionSpec> options, String summary, boolean admin,
                          boolean privateReply, boolean slow) {

    /** The platform whose admin commands live under their own command, {@code /study-admin}. */
    public static final String SEPARATE_ADMIN_PLATFORM = "discord";

    public CommandSpec {
        aliases = List.copyOf(aliases);
        options = List.copyOf(options);
    }

    /** A command everyone may run. */
    public static CommandSpec everyone(String path, String summary, boolean privateReply, boolean slow) {
        return new CommandSpec(path, List.of(), List.of(), summary, false, privateReply, slow);
    }

    /** An admin command; they all touch the store or the scheduler, so they are all slow. */
    public static CommandSpec admin(String path, String summary, boolean privateReply) {
        return new CommandSpec(path, List.of(), List.of(), summary, true, privateReply, true);
    }

    public CommandSpec alias(String... more) {
        return new CommandSpec(path, concat(aliases, List.of(more)), options, summary, admin, privateReply, slow);
    }

    public CommandSpec option(OptionSpec option) {
        return new CommandSpec(path, aliases, concat(options, List.of(option)), summary, admin, privateReply, slow);
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }

    /** The first word of the path: the Discord subcommand group of a two-word path. */
    public String name() {
        int space = path.indexOf(' ');
        return space < 0 ? path : path.substring(0, space);
    }

    /** What follows the path, in usage notation: {@code <words>}, {@code [week|month|all] [here]}. */
    public String arguments() {
        return options.stream().map(OptionSpec::usage).collect(Collectors.joining(" "));
    }

    /**
     * How to type it on a platform: {@code /study schedule set <HH:MM> ...}, or, where admins have their own command
     * (Discord), {@code /study-admin schedule set <HH:MM> ...}.
     */
    public String usage(String platform) {
        String arguments = arguments();
        return command(platform) + (arguments.isEmpty() ? "" : " " + arguments);
    }

    /** How it starts on a platform, without its options: {@code /study-admin timezone set}. */
    public String command(String platform) {
        return (admin && SEPARATE_ADMIN_PLATFORM.equals(platform) ? "/study-admin " : "/study ") + path;
    }
}
