package dev.studybot.study;

import dev.studybot.chat.Caller;
import dev.studybot.chat.Options;
import dev.studybot.chat.Plural;
import dev.studybot.chat.Reply;
import dev.studybot.chat.CommandSpec;
import dev.studybot.command.StudyCommand;
import dev.studybot.knowledge.KnowledgeBase;
import dev.studybot.knowledge.index.SyncReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** {@code /study about}: the version, what the notes hold, and how long the bot has been up. */
final class AboutCommand implements StudyCommand {

    static final CommandSpec SPEC = CommandSpec.everyone("about", "version, notes, questions and uptime", true, false)
            .alias("version");

    private final KnowledgeBase knowledge;
    private final QuizPicker quizzes;
    private final Clock clock;
    private final Instant startedAt;

    AboutCommand(KnowledgeBase knowledge, QuizPicker quizzes, Clock clock) {
        this.knowledge = knowledge;
        this.quizzes = quizzes;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public Reply run(Caller caller, Options options) {
        String version = AboutCommand.class.getPackage().getImplementationVersion();
        SyncReport notes = knowledge.lastSync();
        Duration up = Duration.between(startedAt, clock.instant());
        return Reply.privately(new Reply.Heading("studybot " + (version == null ? "(development build)" : version)),
                new Reply.Lines(List.of(
                        "Notes: " + Plural.of(notes.filesIndexed() + notes.filesUnchanged(), "file") + ", "
                                + Plural.of(notes.passages(), "passage"),
                        "Questions: " + quizzes.size(),
                        String.format(Locale.ROOT, "Up for %dd %02dh %02dm", up.toDays(), up.toHoursPart(),
                                up.toMinutesPart()))));
    }
}
