package dev.studybot.domain;

/** Which group (Slack workspace, Discord server, the console) it is, whatever its name: the platform and its id. */
public record GroupKey(String platform, String groupId) {

    @Override
    public String toString() {
        return platform + "/" + groupId;
    }
}
