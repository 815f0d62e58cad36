package dev.studybot.study;

import dev.studybot.chat.Caller;
import dev.studybot.chat.Markup;
import dev.studybot.chat.Options;
import dev.studybot.chat.Plural;
import dev.studybot.chat.Reply;
import dev.studybot.chat.Shorten;
import dev.studybot.chat.CommandSpec;
import dev.studybot.chat.OptionSpec;
import dev.studybot.command.StudyCommand;
import dev.studybot.command.Usage;
import dev.studybot.itemanalysis.ItemAnalysis;
import dev.studybot.itemanalysis.ReportReason;
import dev.studybot.store.QuestionFeedbackStore;
import dev.studybot.store.QuestionFeedbackStore.FlaggedQuestion;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code /study questions flagged | show <id> | restore <id>}, for admins: the questions members reported or the
 * answers showed to be wrong, what is known about each, and putting one back into the pool.
 */
final class QuestionReviewCommands {

    static final CommandSpec FLAGGED = CommandSpec.admin("questions flagged", "reported and retired questions", true)
            .alias("questions", "questions reported");
    static final CommandSpec SHOW = CommandSpec.admin("questions show", "one question's answers and reports", true)
            .option(idOption());
    static final CommandSpec RESTORE = CommandSpec.admin("questions restore", "put a retired question back into the pool",
            true).option(idOption());
    private static final int LISTED = 10;
    private static final int PROMPT_SHOWN = 160;

    private QuestionReviewCommands() {
    }

    private static OptionSpec idOption() {
        return OptionSpec.word("id", "id", "The question's id, as flagged lists it").asRequired().maxLength(40);
    }

    static List<StudyCommand> all(QuestionFeedbackStore feedback, Clock clock) {
        return List.of(new Flagged(feedback), new Show(feedback), new Restore(feedback, clock));
    }

    private record Flagged(QuestionFeedbackStore feedback) implements StudyCommand {
        @Override
        public CommandSpec spec() {
            return FLAGGED;
        }

        @Override
        public Reply run(Caller caller, Options options) {
            List<FlaggedQuestion> flagged = feedback.flagged(LISTED);
            if (flagged.isEmpty()) {
                return Reply.privately(new Reply.Text("No question has been reported or retired. Members report one with "
                        + "the Report question button under it."));
            }
            List<String> lines = new ArrayList<>();
            for (FlaggedQuestion question : flagged) {
                lines.addAll(describe(question));
            }
            return Reply.privately(new Reply.Heading("Reported and retired questions"), new Reply.Lines(lines),
                    new Reply.Note("Retired questions are not asked until restored: "
                            + RESTORE.usage(caller.member().platform())));
        }
    }

    private record Show(QuestionFeedbackStore feedback) implements StudyCommand {
        @Override
        public CommandSpec spec() {
            return SHOW;
        }

        @Override
        public Reply run(Caller caller, Options options) {
            return withId(SHOW, caller, options, id -> {
                Optional<FlaggedQuestion> question = feedback.question(id);
                if (question.isEmpty()) {
                    return unknown(id, caller);
                }
                List<String> lines = new ArrayList<>(describe(question.get()));
                question.get().analysis().picks().forEach((choice, picks) -> lines.add("  " + Markup.literal(choice) + ": "
                        + Plural.of(picks, "answer") + (choice.equals(question.get().analysis().correctChoice()) ? " (right)" : "")));
                return Reply.privately(new Reply.Heading("Question " + Markup.literal(id)), new Reply.Lines(lines));
            });
        }
    }

    private record Restore(QuestionFeedbackStore feedback, Clock clock) implements StudyCommand {
        @Override
        public CommandSpec spec() {
            return RESTORE;
        }

        @Override
        public Reply run(Caller caller, Options options) {
            return withId(RESTORE, caller, options, id -> {
                Optional<FlaggedQuestion> restored = feedback.restore(id, clock.instant());
                if (restored.isEmpty()) {
                    return feedback.question(id).isPresent()
                            ? Reply.privately(new Reply.Text("Question " + Markup.literal(id)
                                    + " is not retired, so there is nothing to restore."))
                            : unknown(id, caller);
                }
                return Reply.privately(new Reply.Text("Restored: question " + Markup.literal(id) + " is back in the pool,"
                        + " and reports will not retire it again."), new Reply.Lines(describe(restored.get())));
            });
        }
    }

    /** Runs {@code withId} on the question id given, or says which is wanted when none is. */
    private static Reply withId(CommandSpec spec, Caller caller, Options options, Function<String, Reply> withId) {
        return options.get("id").map(withId).orElseGet(() -> Usage.badArguments(spec.usage(caller.member().platform()),
                "Which question? Give its id, as " + FLAGGED.command(caller.member().platform()) + " lists it."));
    }

    private static Reply unknown(String id, Caller caller) {
        return Reply.privately(new Reply.Text("No question \"" + Markup.literal(Shorten.to(id, 40)) + "\" has been asked"
                + " here. " + FLAGGED.command(caller.member().platform()) + " lists the reported ones with their ids."));
    }

    private static List<String> describe(FlaggedQuestion question) {
        List<String> lines = new ArrayList<>();
        lines.add(question.questionId() + " · " + Markup.literal(String.join(" › ", question.topic())) + ": "
                + Markup.literal(Shorten.to(question.prompt(), PROMPT_SHOWN)));
        String status = question.retiredBecause().map(why -> "retired: " + why)
                .orElse(question.restored() ? "restored by an admin" : "in service");
        if (!question.reports().isEmpty() && question.retiredBecause().isEmpty()) {
            status += "; reported as " + question.reports().stream().map(ReportReason::phrase).distinct()
                    .collect(Collectors.joining(", "));
        }
        lines.add("  " + status);
        lines.add("  " + answers(question.analysis()));
        return lines;
    }

    private static String answers(ItemAnalysis analysis) {
        if (analysis.answered() == 0) {
            return "not answered yet";
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%s, %.0f%% right",
                Plural.of(analysis.answered(), "answer"), 100 * analysis.shareRight()));
        Optional<Map.Entry<String, Integer>> wrong = analysis.mostPickedWrong();
        wrong.ifPresent(pick -> text.append("; most picked wrong choice: \"").append(Markup.literal(pick.getKey()))
                .append("\" (").append(pick.getValue()).append(')'));
        if (analysis.discrimination().isPresent()) {
            text.append(String.format(Locale.ROOT, "; discrimination %.2f over %s",
                    analysis.discrimination().getAsDouble(), Plural.of(analysis.discriminating(), "answer")));
        }
        return text.toString();
    }
}
