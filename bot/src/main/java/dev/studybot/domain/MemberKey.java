package dev.studybot.domain;

/** Who a member is, whatever their display name: the platform and its user id. */
public record MemberKey(String platform, String userId) {

    @Override
    public String toString() {
        return platform + ":" + userId;
    }
}
