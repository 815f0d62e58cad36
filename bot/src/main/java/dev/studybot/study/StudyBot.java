package dev.studybot.study;

import dev.studybot.chat.Button;
import dev.studybot.chat.Caller;
import dev.studybot.chat.ChatHandler;
import dev.studybot.chat.Interaction;
import dev.studybot.chat.Markup;
import dev.studybot.chat.Plural;
import dev.studybot.chat.Reply;
import dev.studybot.knowledge.KnowledgeBase;
import dev.studybot.knowledge.index.SyncReport;
import dev.studybot.knowledge.questions.Question;
import dev.studybot.knowledge.search.NotesSearcher;
import dev.studybot.live.NotesReloader;
import dev.studybot.qotd.DailyScheduler;
import dev.studybot.qotd.QuestionOfTheDay;
import dev.studybot.itemanalysis.ReportReason;
import dev.studybot.store.AnswerOutcome;
import dev.studybot.domain.Member;
import dev.studybot.domain.MemberKey;
import dev.studybot.domain.Mode;
import dev.studybot.domain.Period;
import dev.studybot.store.QuestionFeedbackStore;
import dev.studybot.store.ScheduleStore;
import dev.studybot.domain.Scope;
import dev.studybot.store.StudyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform-neutral bot: takes an interaction (a {@code /study} command or a button press), does
 * what it asks, and says what to reply. Adapters translate platform events in and replies out.
 */
public final class StudyBot implements ChatHandler {

    /** A practice question stays answerable this long. */
    static final Duration PRACTICE_OPEN = Duration.ofHours(24);
    private static final int SEARCH_RESULTS = 3;
    private static final int LEADERBOARD_TOP = 10;
    private static final Logger LOG = LoggerFactory.getLogger(StudyBot.class);

    private final KnowledgeBase knowledge;
    private final QuizPicker quizzes;
    private final StudyStore store;
    private final QuestionFeedbackStore feedback;
    private final QuestionReviewCommand questionReview;
    private final Clock clock;
    private final DailyCommands daily;
    private final TimeZoneCommand timeZone;
    private final TopicsCommand topics;
    /** Each member's last lookup, for "More results"; lost on restart, which only means searching again. */
    private final Map<MemberKey, LastSearch> lastSearches = new ConcurrentHashMap<>();

    private record LastSearch(String query, int shown) {
    }
    private final Instant startedAt;
    private volatile ReloadCommand reload;

    /** @param daily the question of the day, or null where it is not running (then its commands say so) */
    public StudyBot(KnowledgeBase knowledge, List<Question> questions, StudyStore store, Clock clock, long seed,
                    DailyQuestions daily) {
        this.knowledge = knowledge;
        this.feedback = store.questionFeedback();
        this.quizzes = new QuizPicker(questions, seed, feedback::inService);
        this.questionReview = new QuestionReviewCommand(feedback, clock);
        this.store = store;
        this.clock = clock;
        this.daily = daily == null ? null : new DailyCommands(daily.questions(), daily.scheduler(), daily.schedules(),
                store, quizzes);
        this.timeZone = new TimeZoneCommand(store, clock);
        this.topics = new TopicsCommand(quizzes);
        this.startedAt = clock.instant();
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
        this.reload = new ReloadCommand(reloader);
    }

    /** What the question-of-the-day commands work with. */
    public record DailyQuestions(QuestionOfTheDay questions, DailyScheduler scheduler, ScheduleStore schedules) {
    }

    public Reply handle(Interaction interaction) {
        if (interaction instanceof Interaction.Press press) {
            return press(press);
        }
        Interaction.Command command = (Interaction.Command) interaction;
        String text = command.text() == null ? "" : command.text().strip();
        List<String> words = CommandWords.split(text);
        String sub = words.isEmpty() ? "help" : words.get(0).toLowerCase(Locale.ROOT);
        List<String> args = words.size() <= 1 ? List.of() : words.subList(1, words.size());
        // Searches and quiz topics take the text as typed, quotes and all.
        String[] firstAndRest = text.split("\\s+", 2);
        String rest = firstAndRest.length < 2 ? "" : firstAndRest[1].strip();
        Caller caller = command.caller();
        String platform = caller.member().platform();
        // Names and aliases come from the catalogue, so what the help lists is what is dispatched here.
        return switch (CommandCatalogue.nameFor(sub).orElse("")) {
            case "search" -> search(caller, rest);
            case "quiz" -> quiz(caller, rest);
            case "review" -> args.isEmpty() ? review(caller) : noArguments(CommandCatalogue.usage("review", platform), args);
            case "leaderboard" -> leaderboard(caller, args);
            case "stats" -> stats(caller, rest);
            case "topics" -> topics.handle(args);
            case "schedule" -> daily == null ? dailyOff() : daily.schedule(caller, args);
            case "qotd" -> daily == null ? dailyOff() : daily.qotd(caller, args);
            case "timezone" -> timeZone.handle(caller, args);
            case "questions" -> questionReview.handle(caller, args);
            case "about" -> args.isEmpty() ? about() : noArguments(CommandCatalogue.usage("about", platform), args);
            case "reload" -> args.isEmpty() ? ReloadCommand.handle(reload, caller)
                    : noArguments(CommandCatalogue.usage("reload", platform), args);
            case "help" -> Usage.help(platform);
            default -> Usage.unknown(sub, platform);
        };
    }

    /** A command that takes nothing was given something: say so rather than silently ignore it. */
    private static Reply noArguments(String usage, List<String> args) {
        return Usage.badArguments(usage, usage + " takes nothing after it (got \"" + String.join(" ", args) + "\").");
    }

    private Reply about() {
        String version = StudyBot.class.getPackage().getImplementationVersion();
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

    private static Reply dailyOff() {
        return Reply.privately(new Reply.Text("The question of the day is not running in this bot."));
    }

    private Reply search(Caller caller, String query) {
        if (query.isBlank()) {
            return Usage.badArguments(CommandCatalogue.usage("search", caller.member().platform()), "What should I look up? For example: "
                    + "/study search spot instance interruption");
        }
        lastSearches.put(caller.member().key(), new LastSearch(query, SEARCH_RESULTS));
        return Replies.search(knowledge.search(query, SEARCH_RESULTS + 1), 0, SEARCH_RESULTS);
    }

    /** The next few results of the caller's last lookup (the "More results" button). */
    private Reply moreResults(Caller caller) {
        LastSearch last = lastSearches.get(caller.member().key());
        if (last == null) {
            return Reply.privately(new Reply.Text("Search again with /study search <words> to see more results."));
        }
        if (last.shown() >= NotesSearcher.MAX_LIMIT) {
            return Reply.privately(new Reply.Text("That is as far as a lookup goes; try more specific words."));
        }
        int upTo = Math.min(last.shown() + SEARCH_RESULTS, NotesSearcher.MAX_LIMIT);
        lastSearches.put(caller.member().key(), new LastSearch(last.query(), upTo));
        return Replies.search(knowledge.search(last.query(), Math.min(upTo + 1, NotesSearcher.MAX_LIMIT)), last.shown(),
                upTo - last.shown());
    }


    private Reply quiz(Caller caller, String topic) {
        Optional<Question> question = quizzes.pick(caller.member().key(), topic);
        if (question.isEmpty()) {
            return Reply.privately(new Reply.Text(topic.isBlank()
                    ? "There are no questions yet: add notes (or a *.quiz.md bank) to the notes folder."
                    : "No questions about \"" + Markup.literal(topic) + "\"."
                            + DidYouMean.sentence(topic, quizzes.headingWords()) + " See /study topics for what the notes cover."));
        }
        Instant now = clock.instant();
        long id = store.post(caller.place(), caller.member(), Mode.PRACTICE, question.get(), now, now.plus(PRACTICE_OPEN));
        return Replies.question(id, question.get(), true, "Practice question");
    }

    private Reply review(Caller caller) {
        Instant now = clock.instant();
        Optional<Question> due = store.nextReview(caller.member(), now);
        if (due.isEmpty()) {
            return Reply.privately(new Reply.Text("Nothing to review right now. Questions you get wrong come back here."));
        }
        long id = store.post(caller.place(), caller.member(), Mode.REVIEW, due.get(), now, now.plus(PRACTICE_OPEN));
        return Replies.question(id, due.get(), true, "Review");
    }

    private Reply leaderboard(Caller caller, List<String> args) {
        Period period = null;
        Scope scope = null;
        for (String arg : args) {
            Period asked = Replies.period(arg);
            ChannelWord.Meaning channel = ChannelWord.read(arg, caller.place());
            String problem = null;
            if (asked != null) {
                problem = period == null ? null : "Say one period, not \"" + period.name().toLowerCase(Locale.ROOT)
                        + "\" and \"" + Markup.literal(arg) + "\".";
                period = asked;
            } else if (channel == ChannelWord.Meaning.THIS_CHANNEL) {
                problem = scope == null ? null : "Say \"here\" once.";
                scope = Scope.CHANNEL;
            } else if (channel == ChannelWord.Meaning.OTHER_CHANNEL) {
                problem = "A channel's board is shown in that channel: run this there, or say \"here\" for #"
                        + Markup.literal(caller.place().channelName()) + ".";
            } else {
                problem = "I don't understand \"" + Markup.literal(arg) + "\" there."
                        + DidYouMean.sentence(arg, List.of("week", "month", "all", "here"));
            }
            if (problem != null) {
                return Usage.badArguments(CommandCatalogue.usage("leaderboard", caller.member().platform()), problem);
            }
        }
        period = period == null ? Period.WEEK : period;
        scope = scope == null ? Scope.GROUP : scope;
        String where = scope == Scope.CHANNEL ? caller.place().channelName() : caller.place().groupName();
        return Replies.leaderboard(store.leaderboard(caller.place(), scope, period, caller.member().userId(),
                LEADERBOARD_TOP, clock.instant()), where);
    }

    private Reply stats(Caller caller, String who) {
        Member member = caller.member();
        if (!who.isBlank()) {
            String name = who.startsWith("@") ? who.substring(1) : who;
            Optional<Member> found = store.findMember(member.platform(), name);
            if (found.isEmpty()) {
                return Reply.privately(new Reply.Text("I have no record of \"" + who + "\" yet."));
            }
            member = found.get();
        }
        return Replies.stats(store.stats(caller.place(), member.userId(), clock.instant()));
    }

    /** The notes' topics (first headings) with questions, for platforms that suggest them as you type. */
    public List<String> topicNames() {
        return List.copyOf(quizzes.topics().keySet());
    }

    private Reply press(Interaction.Press press) {
        if (Replies.MORE_RESULTS.action().equals(press.action())) {
            return moreResults(press.caller());
        }
        int topicsPage = TopicsCommand.pageOf(press.action());
        if (topicsPage > 0) {
            return topics.page(topicsPage);
        }
        Button.Report report = Button.parseReport(press.action());
        if (report != null) {
            return report(press.caller(), report);
        }
        long[] answer = Button.parseAnswer(press.action());
        if (answer == null) {
            return buttonGone();
        }
        Caller caller = press.caller();
        AnswerOutcome outcome = store.answer(answer[0], caller.member(), caller.place(), (int) answer[1], clock.instant());
        if (outcome instanceof AnswerOutcome.Recorded recorded) {
            reviewAnswers(recorded.posted().question().id());
        }
        return Replies.answered(outcome, caller.place());
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
