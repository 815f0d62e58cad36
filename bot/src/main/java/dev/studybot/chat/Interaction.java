package dev.studybot.chat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a platform adapter hands the bot: a command with its typed options, command text still to be read, a
 * pressed button or a filled-in form, already translated from Slack, Discord or console events.
 */
public sealed interface Interaction {

    Caller caller();

    /** The same interaction by {@code caller} (the same member, with what the middleware knows about them). */
    Interaction withCaller(Caller caller);

    /** The most words a lookup takes ({@code /study search}'s limit): a longer message is cut before it. */
    int LOOKUP_LIMIT = 200;

    /**
     * A lookup of another message's words in the notes, as "Look up in notes" on a message and a mention of the bot
     * ask: {@code /study search} with those words, cut at the last space within {@link #LOOKUP_LIMIT} characters.
     */
    /** A member's home ({@code /study home}), as a platform shows it on its own: Slack's App Home tab. */
    static Text home(Caller caller) {
        return new Text(caller, "home");
    }

    static Text lookUp(Caller caller, String words) {
        String query = words.strip().replaceAll("\\s+", " ");
        if (query.length() > LOOKUP_LIMIT) {
            int space = query.lastIndexOf(' ', LOOKUP_LIMIT);
            query = query.substring(0, space > 0 ? space : LOOKUP_LIMIT);
        }
        return new Text(caller, "search " + query);
    }

    /**
     * A command and its options, as a platform with typed options (Discord) gives them, or as the text parser read
     * them from typed text.
     *
     * @param path the command's words after {@code /study}: {@code "search"}, {@code "schedule set"}
     */
    record Command(Caller caller, String path, Options options) implements Interaction {
        @Override
        public Command withCaller(Caller other) {
            return new Command(other, path, options);
        }
    }

    /**
     * {@code /study ...} as typed on a text platform (Slack, the console), which the bot's one parser reads.
     *
     * @param text what follows {@code /study}, e.g. {@code "search spot instance"}; may be empty
     */
    record Text(Caller caller, String text) implements Interaction {
        @Override
        public Text withCaller(Caller other) {
            return new Text(other, text);
        }
    }

    /**
     * A button press.
     *
     * @param action the button's action id, as the bot made it (see {@link Button#action()})
     */
    record Press(Caller caller, String action) implements Interaction {
        @Override
        public Press withCaller(Caller other) {
            return new Press(other, action);
        }
    }

    /**
     * A {@link Form} sent back filled in.
     *
     * @param form   the form's {@link Form#id()}
     * @param values per field name, what was typed (one value) or chosen (any number); a field left empty is absent
     *               or has no values
     */
    record Submit(Caller caller, String form, Map<String, List<String>> values) implements Interaction {
        public Submit {
            values = values.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                    field -> List.copyOf(field.getValue())));
        }

        @Override
        public Submit withCaller(Caller other) {
            return new Submit(other, form, values);
        }

        /** What was typed or chosen in a one-value field, stripped; "" when nothing. */
        public String value(String field) {
            List<String> given = values(field);
            return given.isEmpty() ? "" : given.get(0).strip();
        }

        public List<String> values(String field) {
            return values.getOrDefault(field, List.of());
        }
    }
}
