package dev.studybot.chat;

/**
 * What a platform adapter hands the bot: a typed command or a pressed button, already translated
 * from Slack, Discord or console events.
 */
public sealed interface Interaction {

    Caller caller();

    /** The same interaction by {@code caller} (the same member, with what the middleware knows about them). */
    Interaction withCaller(Caller caller);

    /**
     * {@code /study ...}
     *
     * @param text what follows {@code /study}, e.g. {@code "search spot instance"}; may be empty
     */
    record Command(Caller caller, String text) implements Interaction {
        @Override
        public Command withCaller(Caller caller) {
            return new Command(caller, text);
        }
    }

    /**
     * A button press.
     *
     * @param action the button's action id, as the bot made it (see {@link Button#action()})
     */
    record Press(Caller caller, String action) implements Interaction {
        @Override
        public Press withCaller(Caller caller) {
            return new Press(caller, action);
        }
    }
}
