package dev.studybot.slack;

import dev.studybot.config.ConfigLoader;
import dev.studybot.config.StudybotConfig;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach Slack: the tokens, from the environment only, and the rest from the configuration (its
 * {@code slack} section and {@code admins.slack}, which the environment may override).
 *
 * @param botToken      {@code SLACK_BOT_TOKEN} ({@code xoxb-...})
 * @param appToken      {@code SLACK_APP_TOKEN} ({@code xapp-...}), or null: then HTTP mode
 * @param signingSecret {@code SLACK_SIGNING_SECRET}, or null (only allowed in Socket Mode)
 * @param port          {@code slack.port}: where HTTP mode listens for {@code POST /slack/events}
 * @param bindAddress   {@code slack.bind_address}: the address HTTP mode listens on ({@code 0.0.0.0}: all)
 * @param apiUrl        {@code slack.api_url}: the Web API base URL, ending with '/'
 */
public record SlackSettings(String botToken, String appToken, String signingSecret, int port, String bindAddress,
                            String apiUrl) {

    public SlackSettings {
        if (botToken == null || botToken.isBlank()) {
            throw new IllegalArgumentException("SLACK_BOT_TOKEN is required.");
        }
        if (appToken == null && signingSecret == null) {
            throw new IllegalArgumentException("Set SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode)"
                    + " along with SLACK_BOT_TOKEN.");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("A port number is from 0 to 65535.");
        }
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(apiUrl, "apiUrl");
    }

    /**
     * Settings from SLACK_BOT_TOKEN (required), SLACK_APP_TOKEN and SLACK_SIGNING_SECRET, with the rest from
     * {@code config}; empty when SLACK_BOT_TOKEN is absent.
     *
     * @throws IllegalArgumentException when the tokens are set but unusable; the message names the variable and
     *                                  never contains a token or secret
     */
    public static Optional<SlackSettings> from(Map<String, String> env, StudybotConfig config) {
        String botToken = ConfigLoader.variable(env, "SLACK_BOT_TOKEN");
        if (botToken == null) {
            return Optional.empty();
        }
        if (!botToken.startsWith("xoxb-") || botToken.length() < 16 || botToken.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("SLACK_BOT_TOKEN does not look like a Slack bot token (it starts with"
                    + " xoxb-; copy it from OAuth & Permissions of your Slack app).");
        }
        String appToken = ConfigLoader.variable(env, "SLACK_APP_TOKEN");
        if (appToken != null && (!appToken.startsWith("xapp-") || appToken.length() < 16
                || appToken.chars().anyMatch(Character::isWhitespace))) {
            throw new IllegalArgumentException("SLACK_APP_TOKEN does not look like a Slack app-level token (it starts"
                    + " with xapp-; create one with the connections:write scope under Basic Information).");
        }
        String signingSecret = ConfigLoader.variable(env, "SLACK_SIGNING_SECRET");
        if (signingSecret != null && signingSecret.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("SLACK_SIGNING_SECRET contains spaces; copy it again from Basic Information.");
        }
        if (appToken == null && signingSecret == null) {
            throw new IllegalArgumentException("SLACK_BOT_TOKEN is set but neither SLACK_APP_TOKEN (Socket Mode) nor"
                    + " SLACK_SIGNING_SECRET (HTTP mode) is: set one of them.");
        }
        StudybotConfig.Slack slack = config.slack();
        return Optional.of(new SlackSettings(botToken, appToken, signingSecret, slack.port(), slack.bindAddress(),
                slack.apiUrl()));
    }

    /** Socket Mode when an app token is present, HTTP mode otherwise. */
    public boolean socketMode() {
        return appToken != null;
    }

    /** No tokens or secrets: settings may end up in logs. */
    @Override
    public String toString() {
        return "SlackSettings[mode=" + (socketMode() ? "socket" : "http") + ", port=" + port + ", bind=" + bindAddress
                + ", apiUrl=" + apiUrl + "]";
    }
}
