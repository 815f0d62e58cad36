package dev.studybot.chat;

import java.util.List;
import java.util.function.Predicate;

/**
 * One typed option of a command: what Discord registers as an option, and what the text parser fills from the words
 * after the command's name.
 *
 * @param name        the option's key in {@link Options}, and its Discord name
 * @param kind        what it holds, which decides how typed words fill it
 * @param placeholder how usage shows it: {@code words} in {@code <words>}; choices are shown as {@code a|b}
 * @param description what Discord shows beside it
 * @param required    whether the command needs it (Discord enforces it; in typed text the command says what is missing)
 * @param maxLength   the longest value Discord accepts, 0 for no limit
 * @param choices     the values a {@link Kind#CHOICE} takes
 * @param accepts     which words a {@link Kind#WORD} takes in typed text; a word it refuses goes to the next option
 * @param suggests    what Discord suggests as it is typed
 */
public record OptionSpec(String name, Kind kind, String placeholder, String description, boolean required,
                         int maxLength, List<Choice> choices, Predicate<String> accepts, Suggestions suggests) {

    /** What a platform that completes options as they are typed (Discord) offers for one. */
    public enum Suggestions {
        NONE,
        /** The notes' topics. */
        TOPICS,
        /** Time zone names, e.g. Europe/Berlin. */
        TIME_ZONES
    }

    public enum Kind {
        /** The rest of the typed text, as typed. */
        TEXT,
        /** One word, in its place. */
        WORD,
        /** One of {@link #choices()}, wherever it is typed. */
        CHOICE,
        /** "here" or the channel's own name or mention, wherever it is typed; on Discord, server or this channel. */
        CHANNEL,
        /** The remaining words, each one item (quoted words stay one), held as one comma-separated value. */
        LIST,
        /** A member: a Discord user option; in typed text, the rest of the text. */
        USER,
        /** A group to notify: a Discord role option; in typed text, one word (a Slack user group's mention). */
        MENTION
    }

    /**
     * A value a choice takes, how Discord labels it, and other words typed text may say it with.
     */
    public record Choice(String value, String label, List<String> alsoTyped) {
        public Choice {
            alsoTyped = List.copyOf(alsoTyped);
        }

        public Choice(String value, String label) {
            this(value, label, List.of());
        }

        boolean typedAs(String word) {
            return value.equalsIgnoreCase(word) || alsoTyped.stream().anyMatch(other -> other.equalsIgnoreCase(word));
        }
    }

    public OptionSpec {
        choices = List.copyOf(choices);
    }

    private static OptionSpec of(String name, Kind kind, String placeholder, String description) {
        return new OptionSpec(name, kind, placeholder, description, false, 0, List.of(), word -> true, Suggestions.NONE);
    }

    public static OptionSpec text(String name, String placeholder, String description) {
        return of(name, Kind.TEXT, placeholder, description);
    }

    public static OptionSpec word(String name, String placeholder, String description) {
        return of(name, Kind.WORD, placeholder, description);
    }

    public static OptionSpec list(String name, String placeholder, String description) {
        return of(name, Kind.LIST, placeholder, description);
    }

    public static OptionSpec user(String name, String description) {
        return of(name, Kind.USER, name, description);
    }

    public static OptionSpec mention(String name, String placeholder, String description) {
        return of(name, Kind.MENTION, placeholder, description);
    }

    public static OptionSpec here(String name, String description) {
        return of(name, Kind.CHANNEL, "here", description);
    }

    public static OptionSpec choice(String name, String description, Choice... choices) {
        return new OptionSpec(name, Kind.CHOICE, name, description, false, 0, List.of(choices), word -> true, Suggestions.NONE);
    }

    public OptionSpec asRequired() {
        return new OptionSpec(name, kind, placeholder, description, true, maxLength, choices, accepts, suggests);
    }

    public OptionSpec maxLength(int length) {
        return new OptionSpec(name, kind, placeholder, description, required, length, choices, accepts, suggests);
    }

    public OptionSpec onlyIf(Predicate<String> words) {
        return new OptionSpec(name, kind, placeholder, description, required, maxLength, choices, words, suggests);
    }

    public OptionSpec suggestingTopics() {
        return suggesting(Suggestions.TOPICS);
    }

    public OptionSpec suggestingTimeZones() {
        return suggesting(Suggestions.TIME_ZONES);
    }

    private OptionSpec suggesting(Suggestions what) {
        return new OptionSpec(name, kind, placeholder, description, required, maxLength, choices, accepts, what);
    }

    /** How usage shows it: {@code <zone>}, {@code [topic]}, {@code [week|month|all]}. */
    public String usage() {
        String shown = kind == Kind.CHOICE ? String.join("|", choices.stream().map(Choice::value).toList()) : placeholder;
        return required ? "<" + shown + ">" : "[" + shown + "]";
    }

    /** Whether typed {@code word} is one of the choices (any case), and which. */
    public String choiceFor(String word) {
        return choices.stream().filter(choice -> choice.typedAs(word)).map(Choice::value).findFirst().orElse(null);
    }
}
