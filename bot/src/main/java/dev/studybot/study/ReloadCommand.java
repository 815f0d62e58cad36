package dev.studybot.study;

import dev.studybot.chat.Caller;
import dev.studybot.chat.Reply;
import dev.studybot.live.NotesReloader;

/** {@code /study reload}: re-reads the notes folder now, for admins, and says what changed. */
final class ReloadCommand {

    private final NotesReloader reloader;

    ReloadCommand(NotesReloader reloader) {
        this.reloader = reloader;
    }

    /** @param command null when live reload is not set up in this bot */
    static Reply handle(ReloadCommand command, Caller caller) {
        if (!caller.admin()) {
            return Reply.privately(new Reply.Text("Only an admin can reload the notes."));
        }
        if (command == null) {
            return Reply.privately(new Reply.Text("Reloading the notes is not available in this bot; restart it to "
                    + "pick up changed notes."));
        }
        return command.run();
    }

    private Reply run() {
        NotesReloader.Report report = reloader.reload();
        String heading;
        if (!report.errors().isEmpty()) {
            heading = "Notes reloaded with problems: what could not be updated is still in service as before";
        } else if (report.changedAnything()) {
            heading = "Notes reloaded";
        } else {
            heading = "Notes reloaded: nothing changed";
        }
        return Reply.privately(new Reply.Heading(heading), new Reply.Lines(report.lines()));
    }
}
