package dev.studybot.command;

import dev.studybot.chat.Caller;
import dev.studybot.chat.CommandSpec;
import dev.studybot.chat.Interaction;
import dev.studybot.chat.Markup;
import dev.studybot.chat.OptionSpec;
import dev.studybot.chat.OptionSpec.Kind;
import dev.studybot.chat.Options;
import dev.studybot.chat.Reply;
import dev.studybot.command.CommandWords.Word;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one parser of typed command text, for every text platform: finds the command its first words name (or an
 * alias), then fills the command's options from the words that follow. Choices and "here" are recognised wherever
 * they stand; the other options are filled in their order, and an option that takes the rest takes it as typed.
 */
public final class TextCommandParser {

    /** Typed text, read: a command to run, or the reply that says why it is none. */
    public sealed interface Parsed {
        record Understood(Interaction.Command command) implements Parsed {
        }

        record NotUnderstood(Reply reply) implements Parsed {
        }
    }

    private final CommandCatalogue catalogue;

    TextCommandParser(CommandCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    Parsed parse(Caller caller, String text) {
        String typed = text == null ? "" : text.strip();
        List<Word> words = CommandWords.words(typed);
        String platform = caller.member().platform();
        if (words.isEmpty()) {
            return new Parsed.Understood(new Interaction.Command(caller, "help", Options.NONE));
        }
        String first = words.get(0).text().toLowerCase(Locale.ROOT);
        Optional<Named> named = named(words);
        List<CommandSpec> group = catalogue.group(first);
        boolean groupWord = group.stream().anyMatch(spec -> !spec.path().equals(first));
        // "schedule foo": a word after a group's own command that takes nothing is a subcommand it does not have.
        if (groupWord && (named.isEmpty() || named.get().words() == 1 && named.get().spec().options().isEmpty()
                && words.size() > 1)) {
            String said = words.size() < 2 ? "\"/study " + first + "\" needs one more word."
                    : "I don't know \"/study " + first + " " + Markup.literal(words.get(1).text()) + "\".";
            return problem(CommandCatalogue.usages(group, platform), said);
        }
        if (named.isEmpty()) {
            return new Parsed.NotUnderstood(Usage.unknown(Markup.literal(words.get(0).text()), catalogue.helpLines(platform)));
        }
        CommandSpec spec = named.get().spec();
        Reply refused = CommandCatalogue.refusal(spec, caller);
        if (refused != null) {
            return new Parsed.NotUnderstood(refused);
        }
        return bind(caller, spec, typed, words.subList(named.get().words(), words.size()));
    }

    /** A command and how many of the first words name it. */
    private record Named(CommandSpec spec, int words) {
    }

    private Optional<Named> named(List<Word> words) {
        for (int count = Math.min(2, words.size()); count >= 1; count--) {
            String name = words.subList(0, count).stream().map(word -> word.text().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(" "));
            for (CommandSpec spec : catalogue.specs()) {
                if (spec.path().equals(name) || spec.aliases().contains(name)) {
                    return Optional.of(new Named(spec, count));
                }
            }
        }
        return Optional.empty();
    }

    private static Parsed bind(Caller caller, CommandSpec spec, String typed, List<Word> rest) {
        String usage = spec.usage(caller.member().platform());
        List<OptionSpec> anywhere = spec.options().stream().filter(TextCommandParser::anywhere).toList();
        List<OptionSpec> inOrder = spec.options().stream().filter(option -> !anywhere(option)).toList();
        Map<String, String> values = new LinkedHashMap<>();
        int next = 0;
        for (int i = 0; i < rest.size(); i++) {
            Word word = rest.get(i);
            List<OptionSpec> takers = anywhere.stream()
                    .filter(option -> valueFor(option, word.text(), caller) != null).toList();
            if (!takers.isEmpty()) {
                OptionSpec taker = takers.stream().filter(option -> !values.containsKey(option.name())).findFirst()
                        .orElse(null);
                if (taker == null) {
                    OptionSpec repeated = takers.get(takers.size() - 1);
                    return problem(usage, repeated.kind() == Kind.CHANNEL ? "Say \"here\" once."
                            : "Say one " + repeated.name() + ", not \"" + values.get(repeated.name()) + "\" and \""
                                    + Markup.literal(word.text()) + "\".");
                }
                values.put(taker.name(), valueFor(taker, word.text(), caller));
                continue;
            }
            while (next < inOrder.size() && !inOrder.get(next).accepts().test(word.text())) {
                next++;
            }
            if (next == inOrder.size()) {
                return problem(usage, spec.options().isEmpty()
                        ? spec.command(caller.member().platform()) + " takes nothing after it (got \""
                                + Markup.literal(typed.substring(word.start()).strip()) + "\")."
                        : "I don't understand \"" + Markup.literal(word.text()) + "\" there."
                                + DidYouMean.sentence(word.text(), known(anywhere)));
            }
            OptionSpec option = inOrder.get(next++);
            switch (option.kind()) {
                case TEXT, USER -> {
                    values.put(option.name(), typed.substring(word.start()).strip());
                    i = rest.size();
                }
                case LIST -> {
                    values.put(option.name(), rest.subList(i, rest.size()).stream().map(Word::text)
                            .collect(Collectors.joining(",")));
                    i = rest.size();
                }
                default -> values.put(option.name(), word.text());
            }
        }
        return new Parsed.Understood(new Interaction.Command(caller, spec.path(), new Options(values)));
    }

    private static boolean anywhere(OptionSpec option) {
        return option.kind() == Kind.CHOICE || option.kind() == Kind.CHANNEL;
    }

    /** What a word that stands anywhere gives an option, or null when it is not for that option. */
    private static String valueFor(OptionSpec option, String word, Caller caller) {
        if (option.kind() == Kind.CHANNEL) {
            return ChannelWord.read(word, caller.place()) == ChannelWord.Meaning.NOT_A_CHANNEL ? null : word;
        }
        return option.choiceFor(word);
    }

    private static List<String> known(List<OptionSpec> anywhere) {
        List<String> known = new ArrayList<>();
        for (OptionSpec option : anywhere) {
            if (option.kind() == Kind.CHANNEL) {
                known.add("here");
            } else {
                option.choices().forEach(choice -> known.add(choice.value()));
            }
        }
        return known;
    }

    private static Parsed problem(String usage, String said) {
        return new Parsed.NotUnderstood(Usage.badArguments(usage, said));
    }
}
