package dev.studybot.study;

import dev.studybot.chat.Caller;
import dev.studybot.chat.Markup;
import dev.studybot.chat.Options;
import dev.studybot.chat.Reply;
import dev.studybot.chat.CommandSpec;
import dev.studybot.command.DidYouMean;
import dev.studybot.chat.OptionSpec;
import dev.studybot.command.StudyCommand;
import dev.studybot.domain.Mode;
import dev.studybot.knowledge.questions.Question;
import dev.studybot.store.StudyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@code /study quiz [topic]} and {@code /study review}: questions only the caller sees, answerable for a day. */
final class PracticeCommands {

    static final CommandSpec QUIZ = CommandSpec.everyone("quiz", "a practice question only you see", true, true)
            .alias("practice").option(OptionSpec.text("topic", "topic", "Limit it to a topic").suggestingTopics());
    static final CommandSpec REVIEW = CommandSpec.everyone("review", "a question you got wrong before, back for another try",
            true, true);
    /** A practice question stays answerable this long. */
    static final Duration OPEN = Duration.ofHours(24);

    private PracticeCommands() {
    }

    static List<StudyCommand> all(QuizPicker quizzes, StudyStore store, Clock clock) {
        return List.of(new Quiz(quizzes, store, clock), new Review(store, clock));
    }

    private record Quiz(QuizPicker quizzes, StudyStore store, Clock clock) implements StudyCommand {
        @Override
        public CommandSpec spec() {
            return QUIZ;
        }

        @Override
        public Reply run(Caller caller, Options options) {
            String topic = options.text("topic");
            Optional<Question> question = quizzes.pick(caller.member().key(), topic);
            if (question.isEmpty()) {
                return Reply.privately(new Reply.Text(topic.isBlank()
                        ? "There are no questions yet: add notes (or a *.quiz.md bank) to the notes folder."
                        : "No questions about \"" + Markup.literal(topic) + "\"."
                                + DidYouMean.sentence(topic, quizzes.headingWords())
                                + " See /study topics for what the notes cover."));
            }
            Instant now = clock.instant();
            long id = store.post(caller.place(), caller.member(), Mode.PRACTICE, question.get(), now, now.plus(OPEN));
            return Replies.question(id, question.get(), true, "Practice question");
        }
    }

    private record Review(StudyStore store, Clock clock) implements StudyCommand {
        @Override
        public CommandSpec spec() {
            return REVIEW;
        }

        @Override
        public Reply run(Caller caller, Options options) {
            Instant now = clock.instant();
            Optional<Question> due = store.nextReview(caller.member(), now);
            if (due.isEmpty()) {
                return Reply.privately(new Reply.Text("Nothing to review right now. Questions you get wrong come back here."));
            }
            long id = store.post(caller.place(), caller.member(), Mode.REVIEW, due.get(), now, now.plus(OPEN));
            return Replies.question(id, due.get(), true, "Review");
        }
    }
}
