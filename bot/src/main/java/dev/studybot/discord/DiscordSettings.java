package dev.studybot.discord;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * How to reach Discord. Read from the environment.
 *
 * @param token      {@code DISCORD_TOKEN}: the bot token (never printed)
 * @param guildId    {@code DISCORD_GUILD_ID}: register the commands to this server only (instant), or null:
 *                   register them globally
 * @param apiUrl     {@code STUDYBOT_DISCORD_API_URL}: the REST base (e.g. {@code https://discord.com/api/v10/}),
 *                   or null for Discord's
 * @param gatewayUrl {@code STUDYBOT_DISCORD_GATEWAY_URL}: the gateway (e.g. {@code wss://gateway.discord.gg/}),
 *                   or null for the one Discord names
 */
public record DiscordSettings(String token, String guildId, String apiUrl, String gatewayUrl) {

    public DiscordSettings {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("DISCORD_TOKEN is required.");
        }
        token = token.strip();
        if (token.regionMatches(true, 0, "Bot ", 0, 4)) {
            token = token.substring(4).strip();
        }
        if (token.length() < 20 || token.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("DISCORD_TOKEN does not look like a Discord bot token (copy it from"
                    + " Bot > Reset Token in the Discord developer portal).");
        }
        if (guildId != null && !guildId.matches("\\d{15,21}")) {
            throw new IllegalArgumentException("DISCORD_GUILD_ID must be a server id (a number like 123456789012345678;"
                    + " right-click the server with developer mode on > Copy Server ID).");
        }
        apiUrl = url(apiUrl, "STUDYBOT_DISCORD_API_URL", "http", "https");
        gatewayUrl = url(gatewayUrl, "STUDYBOT_DISCORD_GATEWAY_URL", "ws", "wss");
    }

    /**
     * Settings from DISCORD_TOKEN (required), DISCORD_GUILD_ID, STUDYBOT_DISCORD_API_URL and
     * STUDYBOT_DISCORD_GATEWAY_URL; empty when DISCORD_TOKEN is absent.
     *
     * @throws IllegalArgumentException when the variables are set but unusable; the message names the variable
     *                                  and never contains the token
     */
    public static Optional<DiscordSettings> fromEnvironment(Map<String, String> env) {
        String token = value(env, "DISCORD_TOKEN");
        if (token == null) {
            return Optional.empty();
        }
        return Optional.of(new DiscordSettings(token, value(env, "DISCORD_GUILD_ID"),
                value(env, "STUDYBOT_DISCORD_API_URL"), value(env, "STUDYBOT_DISCORD_GATEWAY_URL")));
    }

    private static String value(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String url(String value, String variable, String plain, String secure) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String url = value.strip();
        try {
            URI uri = URI.create(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!(scheme.equals(plain) || scheme.equals(secure)) || uri.getHost() == null) {
                throw new IllegalArgumentException("bad scheme");
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(variable + " must be a " + plain + ":// or " + secure + ":// URL, e.g. "
                    + secure + "://" + (plain.equals("ws") ? "gateway.discord.gg/" : "discord.com/api/v10/"));
        }
        return url.endsWith("/") ? url : url + "/";
    }

    /** Without the token. */
    @Override
    public String toString() {
        return "DiscordSettings[token=(hidden), guildId=" + guildId + ", apiUrl=" + apiUrl + ", gatewayUrl="
                + gatewayUrl + "]";
    }
}
