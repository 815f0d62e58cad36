package dev.studybot.discord;

import dev.studybot.study.CommandCatalogue;
import dev.studybot.study.CommandSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandGroupData;

/**
 * The slash commands studybot registers, and their translation into the platform-neutral command text.
 * <p>
 * Discord applies default member permissions to a whole command, never to one subcommand, so the admin
 * subcommands live in a second command, {@code /study-admin}, that only members with Manage Server see by
 * default (server admins can change that under Integrations). {@code /study schedule} shows the schedule
 * to everyone.
 */
final class DiscordCommands {

    static final String STUDY = "study";
    static final String ADMIN = "study-admin";
    static final int MAX_CHOICES = 25;

    private DiscordCommands() {
    }

    static List<CommandData> all() {
        return List.of(study(), admin());
    }

    static CommandData study() {
        return Commands.slash(STUDY, "Study from the team's notes: search, quizzes, scores")
                .setContexts(InteractionContextType.GUILD)
                .addSubcommands(
                        new SubcommandData("search", "The best passages from the notes (only you see them)")
                                .addOptions(new OptionData(OptionType.STRING, "query", "What to look up", true)
                                        .setRequiredLength(1, 200)),
                        new SubcommandData("quiz", "A practice question only you see")
                                .addOptions(new OptionData(OptionType.STRING, "topic", "Limit it to a topic", false,
                                        true)),
                        new SubcommandData("review", "A question you got wrong before"),
                        new SubcommandData("leaderboard", "Ranking of the server or this channel")
                                .addOptions(new OptionData(OptionType.STRING, "period", "Which period (default: week)")
                                                .addChoice("this week", "week")
                                                .addChoice("this month", "month")
                                                .addChoice("all time", "all"),
                                        new OptionData(OptionType.STRING, "scope", "Whole server (default) or this channel")
                                                .addChoice("server", "server")
                                                .addChoice("this channel", "channel")),
                        new SubcommandData("stats", "Points, accuracy, streaks and weakest topics")
                                .addOptions(new OptionData(OptionType.USER, "user", "Whose stats (default: yours)")),
                        new SubcommandData("topics", "What the notes cover, a page at a time")
                                .addOptions(new OptionData(OptionType.STRING, "find",
                                        "A page number, or words the topics are named with").setRequiredLength(1, 100)),
                        new SubcommandData("schedule", "When this channel's next question of the day comes"),
                        new SubcommandData("timezone", "The time zone leaderboard weeks and months run in"),
                        new SubcommandData("about", "Version, notes, questions and uptime"),
                        new SubcommandData("help", "The list of commands"));
    }

    static CommandData admin() {
        return Commands.slash(ADMIN, "Question of the day, time zone and reported questions (Manage Server)")
                .setContexts(InteractionContextType.GUILD)
                .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER))
                .addSubcommands(new SubcommandData("reload", "Re-read the notes folder now and say what changed"))
                .addSubcommandGroups(
                        new SubcommandGroupData("schedule", "This channel's question of the day").addSubcommands(
                                new SubcommandData("set", "Post a question of the day here at a time")
                                        .addOptions(new OptionData(OptionType.STRING, "time", "24-hour HH:MM, e.g. 09:00",
                                                        true).setRequiredLength(4, 5),
                                                zoneOption(false, "Time zone, e.g. Europe/Berlin (default: the server's)"),
                                                new OptionData(OptionType.STRING, "days", "Every day (default) or weekdays")
                                                        .addChoice("daily", "daily")
                                                        .addChoice("weekdays", "weekdays"),
                                                new OptionData(OptionType.STRING, "topics",
                                                        "Only these topics, separated by commas", false, true)),
                                new SubcommandData("off", "Stop the question of the day here")),
                        new SubcommandGroupData("qotd", "Today's question of the day").addSubcommands(
                                new SubcommandData("now", "Post today's question now"),
                                new SubcommandData("reveal", "Reveal today's answer now")),
                        new SubcommandGroupData("timezone", "The server's time zone").addSubcommands(
                                new SubcommandData("set", "Run leaderboard weeks and months in this time zone")
                                        .addOptions(zoneOption(true, "Time zone, e.g. Europe/Berlin"))),
                        new SubcommandGroupData("questions", "Questions members reported or the answers showed wrong")
                                .addSubcommands(
                                        new SubcommandData("flagged", "Reported and retired questions"),
                                        new SubcommandData("show", "What members said and answered about a question")
                                                .addOptions(questionOption()),
                                        new SubcommandData("restore", "Put a retired question back into the pool")
                                                .addOptions(questionOption())));
    }

    private static OptionData questionOption() {
        return new OptionData(OptionType.STRING, "id", "The question's id, as flagged lists it", true)
                .setRequiredLength(1, 40);
    }

    private static OptionData zoneOption(boolean required, String description) {
        return new OptionData(OptionType.STRING, "zone", description, required).setRequiredLength(1, 64);
    }

    /** The key of a subcommand: {@code "search"}, {@code "schedule set"}. */
    static String key(String group, String subcommand) {
        return group == null ? String.valueOf(subcommand) : group + " " + subcommand;
    }

    /** Whether only the caller sees the reply of a subcommand (the catalogue says). */
    static boolean privateReply(String key) {
        return CommandCatalogue.byPath(key).map(CommandSpec::privateReply).orElse(true);
    }

    /** Whether a subcommand touches the database or posts, so it is deferred before the work starts. */
    static boolean slow(String key) {
        return CommandCatalogue.byPath(key).map(CommandSpec::slow).orElse(true);
    }

    /**
     * The command text StudyBot understands for a subcommand and its option values (user options as user ids).
     */
    static String text(String group, String subcommand, Map<String, String> options) {
        List<String> words = new ArrayList<>();
        if (group != null) {
            words.add(group);
        }
        if (subcommand != null) {
            words.add(subcommand);
        }
        String key = key(group, subcommand);
        switch (key) {
            case "search" -> add(words, options.get("query"));
            case "quiz" -> add(words, options.get("topic"));
            case "topics" -> add(words, options.get("find"));
            case "leaderboard" -> {
                add(words, options.get("period"));
                if ("channel".equals(options.get("scope"))) {
                    words.add("channel");
                }
            }
            case "stats" -> add(words, options.get("user"));
            case "schedule" -> words.add("show");
            case "timezone set" -> add(words, options.get("zone"));
            case "questions show", "questions restore" -> add(words, options.get("id"));
            case "schedule set" -> {
                add(words, options.get("time"));
                add(words, options.get("zone"));
                String days = options.get("days");
                String topics = options.get("topics");
                if (days == null && topics != null && !topics.isBlank()) {
                    days = "daily";
                }
                add(words, days);
                if (topics != null) {
                    // A topic may have spaces in it ("Load balancers"): quoted, it stays one word in the text.
                    Arrays.stream(topics.split(",")).map(String::strip).filter(topic -> !topic.isEmpty())
                            .forEach(topic -> words.add(topic.contains(" ") ? "\"" + topic.replaceAll("\\s+", " ") + "\""
                                    : topic));
                }
            }
            default -> {
            }
        }
        return String.join(" ", words);
    }

    private static void add(List<String> words, String value) {
        if (value != null && !value.isBlank()) {
            words.add(value.strip().replaceAll("\\s+", " "));
        }
    }

    /** Up to 25 topics matching what was typed so far, best first. */
    static List<String> complete(List<String> topics, String typed) {
        String prefix = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        List<String> starts = new ArrayList<>();
        List<String> contains = new ArrayList<>();
        for (String topic : topics) {
            String lower = topic.toLowerCase(Locale.ROOT);
            if (topic.isBlank() || topic.length() > 100) {
                continue;
            }
            if (lower.startsWith(prefix)) {
                starts.add(topic);
            } else if (lower.contains(prefix)) {
                contains.add(topic);
            }
        }
        starts.addAll(contains);
        return starts.size() > MAX_CHOICES ? List.copyOf(starts.subList(0, MAX_CHOICES)) : List.copyOf(starts);
    }
}
