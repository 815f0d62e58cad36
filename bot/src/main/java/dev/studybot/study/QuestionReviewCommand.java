package dev.studybot.study;

import dev.studybot.chat.Caller;
import dev.studybot.chat.Markup;
import dev.studybot.chat.Plural;
import dev.studybot.chat.Reply;
import dev.studybot.chat.Shorten;
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
import java.util.stream.Collectors;

/**
 * {@code /study questions flagged | show <id> | restore <id>}, for admins: the questions members reported or the
 * answers showed to be wrong, what is known about each, and putting one back into the pool.
 */
final class QuestionReviewCommand {

    private static final int LISTED = 10;
    private static final int PROMPT_SHOWN = 160;

    private final QuestionFeedbackStore feedback;
    private final Clock clock;

    QuestionReviewCommand(QuestionFeedbackStore feedback, Clock clock) {
        this.feedback = feedback;
        this.clock = clock;
    }

    Reply handle(Caller caller, List<String> args) {
        if (!caller.admin()) {
            return Reply.privately(new Reply.Text("Only admins can review reported questions."));
        }
        String platform = caller.member().platform();
        String usage = CommandCatalogue.usages(platform, "questions flagged", "questions show", "questions restore");
        String flaggedCommand = CommandCatalogue.typed("questions flagged", platform);
        String sub = args.isEmpty() ? "flagged" : args.get(0).toLowerCase(Locale.ROOT);
        List<String> rest = args.isEmpty() ? List.of() : args.subList(1, args.size());
        return switch (sub) {
            case "flagged", "reported" -> rest.isEmpty() ? flagged(platform)
                    : Usage.badArguments(usage, flaggedCommand + " takes nothing after it.");
            case "show" -> rest.size() == 1 ? show(rest.get(0), flaggedCommand)
                    : Usage.badArguments(usage, "Which question? Give its id, as " + flaggedCommand + " lists it.");
            case "restore" -> rest.size() == 1 ? restore(rest.get(0), flaggedCommand)
                    : Usage.badArguments(usage, "Which question? Give its id, as " + flaggedCommand + " lists it.");
            default -> Usage.badArguments(usage, "I don't know \"/study questions " + sub + "\".");
        };
    }

    private Reply flagged(String platform) {
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
                        + CommandCatalogue.usage("questions restore", platform)));
    }

    private Reply show(String id, String flaggedCommand) {
        Optional<FlaggedQuestion> question = feedback.question(id);
        if (question.isEmpty()) {
            return unknown(id, flaggedCommand);
        }
        List<String> lines = new ArrayList<>(describe(question.get()));
        question.get().analysis().picks().forEach((choice, picks) -> lines.add("  " + Markup.literal(choice) + ": "
                + Plural.of(picks, "answer") + (choice.equals(question.get().analysis().correctChoice()) ? " (right)" : "")));
        return Reply.privately(new Reply.Heading("Question " + id), new Reply.Lines(lines));
    }

    private Reply restore(String id, String flaggedCommand) {
        Optional<FlaggedQuestion> restored = feedback.restore(id, clock.instant());
        if (restored.isEmpty()) {
            return feedback.question(id).isPresent()
                    ? Reply.privately(new Reply.Text("Question " + id + " is not retired, so there is nothing to restore."))
                    : unknown(id, flaggedCommand);
        }
        return Reply.privately(new Reply.Text("Restored: question " + id + " is back in the pool, and reports will "
                + "not retire it again."), new Reply.Lines(describe(restored.get())));
    }

    private static Reply unknown(String id, String flaggedCommand) {
        return Reply.privately(new Reply.Text("No question \"" + Shorten.to(id, 40) + "\" has been asked here. "
                + flaggedCommand + " lists the reported ones with their ids."));
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
