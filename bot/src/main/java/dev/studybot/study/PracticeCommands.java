package dev.studybot.study;

import dev.studybot.chat.Button;
import dev.studybot.chat.Caller;
import dev.studybot.chat.Interaction;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    private static final String NEXT_QUESTION = "next-question";
    private static final String SAME_TOPIC = "same-topic:";
    private static final String REVIEW_DUE = "review-due";

    /**
     * The buttons under an answered practice question {@code posted}: Next question, Same topic, and Review when
     * {@code reviewsDue} is above 0. Their console keys carry the question's number, so no word typed as a search
     * presses one by chance.
     */
    static List<Button> nextSteps(long posted, int reviewsDue) {
        List<Button> buttons = new ArrayList<>();
        buttons.add(new Button(NEXT_QUESTION, "next" + posted, "Next question").asPrimary());
        buttons.add(new Button(SAME_TOPIC + posted, "same" + posted, "Same topic"));
        if (reviewsDue > 0) {
            buttons.add(new Button(REVIEW_DUE, "review" + posted, "Review (" + reviewsDue + " due)"));
        }
        return buttons;
    }

    /** A button that brings up the member's next review (on their home). */
    static Button reviewDue(int reviewsDue) {
        return new Button(REVIEW_DUE, "reviewdue", "Review (" + reviewsDue + " due)");
    }

    /**
     * The command a {@link #nextSteps} button stands for, run as if typed: {@code quiz}, {@code quiz <the posted
     * question's topic>} or {@code review}; empty when {@code action} is no such button or its question is gone.
     */
    static Optional<Interaction.Command> commandFor(Caller caller, String action, StudyStore store) {
        if (NEXT_QUESTION.equals(action)) {
            return Optional.of(new Interaction.Command(caller, QUIZ.path(), Options.NONE));
        }
        if (REVIEW_DUE.equals(action)) {
            return Optional.of(new Interaction.Command(caller, REVIEW.path(), Options.NONE));
        }
        if (action == null || !action.matches(SAME_TOPIC + "\\d{1,12}")) {
            return Optional.empty();
        }
        return store.posted(Long.parseLong(action.substring(SAME_TOPIC.length()))).map(posted -> {
            List<String> topic = posted.question().topic();
            // The first heading is the topic /study topics lists; no heading means any topic.
            Options options = topic.isEmpty() ? Options.NONE : new Options(Map.of("topic", topic.get(0)));
            return new Interaction.Command(caller, QUIZ.path(), options);
        });
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
            return Replies.question(id, question.get(), Mode.PRACTICE);
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
            return Replies.question(id, due.get(), Mode.REVIEW);
        }
    }
}
