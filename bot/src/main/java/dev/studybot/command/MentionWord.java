package dev.studybot.command;

import dev.studybot.chat.Markup;
import dev.studybot.domain.Mention;
import dev.studybot.domain.Place;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word that names a group to notify: a Slack user group ({@code <!subteam^S0123|@oncall>} as Slack escapes it, or
 * its id {@code S0123}), a Discord role ({@code <@&123>}, how the Discord adapter hands over a role option), or on
 * the console {@code @name}. Everyone, here and single people are refused: the question of the day notifies only
 * those who joined a group for it.
 */
public final class MentionWord {

    private static final Pattern SLACK_GROUP = Pattern.compile("<!subteam\\^([A-Z0-9]+)(?:\\|([^>]*))?>");
    private static final Pattern SLACK_GROUP_ID = Pattern.compile("S[A-Z0-9]{6,}");
    private static final Pattern DISCORD_ROLE = Pattern.compile("<@&(\\d+)>");
    private static final Pattern PERSON = Pattern.compile("<@!?[A-Z0-9]+(?:\\|[^>]*)?>");
    private static final Pattern EVERYONE = Pattern.compile("<!(everyone|here|channel)(?:\\|[^>]*)?>");
    private static final Set<String> EVERYONE_WORDS = Set.of("@everyone", "@here", "@channel", "everyone", "here",
            "channel");
    private static final Pattern CONSOLE_NAME = Pattern.compile("@[\\w.-]+");

    /** A group to mention, or why the word names none. */
    public record Read(Optional<Mention> mention, String problem) {
        static Read of(Mention mention) {
            return new Read(Optional.of(mention), null);
        }

        static Read refused(String problem) {
            return new Read(Optional.empty(), problem);
        }
    }

    private MentionWord() {
    }

    public static Read read(String word, Place here) {
        String platform = here.platform();
        String typed = word.strip();
        if (EVERYONE_WORDS.contains(typed.toLowerCase(Locale.ROOT)) || EVERYONE.matcher(typed).matches()) {
            return everyone(platform);
        }
        Matcher slack = SLACK_GROUP.matcher(typed);
        if (slack.matches()) {
            String name = slack.group(2) == null || slack.group(2).isBlank() ? slack.group(1) : slack.group(2);
            return Read.of(new Mention(slack.group(1), name));
        }
        if (platform.equals("slack") && SLACK_GROUP_ID.matcher(typed).matches()) {
            return Read.of(new Mention(typed, typed));
        }
        Matcher role = DISCORD_ROLE.matcher(typed);
        if (role.matches()) {
            // Discord's @everyone role has the server's own id.
            return role.group(1).equals(here.groupId()) ? everyone(platform)
                    : Read.of(new Mention(role.group(1), typed));
        }
        if (PERSON.matcher(typed).matches()) {
            return Read.refused("That is one person; the question of the day mentions a group: " + kind(platform)
                    + ".");
        }
        if (platform.equals("console") && CONSOLE_NAME.matcher(typed).matches()) {
            return Read.of(new Mention(typed.substring(1), typed));
        }
        if (platform.equals("slack") && typed.startsWith("@")) {
            // The manifest leaves should_escape off (search queries stay as typed), so Slack sends a picked group
            // as its bare handle; the adapter hands on the ones it found among the workspace's groups.
            return Read.refused("No user group of this workspace has the handle \"" + Markup.literal(typed)
                    + "\", and Slack sent it without the group's id, which the mention needs. Pick the group from"
                    + " Slack's suggestions, or type its id: it starts with S, e.g. S0123ABCD.");
        }
        return Read.refused("\"" + Markup.literal(typed) + "\" is not " + kind(platform) + ".");
    }

    /** The group's name for the bot's text: a Discord role's own mention shows as the role, without notifying. */
    public static String shown(Mention mention) {
        return DISCORD_ROLE.matcher(mention.name()).matches() ? mention.name() : Markup.literal(mention.name());
    }

    private static Read everyone(String platform) {
        return Read.refused("The question of the day never mentions everyone or here; pick " + kind(platform)
                + " whose members want it.");
    }

    private static String kind(String platform) {
        return switch (platform) {
            case "slack" -> "a user group (e.g. S0123ABCD)";
            case "discord" -> "a role";
            default -> "a group (e.g. @study-club)";
        };
    }
}
