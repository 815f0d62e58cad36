package dev.studybot.chat;

import java.util.Map;

/**
 * A chat platform the bot is on (Slack, Discord, the console): it turns its events into {@link Interaction}s for a
 * {@link ChatHandler}, renders the {@link Reply}s, and posts on the bot's own initiative.
 */
public interface ChatPlatform extends AutoCloseable {

    /** The platform's name as places and members carry it ({@link dev.studybot.domain.Place#platform()}). */
    String name();

    /**
     * Starts taking events and hands each to {@code chat}. A platform that cannot start throws a one-line
     * {@code StartupFailure} naming the cause and the fix. The console is the foreground: its start returns when
     * its input ends.
     */
    void start(ChatHandler chat);

    /** Posts into this platform's channels (the question of the day, its reveal). */
    Poster poster();

    /** What an operator wants to know once it is up (the mode, the port), logged with the start. */
    default Map<String, Object> details() {
        return Map.of();
    }

    /** Stops taking events, lets those under way send their replies, then disconnects; never throws. */
    @Override
    void close();
}
