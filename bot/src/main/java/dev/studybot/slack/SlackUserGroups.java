package dev.studybot.slack;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.usergroups.UsergroupsListResponse;
import dev.studybot.ops.RateLimitedLog;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A user group typed in {@code /study schedule mention @handle}. The manifest leaves {@code should_escape} off so that
 * search words arrive as typed, which makes Slack send a picked group as its bare handle, without the id a mention
 * needs: the handle is looked up among the workspace's user groups ({@code usergroups.list}, scope
 * {@code usergroups:read}) and handed on in Slack's escaped form, which carries the id. A handle no group has, or a
 * failed lookup, leaves the text as typed, and the command says what it needs.
 */
final class SlackUserGroups {

    private static final Pattern MENTION_COMMAND = Pattern.compile("(?i)(\\s*schedule\\s+mention\\s+)@([\\w.-]+)\\s*");

    private final SlackClients clients;
    private final RateLimitedLog warnings;

    SlackUserGroups(SlackClients clients, RateLimitedLog warnings) {
        this.clients = clients;
        this.warnings = warnings;
    }

    /** {@code text} with a typed {@code @handle} of a mention command as {@code <!subteam^ID|@handle>}. */
    String escaped(String teamId, String text) {
        Matcher command = MENTION_COMMAND.matcher(text);
        if (!command.matches()) {
            return text;
        }
        String handle = command.group(2);
        try {
            UsergroupsListResponse groups = clients.of(teamId).usergroupsList(r -> r);
            if (!groups.isOk()) {
                warnings.warn("usergroups.list", "Slack refused usergroups.list: " + groups.getError()
                        + SlackReplies.hint(groups.getError()));
                return text;
            }
            return groups.getUsergroups().stream()
                    .filter(group -> group.getDateDelete() == null || group.getDateDelete() == 0)
                    .filter(group -> handle.equalsIgnoreCase(group.getHandle())).findFirst()
                    .map(group -> command.group(1) + "<!subteam^" + group.getId() + "|@" + group.getHandle() + ">")
                    .orElse(text);
        } catch (IOException | SlackApiException | RuntimeException e) {
            warnings.warn("usergroups.list", "Could not list the Slack user groups: " + e.getMessage());
            return text;
        }
    }
}
