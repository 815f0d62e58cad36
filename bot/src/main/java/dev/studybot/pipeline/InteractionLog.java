package dev.studybot.pipeline;

import dev.studybot.chat.Caller;
import dev.studybot.chat.ChatHandler;
import dev.studybot.chat.Interaction;
import dev.studybot.chat.Reply;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Logs each interaction on its way to the bot: where, who, whether an admin, which command or button, how long it
 * took, and what went wrong. What members typed is only logged at debug: a lookup can be anything.
 */
public final class InteractionLog implements Middleware {

    private static final Logger LOG = LoggerFactory.getLogger(InteractionLog.class);

    @Override
    public Reply handle(Interaction interaction, ChatHandler next) {
        long started = System.nanoTime();
        try {
            Reply reply = next.handle(interaction);
            describe(LOG.atInfo(), interaction, started).addKeyValue("private", reply.privateTo())
                    .log("Interaction handled");
            return reply;
        } catch (RuntimeException e) {
            describe(LOG.atError(), interaction, started).setCause(e).log("Interaction failed");
            throw e;
        }
    }

    private static LoggingEventBuilder describe(LoggingEventBuilder event, Interaction interaction, long started) {
        Caller caller = interaction.caller();
        event.addKeyValue("platform", caller.place().platform())
                .addKeyValue("group", caller.place().groupId())
                .addKeyValue("channel", caller.place().channelId())
                .addKeyValue("user", caller.member().userId())
                .addKeyValue("admin", caller.admin())
                .addKeyValue("latency_ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        if (interaction instanceof Interaction.Command command) {
            event.addKeyValue("command", command.path());
            if (LOG.isDebugEnabled()) {
                event.addKeyValue("options", command.options().values().toString());
            }
        } else if (interaction instanceof Interaction.Text command) {
            String text = command.text() == null ? "" : command.text().strip();
            event.addKeyValue("command", text.isEmpty() ? "help" : text.split("\\s+", 2)[0].toLowerCase(Locale.ROOT));
            if (LOG.isDebugEnabled()) {
                event.addKeyValue("text", text);
            }
        } else if (interaction instanceof Interaction.Press press) {
            event.addKeyValue("button", press.action());
        } else if (interaction instanceof Interaction.Submit submit) {
            // What was filled in is the member's, as typed text is: at debug only.
            event.addKeyValue("form", submit.form());
            if (LOG.isDebugEnabled()) {
                event.addKeyValue("values", submit.values().toString());
            }
        }
        return event;
    }
}
