package dev.studybot.study;

import dev.studybot.chat.Button;
import dev.studybot.chat.Markup;
import dev.studybot.chat.Plural;
import dev.studybot.chat.Reply;
import dev.studybot.knowledge.notes.Passage;
import dev.studybot.knowledge.questions.Question;
import dev.studybot.knowledge.search.SearchResponse;
import dev.studybot.knowledge.search.SearchResult;
import dev.studybot.itemanalysis.ReportReason;
import dev.studybot.game.AnswerOutcome;
import dev.studybot.store.Leaderboard;
import dev.studybot.store.Posted;
import dev.studybot.domain.Mode;
import dev.studybot.domain.Period;
import dev.studybot.domain.Place;
import dev.studybot.domain.Scope;
import dev.studybot.store.QuestionFeedbackStore.ReportOutcome;
import dev.studybot.store.SearchHistory;
import dev.studybot.store.Stats;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntFunction;

/** Turns what the bot found or recorded into platform-neutral replies. */
final class Replies {

    private Replies() {
    }

    /**
     * Results {@code from} to {@code from + count} of lookup {@code searchId}: the query repeated first, so a reader
     * scrolling back knows what was asked, then the passages, each as its answering lines when it has other lines
     * too, then "Show full passage" for each of those, "More results" while there are more, and 👍/👎 (no buttons for
     * a lookup that could not be stored).
     */
    static Reply search(Optional<String> searchId, String query, SearchResponse response, int from, int count) {
        List<Reply.Part> parts = new ArrayList<>();
        parts.add(new Reply.Note((from == 0 ? "Lookup: " : "More for: ") + Markup.literal(query)));
        if (from == 0 && response.suggestion() != null) {
            parts.add(new Reply.Note("Did you mean: " + response.suggestion()));
        }
        if (from == 0 && response.message() != null) {
            parts.add(new Reply.Text(response.message()));
        }
        List<SearchResult> results = response.results();
        List<Button> buttons = new ArrayList<>();
        for (int rank = from; rank < Math.min(from + count, results.size()); rank++) {
            parts.add(SearchExcerpts.gist(results.get(rank), rank + 1));
            if (searchId.isPresent() && SearchExcerpts.shortened(results.get(rank))) {
                buttons.add(SearchButtons.passage(searchId.get(), rank));
            }
        }
        if (from > 0 && results.size() <= from) {
            // "More" pressed (or typed) again after the last page: say so rather than send an empty reply.
            parts.add(new Reply.Text("No more results for that lookup; try /study search with other words."));
        }
        if (searchId.isPresent() && results.size() > from + count) {
            buttons.add(SearchButtons.more(searchId.get()));
        }
        if (searchId.isPresent() && !results.isEmpty()) {
            buttons.add(SearchButtons.helpful(searchId.get()));
            buttons.add(SearchButtons.unhelpful(searchId.get()));
            if (from == 0) {
                buttons.add(SearchButtons.share(searchId.get()));
            }
        }
        return new Reply(true, parts, buttons);
    }

    /** A member's lookup, shown to the whole channel: who shared it, then its first results, without buttons. */
    static Reply shared(String sharedBy, String query, SearchResponse response, int count) {
        List<Reply.Part> parts = new ArrayList<>();
        parts.add(new Reply.Note(Markup.literal(sharedBy) + " shared a lookup: " + Markup.literal(query)));
        response.results().stream().limit(count).forEach(result -> parts.add(SearchExcerpts.whole(result)));
        return new Reply(false, parts, List.of());
    }

    /** Result {@code rank} (0-based) of a lookup as a whole passage, for the member who asked to see it all. */
    static Reply fullPassage(String query, SearchResult result, int rank) {
        return Reply.privately(new Reply.Note("Result " + (rank + 1) + " in full, for: " + Markup.literal(query)),
                SearchExcerpts.whole(result));
    }

    /** The first result of a lookup as the store keeps it: where it is and the line that answers (else its first). */
    static Optional<SearchHistory.TopResult> topResult(SearchResponse response) {
        if (response.results().isEmpty()) {
            return Optional.empty();
        }
        SearchResult top = response.results().get(0);
        Passage passage = top.passage();
        List<String> lines = passage.text().lines().toList();
        int line = SearchExcerpts.answerLines(top).stream().min(Integer::compare).orElse(0);
        String answer = lines.isEmpty() ? passage.text() : lines.get(Math.min(line, lines.size() - 1)).strip();
        // The line without its list marker, as the answer string of a query set ("a shown result contains it").
        answer = answer.replaceFirst("^([-*+•]|\\d+[.)])\\s+", "");
        return Optional.of(new SearchHistory.TopResult(passage.file() + ":" + passage.line(), answer));
    }

    /** A practice or review question: its choices lettered in the text, a button for each. */
    static Reply question(long postedId, Question question, Mode mode) {
        return new Reply(true, asked(question, mode, choice -> ""), Button.forQuestion(postedId, question.choices()));
    }

    /** The heading, the prompt and the choices lettered A, B, …, each after its mark. */
    private static List<Reply.Part> asked(Question question, Mode mode, IntFunction<String> mark) {
        List<String> choices = new ArrayList<>();
        for (int i = 0; i < question.choices().size(); i++) {
            choices.add(mark.apply(i) + (char) ('A' + i) + ". " + question.choices().get(i));
        }
        String intro = mode == Mode.REVIEW ? "Review" : "Practice question";
        return new ArrayList<>(List.of(new Reply.Heading(intro + " · " + String.join(" › ", question.topic())),
                new Reply.Text(question.prompt()), new Reply.Lines(choices)));
    }

    /** The second step of reporting: why. */
    static Reply reportReasons(long postedId) {
        List<Button> buttons = new ArrayList<>();
        for (ReportReason reason : ReportReason.values()) {
            buttons.add(Button.reportFor(postedId, reason.key(), reason.label()));
        }
        return new Reply(true, List.of(new Reply.Text("What is wrong with this question? Your report goes to the admins; "
                + "a question two members report is taken out of the pool.")), buttons);
    }

    static Reply reported(ReportOutcome outcome, String platform) {
        if (outcome instanceof ReportOutcome.Recorded recorded) {
            String thanks = "Thanks: reported as " + recorded.reason().phrase() + ".";
            return Reply.privately(new Reply.Text(recorded.retiredBecause().isPresent()
                    ? thanks + " Another member reported it too, so it is out of the question pool until an admin "
                            + "restores it."
                    : thanks + " Admins see reported questions with "
                            + QuestionReviewCommands.FLAGGED.command(platform) + "."));
        }
        if (outcome instanceof ReportOutcome.AlreadyReported already) {
            return Reply.privately(new Reply.Text("You reported this question already (as " + already.earlier().phrase()
                    + "); one report per member counts."));
        }
        return Reply.privately(new Reply.Text("I can't find that question any more, so there is nothing to report."));
    }

    /**
     * @param from       where the answer was given (the console can answer a question posted in another channel)
     * @param reviewsDue how many reviews the member has due now, offered under an answered practice question
     */
    static Reply answered(AnswerOutcome outcome, Place from, int reviewsDue) {
        if (outcome instanceof AnswerOutcome.Recorded recorded) {
            return recorded(recorded, from, reviewsDue);
        }
        if (outcome instanceof AnswerOutcome.AlreadyAnswered already) {
            return Reply.privately(new Reply.Text("You already answered this one (you chose \""
                    + choice(already.posted().question(), already.previousChoice()) + "\"). Only your first answer counts."));
        }
        if (outcome instanceof AnswerOutcome.Expired) {
            return Reply.privately(new Reply.Text(
                    "This question has closed, so answers no longer count. Try /study quiz for a new one."));
        }
        if (outcome instanceof AnswerOutcome.NoSuchChoice none) {
            int choices = none.posted().question().choices().size();
            return Reply.privately(new Reply.Text("That question has only " + Plural.of(choices, "choice") + ", so there is no choice "
                    + (char) ('a' + none.choice()) + "; nothing was counted. Pick one of its " + choices + "."));
        }
        if (outcome instanceof AnswerOutcome.NotYours) {
            return Reply.privately(new Reply.Text(
                    "That practice question belongs to someone else. Try /study quiz for your own."));
        }
        return Reply.privately(new Reply.Text("I can't find that question any more. Try /study quiz for a new one."));
    }

    /**
     * The verdict and the explanation; an answered practice or review question (private to the member) also shows the
     * question again with the right and the pressed choice marked, in place of the question, and what to do next.
     */
    private static Reply recorded(AnswerOutcome.Recorded recorded, Place from, int reviewsDue) {
        Posted posted = recorded.posted();
        Question question = posted.question();
        boolean practice = posted.mode() != Mode.DAILY;
        List<Reply.Part> parts = practice ? asked(question, posted.mode(),
                choice -> choice == question.answer() ? RIGHT_MARK : choice == recorded.choice() ? WRONG_MARK : "")
                : new ArrayList<>();
        String verdict = recorded.correct()
                ? "Right! \"" + question.correctChoice() + "\"" + points(recorded.points())
                : "Not quite: you chose \"" + choice(question, recorded.choice()) + "\"; the answer is \""
                        + question.correctChoice() + "\". It will come back in /study review.";
        parts.add(new Reply.Text(verdict));
        if (recorded.streak() > 1) {
            parts.add(new Reply.Note("Daily streak: " + recorded.streak()));
        }
        if (!Objects.equals(recorded.posted().channelId(), from.channelId())) {
            // Points go to the board of the channel the question was posted in, so say where to look for them.
            parts.add(new Reply.Note("This question was posted in another channel: its points count on that channel's"
                    + " board (and the whole group's), not on this one's."));
        }
        if (!question.explanation().isBlank()) {
            parts.add(new Reply.Excerpt(String.join(" › ", question.topic()), question.file() + ":" + question.line(),
                    question.explanation(), List.of()));
        }
        if (!practice) {
            return new Reply(true, parts, List.of());
        }
        return new Reply(true, parts, afterAnswer(recorded, reviewsDue)).replacingPressed();
    }

    static final String RIGHT_MARK = "✅ ";
    static final String WRONG_MARK = "❌ ";

    /** The answer buttons, spent and marked; Report question; then where to go from here. */
    private static List<Button> afterAnswer(AnswerOutcome.Recorded recorded, int reviewsDue) {
        Posted posted = recorded.posted();
        List<String> choices = posted.question().choices();
        List<Button> buttons = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            Button.State state = i == posted.question().answer() ? Button.State.RIGHT
                    : i == recorded.choice() ? Button.State.WRONG : Button.State.CLOSED;
            buttons.add(Button.answer(posted.id(), i, choices.get(i)).in(state));
        }
        buttons.add(Button.report(posted.id()));
        buttons.addAll(PracticeCommands.nextSteps(posted.id(), reviewsDue));
        return buttons;
    }

    private static String points(int points) {
        return points == 0 ? "" : " +" + Plural.of(points, "point");
    }

    private static String choice(Question question, int index) {
        return index >= 0 && index < question.choices().size() ? question.choices().get(index) : "?";
    }

    /** A period as the board's heading names it: "this week". */
    static String span(Period period) {
        return switch (period) {
            case WEEK -> "this week";
            case MONTH -> "this month";
            case ALL -> "all time";
        };
    }

    /** A board's heading, which its chart takes as its title: "Leaderboard, this week, #general". */
    static String boardTitle(Leaderboard board, String where) {
        return "Leaderboard, " + span(board.period()) + ", " + (board.scope() == Scope.CHANNEL ? "#" : "") + where;
    }

    static Reply leaderboard(Leaderboard board, String where) {
        String title = boardTitle(board, where);
        if (board.top().isEmpty()) {
            return new Reply(false, List.of(new Reply.Heading(title), new Reply.Text("No points yet "
                    + span(board.period()) + ". Answer a question to get on the board.")), List.of());
        }
        return leaderboard(board, title, List.of());
    }

    /** A board with rows under {@code title}, with {@code lead} between them. */
    static Reply leaderboard(Leaderboard board, String title, List<Reply.Part> lead) {
        List<Reply.Part> parts = new ArrayList<>();
        parts.add(new Reply.Heading(title));
        parts.addAll(lead);
        List<Reply.Field> rows = new ArrayList<>();
        board.top().forEach(row -> rows.add(row(row, "")));
        if (board.caller() != null) {
            rows.add(new Reply.Field("…", "", "", false));
            rows.add(row(board.caller(), "  (you)"));
        }
        parts.add(Reply.Lines.of(rows));
        parts.add(new Reply.Note(Plural.of(board.players(), "player") + "; points = daily + practice"));
        return new Reply(false, parts, List.of());
    }

    /** A board's row: rank and name, then the points; {@code mark} after them ("  (you)"). */
    private static Reply.Field row(Leaderboard.Row row, String mark) {
        return new Reply.Field(row.rank() + ". " + Markup.literal(row.displayName()), String.format(Locale.ROOT,
                "%s (daily %d, practice %d), %d/%d right", Plural.of(row.points(), "pt"), row.dailyPoints(),
                row.practicePoints(), row.correct(), row.answered()) + mark, "  ", false);
    }

    static Reply stats(Stats stats) {
        List<Reply.Field> fields = new ArrayList<>();
        fields.add(stat("Points", (stats.dailyPoints() + stats.practicePoints()) + " (daily " + stats.dailyPoints()
                + ", practice " + stats.practicePoints() + ")"));
        fields.add(stat("Answered", String.format(Locale.ROOT, "%d, right: %d (%.0f%%)", stats.answered(), stats.correct(),
                100 * stats.accuracy())));
        fields.add(stat("Daily streak", stats.currentStreak() + " (best " + stats.bestStreak() + ")"));
        for (Stats.TopicAccuracy topic : stats.weakestTopics()) {
            fields.add(stat("Weak spot", String.format(Locale.ROOT, "%s, %d/%d right", topic.topic(), topic.correct(),
                    topic.answered())));
        }
        if (stats.reviewsDue() > 0) {
            fields.add(stat("Due for review", stats.reviewsDue() + " (try /study review)"));
        }
        return Reply.privately(new Reply.Heading("Stats for " + Markup.literal(stats.displayName())), Reply.Lines.of(fields));
    }

    private static Reply.Field stat(String name, String value) {
        return new Reply.Field(name, value, ": ", true);
    }
}
