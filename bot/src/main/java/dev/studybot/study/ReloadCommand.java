package dev.studybot.study;

import dev.studybot.chat.Caller;
import dev.studybot.chat.Options;
import dev.studybot.chat.Reply;
import dev.studybot.chat.CommandSpec;
import dev.studybot.command.StudyCommand;
import dev.studybot.live.NotesReloader;

/** {@code /study reload}: re-reads the notes folder now, for admins, and says what changed. */
final class ReloadCommand implements StudyCommand {

    static final CommandSpec SPEC = CommandSpec.admin("reload", "re-read the notes folder now and say what changed", true);

    /** Set once live reload is wired up; until then the command says it is off. */
    private volatile NotesReloader reloader;

    void enable(NotesReloader reloader) {
        this.reloader = reloader;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public Reply run(Caller caller, Options options) {
        NotesReloader current = reloader;
        if (current == null) {
            return Reply.privately(new Reply.Text("Reloading the notes is not available in this bot; restart it to "
                    + "pick up changed notes."));
        }
        NotesReloader.Report report = current.reload();
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
