package dev.studybot.discord;

import dev.studybot.chat.CommandSpec;
import dev.studybot.chat.OptionSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandGroupData;

/**
 * The slash commands studybot registers, read from the command catalogue: a one-word command is a subcommand, a
 * two-word one a subcommand of a group, and each typed option an option of the same name.
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
    private static final int MAX_DESCRIPTION = 100;

    private DiscordCommands() {
    }

    /** The message context command: right-click (or long-press) a message → Apps → Look up in notes. */
    static final String LOOK_UP = "Look up in notes";

    static List<CommandData> all(List<CommandSpec> commands) {
        return List.of(study(commands), admin(commands), Commands.message(LOOK_UP).setContexts(InteractionContextType.GUILD));
    }

    static SlashCommandData study(List<CommandSpec> commands) {
        return withSubcommands(Commands.slash(STUDY, "Study from the team's notes: search, quizzes, scores")
                .setContexts(InteractionContextType.GUILD), commands.stream().filter(spec -> !spec.admin()).toList());
    }

    static SlashCommandData admin(List<CommandSpec> commands) {
        return withSubcommands(Commands.slash(ADMIN, "Question of the day, time zone and reported questions (Manage Server)")
                .setContexts(InteractionContextType.GUILD)
                .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER)),
                commands.stream().filter(CommandSpec::admin).toList());
    }

    private static SlashCommandData withSubcommands(SlashCommandData command, List<CommandSpec> specs) {
        Map<String, List<SubcommandData>> groups = new LinkedHashMap<>();
        for (CommandSpec spec : specs) {
            String[] words = spec.path().split(" ");
            SubcommandData subcommand = new SubcommandData(words[words.length - 1], description(spec.summary()))
                    .addOptions(spec.options().stream().map(DiscordCommands::option).toList());
            if (words.length == 1) {
                command.addSubcommands(subcommand);
            } else {
                groups.computeIfAbsent(words[0], group -> new ArrayList<>()).add(subcommand);
            }
        }
        groups.forEach((group, subcommands) -> command.addSubcommandGroups(new SubcommandGroupData(group,
                description(group + ": " + String.join(", ", subcommands.stream().map(SubcommandData::getName).toList())))
                .addSubcommands(subcommands)));
        return command;
    }

    private static OptionData option(OptionSpec spec) {
        OptionType type = switch (spec.kind()) {
            case USER -> OptionType.USER;
            case MENTION -> OptionType.ROLE;
            default -> OptionType.STRING;
        };
        OptionData option = new OptionData(type, spec.name(), description(spec.description()), spec.required(),
                spec.suggests() != OptionSpec.Suggestions.NONE);
        if (spec.maxLength() > 0) {
            option.setRequiredLength(1, spec.maxLength());
        }
        spec.choices().forEach(choice -> option.addChoice(choice.label(), choice.value()));
        if (spec.kind() == OptionSpec.Kind.CHANNEL) {
            // Not a word the channel parser knows, so it means the whole server.
            option.addChoice("server", "server").addChoice("this channel", "here");
        }
        return option;
    }

    private static String description(String text) {
        String capitalised = text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
        return capitalised.length() <= MAX_DESCRIPTION ? capitalised : capitalised.substring(0, MAX_DESCRIPTION - 1) + "…";
    }

    /** The catalogue's path of a subcommand: {@code "search"}, {@code "schedule set"}. */
    static String path(String group, String subcommand) {
        return group == null ? String.valueOf(subcommand) : group + " " + subcommand;
    }

    /** The time zones a zone option suggests: UTC, then the region ones (Europe/Berlin) as Java knows them, sorted. */
    static final List<String> TIME_ZONES = java.util.stream.Stream.concat(java.util.stream.Stream.of("UTC"),
            java.time.ZoneId.getAvailableZoneIds().stream()
                    .filter(zone -> zone.contains("/") && !zone.startsWith("Etc/") && !zone.startsWith("SystemV/"))
                    .sorted()).toList();

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
