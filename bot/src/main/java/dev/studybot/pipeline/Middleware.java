package dev.studybot.pipeline;

import dev.studybot.chat.ChatHandler;
import dev.studybot.chat.Interaction;
import dev.studybot.chat.Reply;

/** One step every interaction goes through on its way to the bot, whatever the platform. */
@FunctionalInterface
public interface Middleware {

    /** Handles {@code interaction}, as a rule by handing it (or a changed one) to {@code next}. */
    Reply handle(Interaction interaction, ChatHandler next);
}
