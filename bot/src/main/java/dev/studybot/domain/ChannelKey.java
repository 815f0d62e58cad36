package dev.studybot.domain;

/** Which channel a place is, whatever its names: the platform, the group's id and the channel's id. */
public record ChannelKey(String platform, String groupId, String channelId) {

    @Override
    public String toString() {
        return platform + "/" + groupId + "/" + channelId;
    }
}
