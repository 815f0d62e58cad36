package dev.studybot.discord;

import dev.studybot.config.ConfigLoader;
import dev.studybot.config.StudybotConfig;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach Discord: the token, from the environment only, and the rest from the configuration's
 * {@code discord} section (which the environment may override).
 *
 * @param token      {@code DISCORD_TOKEN}: the bot token (never printed)
 * @param guildId    {@code discord.guild_id}: register the commands to this server only (instant), or null:
 *                   register them globally
 * @param apiUrl     {@code discord.api_url}: the REST base (e.g. {@code https://discord.com/api/v10/}), ending
 *                   with '/', or null for Discord's
 * @param gatewayUrl {@code discord.gateway_url}: the gateway (e.g. {@code wss://gateway.discord.gg/}), ending
 *                   with '/', or null for the one Discord names
 * @param shards     {@code discord.shards}: how many shards the bot has and which of them this process runs
 */
public record DiscordSettings(String token, String guildId, String apiUrl, String gatewayUrl,
                              StudybotConfig.Shards shards) {

    public DiscordSettings {
        Objects.requireNonNull(shards, "shards");
        if (shards.range() != null && shards.total() == null) {
            throw new IllegalArgumentException("discord.shards.range (STUDYBOT_DISCORD_SHARDS) needs"
                    + " discord.shards.total (STUDYBOT_DISCORD_SHARDS_TOTAL) too, the same in every replica, so that"
                    + " they split the bot's servers alike.");
        }
        if (shards.range() != null && shards.range().last() >= shards.total()) {
            throw new IllegalArgumentException("discord.shards.range (STUDYBOT_DISCORD_SHARDS) " + shards.range()
                    + " is outside the " + shards.total() + " shards of discord.shards.total"
                    + " (STUDYBOT_DISCORD_SHARDS_TOTAL): they are numbered 0 to " + (shards.total() - 1) + ".");
        }
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
    }

    /**
     * Settings from DISCORD_TOKEN (required) with the rest from {@code config}; empty when DISCORD_TOKEN is absent.
     *
     * @throws IllegalArgumentException when the token is set but unusable, or the shard range does not fit the
     *                                  total; the message names the variable and never contains the token
     */
    public static Optional<DiscordSettings> from(Map<String, String> env, StudybotConfig config) {
        String token = ConfigLoader.variable(env, "DISCORD_TOKEN");
        if (token == null) {
            return Optional.empty();
        }
        StudybotConfig.Discord discord = config.discord();
        return Optional.of(new DiscordSettings(token, discord.guildId(), discord.apiUrl(), discord.gatewayUrl(),
                discord.shards()));
    }

    /** Whether this process runs {@code shard}. */
    boolean runsShard(int shard) {
        return shards.range() == null || shards.range().contains(shard);
    }

    /** Without the token. */
    @Override
    public String toString() {
        return "DiscordSettings[token=(hidden), guildId=" + guildId + ", apiUrl=" + apiUrl + ", gatewayUrl="
                + gatewayUrl + ", shards=" + shards + "]";
    }
}
