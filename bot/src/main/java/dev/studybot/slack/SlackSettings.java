package dev.studybot.slack;

import dev.studybot.config.ConfigLoader;
import dev.studybot.config.StudybotConfig;
import dev.studybot.store.TokenCipher;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach Slack: the tokens, from the environment only, and the rest from the configuration (its
 * {@code slack} section and {@code admins.slack}, which the environment may override).
 *
 * @param botToken      {@code SLACK_BOT_TOKEN} ({@code xoxb-...}), or null with {@code oauth}
 * @param appToken      {@code SLACK_APP_TOKEN} ({@code xapp-...}), or null: then HTTP mode
 * @param signingSecret {@code SLACK_SIGNING_SECRET}, or null (only allowed in Socket Mode)
 * @param port          {@code slack.port}: where HTTP mode listens for {@code POST /slack/events}
 * @param bindAddress   {@code slack.bind_address}: the address HTTP mode listens on ({@code 0.0.0.0}: all)
 * @param apiUrl        {@code slack.api_url}: the Web API base URL, ending with '/'
 * @param oauth         the install flow into many workspaces, or null: one workspace on {@code botToken}
 */
public record SlackSettings(String botToken, String appToken, String signingSecret, int port, String bindAddress,
                            String apiUrl, OAuth oauth) {

    public SlackSettings {
        if (oauth == null && (botToken == null || botToken.isBlank())) {
            throw new IllegalArgumentException("SLACK_BOT_TOKEN is required.");
        }
        if (oauth != null && (botToken != null || appToken != null || signingSecret == null)) {
            throw new IllegalArgumentException("The install flow runs in HTTP mode, with a signing secret and without"
                    + " SLACK_BOT_TOKEN or SLACK_APP_TOKEN.");
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

    /** One workspace, on {@code botToken}. */
    public SlackSettings(String botToken, String appToken, String signingSecret, int port, String bindAddress,
                         String apiUrl) {
        this(botToken, appToken, signingSecret, port, bindAddress, apiUrl, null);
    }

    /**
     * The install flow (OAuth v2) that puts studybot into many workspaces, each with its own bot token.
     *
     * @param clientId     {@code slack.client_id} / {@code SLACK_CLIENT_ID}
     * @param clientSecret {@code SLACK_CLIENT_SECRET} (environment only)
     * @param redirectUri  {@code slack.redirect_uri}: where Slack sends the installer back, {@code .../slack/oauth_redirect}
     * @param tokens       seals the bot tokens in the database, with the key in {@code STUDYBOT_TOKEN_KEY}
     */
    public record OAuth(String clientId, String clientSecret, String redirectUri, TokenCipher tokens) {
        public OAuth {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(clientSecret, "clientSecret");
            Objects.requireNonNull(redirectUri, "redirectUri");
            Objects.requireNonNull(tokens, "tokens");
        }

        /** Where a member starts installing: {@code /slack/install} beside the redirect URL. */
        public String installUrl() {
            return redirectUri.substring(0, redirectUri.length() - SlackHttpServer.REDIRECT_PATH.length())
                    + SlackHttpServer.INSTALL_PATH;
        }

        /** No secret, no key. */
        @Override
        public String toString() {
            return "OAuth[clientId=" + clientId + ", redirectUri=" + redirectUri + "]";
        }
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
        if (config.slack().clientId() != null) {
            return Optional.of(installFlow(env, config, botToken));
        }
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

    /** Settings for the install flow into many workspaces (a client id is configured). */
    private static SlackSettings installFlow(Map<String, String> env, StudybotConfig config, String botToken) {
        StudybotConfig.Slack slack = config.slack();
        if (botToken != null) {
            throw new IllegalArgumentException("Both SLACK_BOT_TOKEN (one workspace) and a client id (slack.client_id or"
                    + " SLACK_CLIENT_ID: the install flow into many workspaces) are set: set one of them.");
        }
        if (ConfigLoader.variable(env, "SLACK_APP_TOKEN") != null) {
            throw new IllegalArgumentException("The install flow into many workspaces runs in HTTP mode: unset"
                    + " SLACK_APP_TOKEN and set SLACK_SIGNING_SECRET.");
        }
        String clientSecret = ConfigLoader.variable(env, "SLACK_CLIENT_SECRET");
        if (clientSecret == null || clientSecret.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("A client id is set (slack.client_id) but SLACK_CLIENT_SECRET is "
                    + (clientSecret == null ? "not" : "not usable (it has spaces)")
                    + ": copy it from Basic Information of the Slack app.");
        }
        String signingSecret = ConfigLoader.variable(env, "SLACK_SIGNING_SECRET");
        if (signingSecret == null || signingSecret.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("The install flow needs SLACK_SIGNING_SECRET (HTTP mode), without spaces:"
                    + " copy it from Basic Information of the Slack app.");
        }
        String redirectUri = slack.redirectUri();
        if (redirectUri == null || !redirectUri.endsWith(SlackHttpServer.REDIRECT_PATH)) {
            throw new IllegalArgumentException("The install flow needs slack.redirect_uri (or STUDYBOT_SLACK_REDIRECT_URI):"
                    + " https://YOUR-HOST" + SlackHttpServer.REDIRECT_PATH + ", as in OAuth & Permissions of the app.");
        }
        TokenCipher tokens = TokenCipher.fromBase64(ConfigLoader.variable(env, TokenCipher.KEY_VARIABLE));
        return new SlackSettings(null, null, signingSecret, slack.port(), slack.bindAddress(), slack.apiUrl(),
                new OAuth(slack.clientId(), clientSecret, redirectUri, tokens));
    }

    /** Socket Mode when an app token is present, HTTP mode otherwise. */
    public boolean socketMode() {
        return appToken != null;
    }

    /** No tokens or secrets: settings may end up in logs. */
    @Override
    public String toString() {
        return "SlackSettings[mode=" + (socketMode() ? "socket" : "http") + ", port=" + port + ", bind=" + bindAddress
                + ", apiUrl=" + apiUrl + (oauth != null ? ", " + oauth : "") + "]";
    }
}
