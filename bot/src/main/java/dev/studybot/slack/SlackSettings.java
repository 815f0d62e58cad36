package dev.studybot.slack;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How to reach Slack: tokens, HTTP port, Web API base URL and extra admins. Read from the environment.
 *
 * @param botToken      {@code SLACK_BOT_TOKEN} ({@code xoxb-...})
 * @param appToken      {@code SLACK_APP_TOKEN} ({@code xapp-...}), or null: then HTTP mode
 * @param signingSecret {@code SLACK_SIGNING_SECRET}, or null (only allowed in Socket Mode)
 * @param port          {@code STUDYBOT_SLACK_PORT}: where HTTP mode listens for {@code POST /slack/events}
 * @param bindAddress   {@code STUDYBOT_SLACK_BIND_ADDRESS}: the address HTTP mode listens on ({@code 0.0.0.0}: all)
 * @param apiUrl        {@code STUDYBOT_SLACK_API_URL}: the Web API base URL, ending with '/'
 * @param adminUserIds  {@code STUDYBOT_SLACK_ADMINS}: user ids counted as admins besides workspace admins/owners
 */
public record SlackSettings(String botToken, String appToken, String signingSecret, int port, String bindAddress,
                            String apiUrl, Set<String> adminUserIds) {

    public static final int DEFAULT_PORT = 3000;
    /** Every interface: in a container the published port arrives on the container's own address. */
    public static final String DEFAULT_BIND_ADDRESS = "0.0.0.0";
    public static final String DEFAULT_API_URL = "https://slack.com/api/";

    public SlackSettings {
        if (botToken == null || botToken.isBlank()) {
            throw new IllegalArgumentException("SLACK_BOT_TOKEN is required.");
        }
        if (appToken == null && signingSecret == null) {
            throw new IllegalArgumentException("Set SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode)"
                    + " along with SLACK_BOT_TOKEN.");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("STUDYBOT_SLACK_PORT must be a port number from 0 to 65535.");
        }
        bindAddress = bindAddress == null ? DEFAULT_BIND_ADDRESS : bindAddress;
        apiUrl = apiUrl == null ? DEFAULT_API_URL : apiUrl.endsWith("/") ? apiUrl : apiUrl + "/";
        adminUserIds = adminUserIds == null ? Set.of() : Set.copyOf(adminUserIds);
    }

    /**
     * Settings from SLACK_BOT_TOKEN (required), SLACK_APP_TOKEN, SLACK_SIGNING_SECRET, STUDYBOT_SLACK_PORT
     * (default 3000), STUDYBOT_SLACK_BIND_ADDRESS (default 0.0.0.0), STUDYBOT_SLACK_API_URL (default https://slack.com/api/) and STUDYBOT_SLACK_ADMINS
     * (comma-separated user ids); empty when SLACK_BOT_TOKEN is absent.
     *
     * @throws IllegalArgumentException when the variables are set but unusable; the message names the
     *                                  variable and never contains a token or secret
     */
    public static Optional<SlackSettings> fromEnvironment(Map<String, String> env) {
        String botToken = value(env, "SLACK_BOT_TOKEN");
        if (botToken == null) {
            return Optional.empty();
        }
        if (!botToken.startsWith("xoxb-") || botToken.length() < 16 || botToken.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("SLACK_BOT_TOKEN does not look like a Slack bot token (it starts with"
                    + " xoxb-; copy it from OAuth & Permissions of your Slack app).");
        }
        String appToken = value(env, "SLACK_APP_TOKEN");
        if (appToken != null && (!appToken.startsWith("xapp-") || appToken.length() < 16
                || appToken.chars().anyMatch(Character::isWhitespace))) {
            throw new IllegalArgumentException("SLACK_APP_TOKEN does not look like a Slack app-level token (it starts"
                    + " with xapp-; create one with the connections:write scope under Basic Information).");
        }
        String signingSecret = value(env, "SLACK_SIGNING_SECRET");
        if (signingSecret != null && signingSecret.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("SLACK_SIGNING_SECRET contains spaces; copy it again from Basic Information.");
        }
        if (appToken == null && signingSecret == null) {
            throw new IllegalArgumentException("SLACK_BOT_TOKEN is set but neither SLACK_APP_TOKEN (Socket Mode) nor"
                    + " SLACK_SIGNING_SECRET (HTTP mode) is: set one of them.");
        }
        int port = DEFAULT_PORT;
        String portText = value(env, "STUDYBOT_SLACK_PORT");
        if (portText != null) {
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("STUDYBOT_SLACK_PORT must be a port number from 0 to 65535.");
            }
        }
        String bindAddress = value(env, "STUDYBOT_SLACK_BIND_ADDRESS");
        if (bindAddress != null && !bindAddress.matches("[A-Za-z0-9.:\\[\\]-]+")) {
            throw new IllegalArgumentException("STUDYBOT_SLACK_BIND_ADDRESS must be an address or host name such as"
                    + " 127.0.0.1 or 0.0.0.0 (all interfaces).");
        }
        String apiUrl = value(env, "STUDYBOT_SLACK_API_URL");
        if (apiUrl == null) {
            apiUrl = DEFAULT_API_URL;
        } else {
            URI uri;
            try {
                uri = URI.create(apiUrl);
            } catch (IllegalArgumentException e) {
                uri = null;
            }
            if (uri == null || uri.getHost() == null || uri.getRawUserInfo() != null
                    || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                throw new IllegalArgumentException("STUDYBOT_SLACK_API_URL must be an http(s) URL such as "
                        + DEFAULT_API_URL + " (without user or password).");
            }
        }
        Set<String> admins = new LinkedHashSet<>();
        String adminText = value(env, "STUDYBOT_SLACK_ADMINS");
        if (adminText != null) {
            for (String id : adminText.split(",")) {
                String trimmed = id.strip();
                if (trimmed.isEmpty()) {
                    continue;
                }
                if (!trimmed.matches("[A-Z0-9]{2,30}")) {
                    throw new IllegalArgumentException("STUDYBOT_SLACK_ADMINS takes Slack user ids such as U012ABCDEF,"
                            + " comma-separated (not names).");
                }
                admins.add(trimmed);
            }
        }
        return Optional.of(new SlackSettings(botToken, appToken, signingSecret, port, bindAddress, apiUrl, admins));
    }

    /** Socket Mode when an app token is present, HTTP mode otherwise. */
    public boolean socketMode() {
        return appToken != null;
    }

    /** No tokens or secrets: settings may end up in logs. */
    @Override
    public String toString() {
        return "SlackSettings[mode=" + (socketMode() ? "socket" : "http") + ", port=" + port + ", bind=" + bindAddress
                + ", apiUrl=" + apiUrl
                + ", admins=" + adminUserIds + "]";
    }

    private static String value(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
