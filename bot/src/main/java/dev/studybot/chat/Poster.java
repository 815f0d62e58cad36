package dev.studybot.chat;

import dev.studybot.domain.MessageRef;
import dev.studybot.domain.Place;

/**
 * Posts into a channel on the bot's own initiative (the question of the day, its reveal), as opposed
 * to replying to someone, and keeps such a post up to date. Each platform adapter implements it; each method throws
 * when the platform refuses, saying why.
 */
public interface Poster {

    /** Posts a message and returns where it is, so that it can be edited and threaded on later. */
    MessageRef post(Place channel, Reply message);

    /** Replaces what a message posted with {@link #post} shows (its text and buttons). */
    void edit(Place channel, MessageRef message, Reply updated);

    /** Posts in the thread on a message posted with {@link #post}, starting the thread where the platform must. */
    void inThread(Place channel, MessageRef message, Reply reply);
}
