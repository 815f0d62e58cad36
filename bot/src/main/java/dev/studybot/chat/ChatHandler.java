package dev.studybot.chat;

import java.util.List;

/**
 * Where a platform hands each interaction: in the program, the middleware chain in front of the bot. Never throws
 * there; a failure comes back as an apology.
 */
@FunctionalInterface
public interface ChatHandler {

    Reply handle(Interaction interaction);

    /** The topics to suggest while a member types (Discord's autocomplete); none unless the bot has notes. */
    default List<String> topicNames() {
        return List.of();
    }

    /** The commands the bot has, for platforms that register them (Discord); none unless it is the bot. */
    default List<CommandSpec> commands() {
        return List.of();
    }
}
