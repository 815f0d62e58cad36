package dev.studybot.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.studybot.chat.CommandSpec;
import dev.studybot.study.RealCommands;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandGroupData;
import org.junit.jupiter.api.Test;

/** What Discord registers is what the catalogue lists: everyone's commands under /study, admins' under /study-admin. */
class DiscordCatalogueTest {

    private static Set<String> keys(SlashCommandData command) {
        Set<String> keys = new TreeSet<>();
        for (SubcommandData sub : command.getSubcommands()) {
            keys.add(sub.getName());
        }
        for (SubcommandGroupData group : command.getSubcommandGroups()) {
            for (SubcommandData sub : group.getSubcommands()) {
                keys.add(group.getName() + " " + sub.getName());
            }
        }
        return keys;
    }

    private static Set<String> catalogue(boolean admin) {
        return RealCommands.specs().stream().filter(spec -> spec.admin() == admin).map(CommandSpec::path)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void theRegisteredSubcommandsAreTheCatalogues() {
        assertEquals(catalogue(false), keys(DiscordCommands.study(RealCommands.specs())));
        assertEquals(catalogue(true), keys(DiscordCommands.admin(RealCommands.specs())));
    }
}
