package dev.studybot.chat;

/**
 * What a platform adapter hands the bot: a typed command or a pressed button, already translated
 * from Slack, Discord or console events.
 */
public sealed interface Interaction {

    Caller caller();

    /**
     * {@code /study ...}
     *
     * @param text what follows {@code /study}, e.g. {@code "search spot instance"}; may be empty
     */
    record Command(Caller caller, String text) implements Interaction {
    }

    /**
     * A button press.
     *
     * @param action the button's action id, as the bot made it (see {@link Button#action()})
     */
    record Press(Caller caller, String action) implements Interaction {
    }
}
