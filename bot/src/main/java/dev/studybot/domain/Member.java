package dev.studybot.domain;

/**
 * A person on one platform. The same person on Slack and Discord is two members.
 *
 * @param platform    "console", "slack" or "discord"
 * @param userId      the platform's id for the user
 * @param displayName how to show them (updated whenever they act)
 */
public record Member(String platform, String userId, String displayName) {

    public MemberKey key() {
        return new MemberKey(platform, userId);
    }
}
