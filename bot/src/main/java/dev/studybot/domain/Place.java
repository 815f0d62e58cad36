package dev.studybot.domain;

/**
 * Where something happens: a group (Slack workspace, Discord server, or the console) and a channel in it.
 */
public record Place(String platform, String groupId, String groupName, String channelId, String channelName) {

    public GroupKey group() {
        return new GroupKey(platform, groupId);
    }

    public ChannelKey channel() {
        return new ChannelKey(platform, groupId, channelId);
    }
}
