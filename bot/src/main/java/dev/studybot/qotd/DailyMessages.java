package dev.studybot.qotd;

import dev.studybot.chat.Button;
import dev.studybot.chat.ReaderTime;
import dev.studybot.chat.Reply;
import dev.studybot.domain.Mention;
import dev.studybot.knowledge.questions.Question;
import dev.studybot.store.RevealStats;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the question of the day shows: the post, the post as the live count and the reveal edit it, the thread. */
final class DailyMessages {

    static final String RIGHT_MARK = "✅ ";
    /** Keeps the other choices' letters in line with the marked one's. */
    static final String OTHER_MARK = "▫️ ";

    private DailyMessages() {
    }

    /**
     * The question as it is posted, led by the channel's mention when it has one; its later edits (the live count, the
     * reveal) leave the mention out, so nobody is notified twice.
     */
    static Reply posted(long postedId, Question question, Instant revealAt, ZoneId zone, Optional<Mention> mention) {
        Reply open = open(postedId, question, revealAt, zone, 0);
        if (mention.isEmpty()) {
            return open;
        }
        List<Reply.Part> parts = new ArrayList<>();
        parts.add(new Reply.Ping(mention.get()));
        parts.addAll(open.parts());
        return new Reply(false, parts, open.buttons());
    }

    /** The question while it is open; {@code answered} so far shows once someone has. */
    static Reply open(long postedId, Question question, Instant revealAt, ZoneId zone, int answered) {
        String count = answered == 0 ? "" : " " + answered + " answered so far.";
        return new Reply(false, List.of(heading(question, ""), new Reply.Text(question.prompt()),
                new Reply.Note("One answer each; the answer is revealed " + ReaderTime.of(revealAt, zone).token() + "."
                        + count)), Button.forQuestion(postedId, question.choices()));
    }

    /**
     * The post once revealed: each choice with how many picked it, the right one marked, how it went and who was
     * first; the answer buttons closed (the right one shown as right), Report question still there.
     */
    static Reply revealed(long postedId, Question question, RevealStats stats, List<Integer> perChoice) {
        List<String> choices = new ArrayList<>();
        List<Button> buttons = new ArrayList<>();
        for (int i = 0; i < question.choices().size(); i++) {
            boolean right = i == question.answer();
            choices.add((right ? RIGHT_MARK : OTHER_MARK) + (char) ('A' + i) + ". " + question.choices().get(i) + " · "
                    + perChoice.get(i));
            buttons.add(Button.answer(postedId, i, question.choices().get(i))
                    .in(right ? Button.State.RIGHT : Button.State.CLOSED));
        }
        buttons.add(Button.report(postedId));
        return new Reply(false, List.of(heading(question, " · answer revealed"), new Reply.Text(question.prompt()),
                new Reply.Lines(choices), new Reply.Note(outcome(stats)
                        + (question.explanation().isBlank() ? "" : " Why: in the thread."))), buttons);
    }

    /** The explanation with its source, for the thread on the post; empty when the question has none. */
    static Optional<Reply> explanation(Question question) {
        if (question.explanation().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Reply.publicly(new Reply.Text("Answer: **" + question.correctChoice() + "**"), excerpt(question)));
    }

    /** The reveal as a message of its own, where the post cannot be edited (posted before its id was kept). */
    static Reply revealMessage(Question question, RevealStats stats) {
        List<Reply.Part> parts = new ArrayList<>();
        parts.add(new Reply.Heading("Answer to the question of the day · " + topic(question)));
        parts.add(new Reply.Text(question.prompt()));
        parts.add(new Reply.Text("Answer: **" + question.correctChoice() + "**"));
        parts.add(new Reply.Note(outcome(stats)));
        if (!question.explanation().isBlank()) {
            parts.add(excerpt(question));
        }
        return new Reply(false, parts, List.of());
    }

    private static String outcome(RevealStats stats) {
        String first = stats.firstRight() == null ? "Nobody got it right this time."
                : "First right: " + stats.firstRight() + ".";
        return stats.answered() + " answered, " + stats.correct() + " right. " + first;
    }

    private static Reply.Excerpt excerpt(Question question) {
        return new Reply.Excerpt(topic(question), question.file() + ":" + question.line(), question.explanation(), List.of());
    }

    private static Reply.Heading heading(Question question, String suffix) {
        return new Reply.Heading("Question of the day · " + topic(question) + suffix);
    }

    private static String topic(Question question) {
        return String.join(" › ", question.topic());
    }
}
