package dev.studybot.pipeline;

import dev.studybot.chat.ChatHandler;
import dev.studybot.chat.CommandSpec;
import dev.studybot.chat.Interaction;
import dev.studybot.chat.Reply;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Middleware in front of the bot, first in the list outermost: what every platform hands its interactions to. */
public final class MiddlewareChain implements ChatHandler {

    private final List<Middleware> middleware;
    private final ChatHandler bot;

    public MiddlewareChain(List<Middleware> middleware, ChatHandler bot) {
        this.middleware = List.copyOf(middleware);
        this.bot = bot;
    }

    /**
     * The program's chain: a failure anywhere becomes an apology; the configured admins are admins; each interaction
     * is logged as the bot sees it (admin or not), with its failure.
     *
     * @param adminIds per platform name, the user ids that count as admins besides those the platform says are
     */
    public static MiddlewareChain standard(Map<String, ? extends Collection<String>> adminIds, ChatHandler bot) {
        return new MiddlewareChain(List.of(new Apology(), new AdminOverrides(adminIds), new InteractionLog()), bot);
    }

    @Override
    public Reply handle(Interaction interaction) {
        return from(0, interaction);
    }

    private Reply from(int step, Interaction interaction) {
        if (step == middleware.size()) {
            return bot.handle(interaction);
        }
        return middleware.get(step).handle(interaction, next -> from(step + 1, next));
    }

    @Override
    public List<String> topicNames() {
        return bot.topicNames();
    }

    @Override
    public List<CommandSpec> commands() {
        return bot.commands();
    }
}
