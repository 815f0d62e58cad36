package dev.studybot.store;

import dev.studybot.domain.ChannelKey;
import dev.studybot.domain.Mention;
import dev.studybot.domain.Place;
import java.util.Optional;

/** Whom a channel's question of the day mentions when it is posted; a channel without one mentions nobody. */
public interface MentionStore {

    /** Sets or replaces the channel's mention. */
    void saveMention(Place place, Mention mention);

    Optional<Mention> mention(ChannelKey channel);

    /** @return whether the channel had a mention to remove */
    boolean removeMention(ChannelKey channel);
}
