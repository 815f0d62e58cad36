package dev.studybot.chat;

import dev.studybot.domain.Place;
import java.util.Map;

/** Sends each post to the poster of the channel's platform; one bot can serve several platforms. */
public final class PlatformPoster implements Poster {

    private final Map<String, Poster> byPlatform;

    public PlatformPoster(Map<String, Poster> byPlatform) {
        this.byPlatform = Map.copyOf(byPlatform);
    }

    @Override
    public void post(Place channel, Reply message) {
        Poster poster = byPlatform.get(channel.platform());
        if (poster == null) {
            throw new IllegalStateException("No " + channel.platform() + " connection to post to #" + channel.channelName());
        }
        poster.post(channel, message);
    }
}
