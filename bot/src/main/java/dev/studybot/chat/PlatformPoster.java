package dev.studybot.chat;

import dev.studybot.domain.MessageRef;
import dev.studybot.domain.Place;
import java.util.Map;

/** Sends each post to the poster of the channel's platform; one bot can serve several platforms. */
public final class PlatformPoster implements Poster {

    private final Map<String, Poster> byPlatform;

    public PlatformPoster(Map<String, Poster> byPlatform) {
        this.byPlatform = Map.copyOf(byPlatform);
    }

    @Override
    public MessageRef post(Place channel, Reply message) {
        return of(channel).post(channel, message);
    }

    @Override
    public void edit(Place channel, MessageRef message, Reply updated) {
        of(channel).edit(channel, message, updated);
    }

    @Override
    public void inThread(Place channel, MessageRef message, Reply reply) {
        of(channel).inThread(channel, message, reply);
    }

    private Poster of(Place channel) {
        Poster poster = byPlatform.get(channel.platform());
        if (poster == null) {
            throw new IllegalStateException("No " + channel.platform() + " connection to post to #" + channel.channelName());
        }
        return poster;
    }
}
