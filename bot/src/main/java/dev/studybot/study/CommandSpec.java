package dev.studybot.study;

import java.util.List;

/**
 * One {@code /study} command as every platform shows it: the words that name it, what follows them, what it does,
 * who may run it, whether only the caller sees the reply and whether it is slow (touches the database or posts).
 *
 * @param path      the words that name it after {@code /study}: {@code "search"}, {@code "schedule set"}; also the
 *                  key of its Discord subcommand (a group and a subcommand for two words)
 * @param aliases   other first words that name it in typed text ({@code find} for {@code search})
 * @param arguments what follows the path, in usage notation ({@code "<words>"}, {@code "[topic]"}), or empty
 */
public record CommandSpec(String path, List<String> aliases, String arguments, String summary, boolean admin,
                          boolean privateReply, boolean slow) {

    public CommandSpec {
        aliases = List.copyOf(aliases);
    }

    /** The first word of the path: what the typed-text parser dispatches on. */
    public String name() {
        int space = path.indexOf(' ');
        return space < 0 ? path : path.substring(0, space);
    }

    /**
     * How to type it on a platform: {@code /study schedule set HH:MM ...}, or, where admins have their own
     * command (Discord), {@code /study-admin schedule set HH:MM ...}.
     */
    public String usage(boolean separateAdminCommand) {
        return command(separateAdminCommand) + (arguments.isEmpty() ? "" : " " + arguments);
    }

    /** How it starts, without its arguments: {@code /study-admin timezone set}. */
    public String command(boolean separateAdminCommand) {
        return (admin && separateAdminCommand ? "/study-admin " : "/study ") + path;
    }
}
