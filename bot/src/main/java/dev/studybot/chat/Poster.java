package dev.studybot.chat;

import dev.studybot.domain.Place;

/**
 * Posts into a channel on the bot's own initiative (the question of the day, its reveal), as opposed
 * to replying to someone. Each platform adapter implements it.
 */
public interface Poster {

    void post(Place channel, Reply message);
}
