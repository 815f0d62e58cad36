package dev.studybot.domain;

/**
 * A group of members a post can notify: a Slack user group or a Discord role (never a person, never everyone).
 *
 * @param id   the platform's id of it: {@code S0123ABCD} (Slack), {@code 123456789012345678} (Discord)
 * @param name how it is shown where the platform cannot show the mention itself, e.g. {@code @oncall}
 */
public record Mention(String id, String name) {
}
