package dev.studybot.pipeline;

import dev.studybot.chat.Caller;
import dev.studybot.chat.ChatHandler;
import dev.studybot.chat.Interaction;
import dev.studybot.chat.Reply;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Counts the user ids configured for a platform ({@code admins.slack}, {@code admins.discord}, {@code admins.console})
 * as admins, on top of those the platform itself says are (workspace admins, Manage Server).
 */
public final class AdminOverrides implements Middleware {

    private final Map<String, Set<String>> adminIds = new HashMap<>();

    /** @param adminIds per platform name, the user ids that count as admins */
    public AdminOverrides(Map<String, ? extends Collection<String>> adminIds) {
        adminIds.forEach((platform, ids) -> this.adminIds.put(platform, Set.copyOf(ids)));
    }

    @Override
    public Reply handle(Interaction interaction, ChatHandler next) {
        Caller caller = interaction.caller();
        boolean configured = adminIds.getOrDefault(caller.member().platform(), Set.of()).contains(caller.member().userId());
        return next.handle(caller.admin() || !configured ? interaction
                : interaction.withCaller(new Caller(caller.member(), caller.place(), true)));
    }
}
