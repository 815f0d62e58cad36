package dev.studybot.command;

import dev.studybot.chat.Reply;
import java.util.ArrayList;
import java.util.List;

/** The help text, and the short usage replies for commands used wrongly. */
public final class Usage {

    private Usage() {
    }

    static Reply help(List<String> helpLines) {
        return Reply.privately(new Reply.Heading("studybot commands"), new Reply.Lines(helpLines),
                new Reply.Note("Answer a question by pressing one of its buttons."));
    }

    static Reply unknown(String typed, List<String> helpLines) {
        return Reply.privately(new Reply.Text("I don't know \"/study " + typed + "\". Here is what I can do:"),
                new Reply.Lines(helpLines));
    }

    /** @param more what else goes with it, e.g. which fields of a form it was about */
    public static Reply badArguments(String usage, String problem, Reply.Part... more) {
        List<Reply.Part> parts = new ArrayList<>(List.of(new Reply.Text(problem), new Reply.Note("Usage: " + usage)));
        parts.addAll(List.of(more));
        return new Reply(true, parts, List.of());
    }
}
