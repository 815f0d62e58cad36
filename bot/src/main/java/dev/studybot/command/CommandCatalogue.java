package dev.studybot.command;

import dev.studybot.chat.Caller;
import dev.studybot.chat.CommandSpec;
import dev.studybot.chat.Interaction;
import dev.studybot.chat.Markup;
import dev.studybot.chat.Options;
import dev.studybot.chat.Reply;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every {@code /study} command, in the order the help lists them, with {@code help} last. The help on each platform,
 * the typed-text parser, the Discord registration and the Slack manifest's hint are all read from here, and every
 * command runs through {@link #run}, which refuses admin commands to members.
 */
public final class CommandCatalogue {

    private final List<StudyCommand> commands;
    private final List<CommandSpec> specs;
    private final TextCommandParser parser;

    public CommandCatalogue(List<StudyCommand> commands) {
        List<StudyCommand> all = new ArrayList<>(commands);
        all.add(new HelpCommand(this));
        this.commands = List.copyOf(all);
        this.specs = this.commands.stream().map(StudyCommand::spec).toList();
        Set<String> names = new HashSet<>();
        for (CommandSpec spec : specs) {
            Stream.concat(Stream.of(spec.path()), spec.aliases().stream()).forEach(name -> {
                if (!names.add(name.toLowerCase(Locale.ROOT))) {
                    throw new IllegalArgumentException("Two commands are called \"" + name + "\"");
                }
            });
        }
        this.parser = new TextCommandParser(this);
    }

    public List<CommandSpec> specs() {
        return specs;
    }

    /** The help lines for a platform: each command's usage and what it does. */
    public List<String> helpLines(String platform) {
        return specs().stream().map(spec -> spec.usage(platform) + " - " + spec.summary() + (spec.admin() ? " (admins)" : ""))
                .toList();
    }

    /** Reads typed text into a command, or says why it cannot. */
    public TextCommandParser.Parsed parse(Caller caller, String text) {
        return parser.parse(caller, text);
    }

    public Reply run(Interaction.Command command) {
        Optional<StudyCommand> found = commands.stream().filter(c -> c.spec().path().equals(command.path())).findFirst();
        if (found.isEmpty()) {
            return Usage.unknown(Markup.literal(command.path()), helpLines(command.caller().member().platform()));
        }
        Reply refused = refusal(found.get().spec(), command.caller());
        return refused != null ? refused : found.get().run(command.caller(), command.options());
    }

    /** Why the caller may not run the command, or null when they may. */
    static Reply refusal(CommandSpec spec, Caller caller) {
        if (spec.admin() && !caller.admin()) {
            return Reply.privately(new Reply.Text("Only admins can use " + spec.command(caller.member().platform())
                    + ". Ask one of your admins."));
        }
        return null;
    }

    /** The commands whose path starts with {@code word}: {@code schedule}, {@code schedule set}, {@code schedule off}. */
    List<CommandSpec> group(String word) {
        return specs().stream().filter(spec -> spec.name().equals(word)).toList();
    }

    /** The usages of a group of commands on a platform, for the usage note of one used wrongly. */
    static String usages(List<CommandSpec> specs, String platform) {
        return specs.stream().map(spec -> spec.usage(platform)).collect(Collectors.joining(" | "));
    }

    /** {@code /study help}. */
    private record HelpCommand(CommandCatalogue catalogue) implements StudyCommand {

        private static final CommandSpec SPEC = CommandSpec.everyone("help", "this list", true, false).alias("?");

        @Override
        public CommandSpec spec() {
            return SPEC;
        }

        @Override
        public Reply run(Caller caller, Options options) {
            return Usage.help(catalogue.helpLines(caller.member().platform()));
        }
    }
}
