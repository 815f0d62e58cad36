package dev.studybot.store;

import java.time.Instant;
import java.util.Optional;

/**
 * The workspaces an app was installed in through its OAuth install flow, each with its bot token (sealed in the
 * database by a {@link TokenCipher}), and the flow's one-time states. Safe to call from many threads and processes.
 */
public interface Installations {

    /** Keeps {@code installation}, replacing the workspace's earlier one. */
    void save(Installation installation);

    /** The workspace's installation, with its bot token opened. */
    Optional<Installation> find(String platform, String workspaceId);

    /** Forgets the workspace's installation and its token; false when there was none. */
    boolean remove(String platform, String workspaceId);

    /** Remembers an install link's state until {@code expiresAt} (and forgets the states expired by now). */
    void addState(String state, Instant expiresAt, Instant now);

    /** Takes the state: true once for a state added and not expired at {@code now}, false ever after. */
    boolean takeState(String state, Instant now);

    /**
     * One workspace's installation.
     *
     * @param workspaceId     the platform's id of the workspace (Slack's team id)
     * @param botToken        the bot token, in the clear here and sealed in the database
     * @param installerUserId who installed it
     */
    record Installation(String platform, String workspaceId, String workspaceName, String enterpriseId, String appId,
                        String botUserId, String botId, String botScopes, String botToken, String installerUserId,
                        Instant installedAt) {

        /** Never the token. */
        @Override
        public String toString() {
            return "Installation[" + platform + " " + workspaceId + " (" + workspaceName + "), bot " + botUserId
                    + ", installed " + installedAt + " by " + installerUserId + "]";
        }
    }
}
