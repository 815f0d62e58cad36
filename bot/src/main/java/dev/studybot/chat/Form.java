package dev.studybot.chat;

import java.util.List;

/**
 * A form the bot asks a member to fill in, which a platform with dialogs shows as one (a Slack modal, a Discord
 * modal); what is sent back comes as an {@link Interaction.Submit}. The core decides the fields, what they hold at
 * first and whether what is sent is right; adapters only translate. Sized to the smallest platform (Discord).
 *
 * @param id          what the submission says it fills in (see {@link Interaction.Submit#form()})
 * @param title       the dialog's title, at most {@link #MAX_TITLE} characters
 * @param submitLabel the send button's label where the platform shows one (Slack)
 */
public record Form(String id, String title, String submitLabel, List<Field> fields) {

    /** Slack cuts a modal's title and buttons at 24 characters. */
    public static final int MAX_TITLE = 24;
    /** Discord's modals take five fields. */
    public static final int MAX_FIELDS = 5;
    /** Discord's select menus take 25 options. */
    public static final int MAX_OPTIONS = 25;
    /** Discord's field labels take 45 characters. */
    public static final int MAX_LABEL = 45;

    public Form {
        fields = List.copyOf(fields);
        if (title.length() > MAX_TITLE || submitLabel.length() > MAX_TITLE || fields.isEmpty()
                || fields.size() > MAX_FIELDS) {
            throw new IllegalArgumentException("A form has a title and a submit label of at most " + MAX_TITLE
                    + " characters and 1 to " + MAX_FIELDS + " fields");
        }
    }

    /** One field: its name (the key of its value in the submission), its label, whether it must be filled. */
    public sealed interface Field {
        String name();

        String label();

        boolean required();
    }

    /**
     * A line of text.
     *
     * @param initial what it holds when the form opens ("" for nothing)
     */
    public record TextField(String name, String label, String placeholder, String initial, boolean required,
                            int maxLength) implements Field {
        public TextField {
            checkLabel(label);
        }
    }

    /**
     * A choice among {@code options}: one, or any number when {@code multiple}.
     *
     * @param initial the values chosen when the form opens
     */
    public record Select(String name, String label, String placeholder, List<Option> options, List<String> initial,
                         boolean multiple, boolean required) implements Field {
        public Select {
            checkLabel(label);
            options = List.copyOf(options);
            initial = List.copyOf(initial);
            if (options.isEmpty() || options.size() > MAX_OPTIONS) {
                throw new IllegalArgumentException("A select offers 1 to " + MAX_OPTIONS + " options");
            }
        }
    }

    /** One option of a {@link Select}: the value sent back, and what the member reads. */
    public record Option(String value, String label) {
    }

    private static void checkLabel(String label) {
        if (label.isBlank() || label.length() > MAX_LABEL) {
            throw new IllegalArgumentException("A field's label has 1 to " + MAX_LABEL + " characters");
        }
    }
}
