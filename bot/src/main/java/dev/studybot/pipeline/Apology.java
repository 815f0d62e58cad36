package dev.studybot.pipeline;

import dev.studybot.chat.ChatHandler;
import dev.studybot.chat.Interaction;
import dev.studybot.chat.Reply;

/**
 * Turns a failure into a friendly private apology, the same on every platform; what failed is never shown (it may
 * carry a path, a token or a query). The interaction log inside the chain records the failure with its cause.
 */
public final class Apology implements Middleware {

    static final String TEXT = "Sorry, something went wrong on studybot's side. Try again in a moment.";

    @Override
    public Reply handle(Interaction interaction, ChatHandler next) {
        try {
            return next.handle(interaction);
        } catch (RuntimeException e) {
            return Reply.privately(new Reply.Text(TEXT));
        }
    }
}
