package dev.studybot.study;

import dev.studybot.chat.Caller;
import dev.studybot.chat.CommandSpec;
import dev.studybot.chat.Markup;
import dev.studybot.chat.OptionSpec;
import dev.studybot.chat.Options;
import dev.studybot.chat.Reply;
import dev.studybot.command.MentionWord;
import dev.studybot.command.StudyCommand;
import dev.studybot.command.Usage;
import dev.studybot.domain.Mention;
import dev.studybot.store.MentionStore;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /study schedule mention <group>|off}: the user group (Slack) or role (Discord) the channel's question of the
 * day notifies when it is posted. Without a group (Discord's way, whose role option cannot say "off") it is turned off.
 */
record MentionCommand(MentionStore mentions) implements StudyCommand {

    static final CommandSpec SPEC = CommandSpec.admin("schedule mention",
                    "mention a user group (Slack) or role (Discord) with this channel's question of the day", false)
            .option(OptionSpec.mention("who", "group|off", "The role to mention; leave it out to mention nobody"));
    private static final Set<String> OFF = Set.of("off", "none", "nobody", "stop");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public Reply run(Caller caller, Options options) {
        Optional<String> who = options.get("who");
        String by = " (by " + Markup.literal(caller.member().displayName()) + ").";
        String channel = "#" + caller.place().channelName();
        if (who.isEmpty() || OFF.contains(who.get().toLowerCase(Locale.ROOT))) {
            return mentions.removeMention(caller.place().channel())
                    ? Reply.publicly(new Reply.Text("The question of the day in " + channel + " mentions nobody now" + by))
                    : Reply.privately(new Reply.Text("The question of the day here mentions nobody already. To mention"
                            + " a group: " + SPEC.usage(caller.member().platform())));
        }
        MentionWord.Read read = MentionWord.read(who.get(), caller.place());
        if (read.mention().isEmpty()) {
            return Usage.badArguments(SPEC.usage(caller.member().platform()), read.problem());
        }
        Mention mention = read.mention().get();
        mentions.saveMention(caller.place(), mention);
        return Reply.publicly(new Reply.Text("The question of the day in " + channel + " will mention "
                + MentionWord.shown(mention) + " when it is posted" + by));
    }
}
