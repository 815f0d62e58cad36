package dev.studybot.slack;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import dev.studybot.store.Installations;

/**
 * The Web API client to call for a workspace: with one workspace, the one client on {@code SLACK_BOT_TOKEN}; with
 * the install flow, a client on the token the workspace's installation holds, read from the database each time, so
 * that an uninstall takes effect in every process at once.
 */
final class SlackClients {

    private final Slack slack;
    private final MethodsClient single;
    private final Installations installations;

    private SlackClients(Slack slack, MethodsClient single, Installations installations) {
        this.slack = slack;
        this.single = single;
        this.installations = installations;
    }

    static SlackClients single(MethodsClient client) {
        return new SlackClients(null, client, null);
    }

    static SlackClients installed(Slack slack, Installations installations) {
        return new SlackClients(slack, null, installations);
    }

    /** @throws NotInstalled when studybot is not (or no longer) installed in the workspace */
    MethodsClient of(String teamId) {
        if (single != null) {
            return single;
        }
        return installations.find(SlackAdapter.PLATFORM, teamId).map(installation -> slack.methods(installation.botToken()))
                .orElseThrow(() -> new NotInstalled(teamId));
    }

    /** studybot has no token for a workspace: never installed there, or uninstalled since. */
    static final class NotInstalled extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        NotInstalled(String teamId) {
            super("studybot is not installed in the Slack workspace " + teamId + " (or was uninstalled)");
        }
    }
}
