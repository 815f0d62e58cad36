package dev.studybot.study;

import dev.studybot.chat.Reply;

/** The help text (from the {@link CommandCatalogue}), and the short usage replies for commands used wrongly. */
final class Usage {

    private Usage() {
    }

    /** The commands as they are typed on {@code platform} (Discord's admin commands are {@code /study-admin}). */
    static Reply help(String platform) {
        return Reply.privately(new Reply.Heading("studybot commands"),
                new Reply.Lines(CommandCatalogue.helpLines(platform)),
                new Reply.Note("Answer a question by pressing one of its buttons."));
    }

    static Reply unknown(String subcommand, String platform) {
        return Reply.privately(new Reply.Text("I don't know \"/study " + subcommand + "\". Here is what I can do:"),
                new Reply.Lines(CommandCatalogue.helpLines(platform)));
    }

    static Reply badArguments(String usage, String problem) {
        return Reply.privately(new Reply.Text(problem), new Reply.Note("Usage: " + usage));
    }
}
