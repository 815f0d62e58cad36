package dev.studybot.study;

import dev.studybot.chat.Button;
import dev.studybot.chat.Caller;
import dev.studybot.chat.ChatHandler;
import dev.studybot.chat.CommandSpec;
import dev.studybot.chat.Interaction;
import dev.studybot.chat.Options;
import dev.studybot.chat.Reply;
import dev.studybot.command.CommandCatalogue;
import dev.studybot.command.StudyCommand;
import dev.studybot.command.TextCommandParser;
import dev.studybot.domain.Mode;
import dev.studybot.game.AnswerOutcome;
import dev.studybot.game.AnswerService;
import dev.studybot.itemanalysis.ReportReason;
import dev.studybot.knowledge.KnowledgeBase;
import dev.studybot.knowledge.questions.Question;
import dev.studybot.live.NotesReloader;
import dev.studybot.qotd.DailyScheduler;
import dev.studybot.qotd.QuestionOfTheDay;
import dev.studybot.store.QuestionFeedbackStore;
import dev.studybot.store.ScheduleStore;
import dev.studybot.store.StudyStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform-neutral bot: takes an interaction (a {@code /study} command or a button press), does
 * what it asks, and says what to reply. Adapters translate platform events in and replies out.
 */
public final class StudyBot implements ChatHandler {

    private static final Logger LOG = LoggerFactory.getLogger(StudyBot.class);

    private final QuizPicker quizzes;
    private final AnswerService answers;
    private final QuestionFeedbackStore feedback;
    private final StudyStore store;
    private final Clock clock;
    private final SearchCommand search;
    private final TopicsCommand topics;
    private final HomeCommand home;
    private final ReloadCommand reload = new ReloadCommand();
    private final CommandCatalogue catalogue;
    /** Told of each answer to a question of the day, for the live count on its post; null where it is not running. */
    private final QuestionOfTheDay dailyQuestions;

    /** @param daily the question of the day, or null where it is not running (then its commands say so) */
    public StudyBot(KnowledgeBase knowledge, List<Question> questions, StudyStore store, AnswerService answers,
                    Clock clock, long seed, DailyQuestions daily) {
        this.feedback = store.questionFeedback();
        this.store = store;
        this.quizzes = new QuizPicker(questions, seed, feedback::inService);
        this.answers = answers;
        this.dailyQuestions = daily == null ? null : daily.questions();
        this.clock = clock;
        this.search = new SearchCommand(knowledge, store.searches(), clock);
        this.topics = new TopicsCommand(quizzes);
        List<StudyCommand> commands = new ArrayList<>();
        // The help lists the commands in this order; adding a command is adding it here.
        commands.add(search);
        commands.addAll(PracticeCommands.all(quizzes, store, clock));
        commands.addAll(StandingsCommands.all(store, clock));
        this.home = new HomeCommand(store, daily == null ? null : daily.schedules(), daily == null ? null : daily.scheduler(),
                clock);
        commands.add(home);
        commands.add(topics);
        commands.addAll(DailyCommands.all(daily, store, quizzes));
        commands.add(daily == null ? new DailyCommands.NotRunning(MentionCommand.SPEC)
                : new MentionCommand(daily.schedules().mentions()));
        commands.addAll(TimeZoneCommands.all(store, clock));
        commands.add(new AboutCommand(knowledge, quizzes, clock));
        commands.add(reload);
        commands.addAll(QuestionReviewCommands.all(feedback, clock));
        this.catalogue = new CommandCatalogue(commands);
    }

    /**
     * Switches practice quizzes and topics to a new question pool (the notes changed). Questions already
     * posted stay answerable: answers use the question as stored when it was posted.
     */
    public void replaceQuestions(List<Question> questions) {
        quizzes.replace(questions);
    }

    /** Turns on {@code /study reload} (admins), which runs {@code reloader}. Without it the command says it is off. */
    public void enableReload(NotesReloader reloader) {
        reload.enable(reloader);
    }

    /** Every command, for the help, the text parser and the platforms that register commands (Discord). */
    public CommandCatalogue catalogue() {
        return catalogue;
    }

    /** What the question-of-the-day commands work with. */
    public record DailyQuestions(QuestionOfTheDay questions, DailyScheduler scheduler, ScheduleStore schedules) {
    }

    @Override
    public Reply handle(Interaction interaction) {
        if (interaction instanceof Interaction.Press press) {
            return press(press);
        }
        if (interaction instanceof Interaction.Command command) {
            return catalogue.run(command);
        }
        if (interaction instanceof Interaction.Submit submit) {
            return submit.form().equals(ScheduleForm.ID) ? ScheduleForm.submitted(submit, catalogue)
                    : Reply.privately(new Reply.Text("That form is no longer in use; nothing was changed."));
        }
        Interaction.Text text = (Interaction.Text) interaction;
        TextCommandParser.Parsed parsed = catalogue.parse(text.caller(), text.text());
        return parsed instanceof TextCommandParser.Parsed.Understood understood ? catalogue.run(understood.command())
                : ((TextCommandParser.Parsed.NotUnderstood) parsed).reply();
    }

    /** The notes' topics (first headings) with questions, for platforms that suggest them as you type. */
    @Override
    public List<String> topicNames() {
        return List.copyOf(quizzes.topics().keySet());
    }

    @Override
    public List<CommandSpec> commands() {
        return catalogue.specs();
    }

    private Reply press(Interaction.Press press) {
        Optional<Reply> lookup = search.pressed(press.caller(), press.action());
        if (lookup.isPresent()) {
            return lookup.get();
        }
        Optional<Reply> otherPeriod = home.pressed(press.caller(), press.action());
        if (otherPeriod.isPresent()) {
            return otherPeriod.get();
        }
        Optional<Interaction.Command> board = StandingsCommands.boardFor(press.caller(), press.action());
        if (board.isPresent()) {
            return catalogue.run(board.get()).replacingPressed();
        }
        if (press.action().equals(ScheduleForm.OPEN)) {
            // schedule set without a time opens the form, pre-filled; the catalogue refuses it to members.
            return catalogue.run(new Interaction.Command(press.caller(), DailyCommands.SET.path(), Options.NONE));
        }
        int topicsPage = TopicsCommand.pageOf(press.action());
        if (topicsPage > 0) {
            return topics.page(topicsPage, press.caller().member().platform());
        }
        Button.Report report = Button.parseReport(press.action());
        if (report != null) {
            return report(press.caller(), report);
        }
        Optional<Interaction.Command> nextStep = PracticeCommands.commandFor(press.caller(), press.action(), store);
        if (nextStep.isPresent()) {
            return catalogue.run(nextStep.get());
        }
        long[] answer = Button.parseAnswer(press.action());
        if (answer == null) {
            return buttonGone();
        }
        Caller caller = press.caller();
        AnswerOutcome outcome = answers.answer(answer[0], caller.member(), caller.place(), (int) answer[1], clock.instant());
        int reviewsDue = 0;
        if (outcome instanceof AnswerOutcome.Recorded recorded) {
            reviewAnswers(recorded.posted().question().id());
            if (recorded.posted().mode() != Mode.DAILY) {
                reviewsDue = store.stats(caller.place(), caller.member().key(), clock.instant()).reviewsDue();
            } else if (dailyQuestions != null) {
                dailyQuestions.answered(recorded.posted().id());
            }
        }
        return Replies.answered(outcome, caller.place(), reviewsDue);
    }

    private static Reply buttonGone() {
        return Reply.privately(new Reply.Text("That button doesn't do anything any more."));
    }

    private Reply report(Caller caller, Button.Report report) {
        if (report.reason() == null) {
            return Replies.reportReasons(report.posted());
        }
        Optional<ReportReason> reason = ReportReason.ofKey(report.reason());
        if (reason.isEmpty()) {
            return buttonGone();
        }
        return Replies.reported(feedback.report(report.posted(), caller.member(), reason.get(), clock.instant()),
                caller.member().platform());
    }

    /** The answer is saved whatever this finds: judging the question is the store's business, not the member's. */
    private void reviewAnswers(String questionId) {
        try {
            feedback.reviewAnswers(questionId, clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("Could not review the answers to question {}: {}", questionId, e.getMessage());
        }
    }
}
