package dev.studybot.store;

import dev.studybot.game.AnswerService;
import dev.studybot.game.AnswerOutcome;
import dev.studybot.config.ScoringRules;
import dev.studybot.domain.Member;
import dev.studybot.domain.Place;
import dev.studybot.domain.Mode;
import dev.studybot.knowledge.questions.Question;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Places, members and questions for the store tests. */
final class StoreFixtures {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z"); // a Monday
    static final Duration DAY = Duration.ofDays(1);
    static final Place GENERAL = new Place("slack", "T1", "Acme", "C1", "general");
    static final Place RANDOM = new Place("slack", "T1", "Acme", "C2", "random");
    static final Member ANN = new Member("slack", "U1", "Ann");
    static final Member BOB = new Member("slack", "U2", "Bob");
    static final Member CAT = new Member("slack", "U3", "Cat");

    private StoreFixtures() {
    }

    /** Question n: choices A..D, the answer is index n % 4. */
    static Question question(int n, String... topic) {
        List<String> path = topic.length == 0 ? List.of("EC2", "Spot", "Fleets") : List.of(topic);
        return new Question("q" + n, "fact", path, "Question number " + n + " about " + String.join(" ", path) + "?",
                List.of("A" + n, "B" + n, "C" + n, "D" + n), n % 4, "aws.md", 10 + n, "Because " + n + ".");
    }

    static int right(Question q) {
        return q.answer();
    }

    static int wrong(Question q) {
        return (q.answer() + 1) % q.choices().size();
    }

    /** Answers through the game's rules under the default scoring, as the bot does. */
    static AnswerOutcome answer(StudyStore store, long posted, Member member, Place place, int choice, Instant at) {
        return new AnswerService(store.answers(), ScoringRules.DEFAULTS).answer(posted, member, place, choice, at);
    }

    static long postDaily(StudyStore store, Place place, int n, Instant at) {
        return store.post(place, null, Mode.DAILY, question(n), at, at.plus(DAY));
    }
}
