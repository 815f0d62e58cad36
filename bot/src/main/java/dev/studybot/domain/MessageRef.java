package dev.studybot.domain;

import java.util.Objects;

/**
 * Where a message the bot posted lives on its platform, so that it can be edited and replied to in a thread later.
 *
 * @param channelId the channel as the platform named it in its answer (Slack may name another than was asked)
 * @param messageId the platform's id of the message: Slack's {@code ts}, Discord's message id, the console's own
 */
public record MessageRef(String channelId, String messageId) {

    public MessageRef {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(messageId, "messageId");
    }
}
