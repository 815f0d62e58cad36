package dev.studybot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.studybot.knowledge.questions.Question;
import dev.studybot.game.AnswerOutcome;
import dev.studybot.game.AnswerService;
import dev.studybot.domain.Member;
import dev.studybot.domain.Mode;
import dev.studybot.domain.Place;
import dev.studybot.store.SqlStudyStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scoring section of the configuration changes the points answers are awarded. */
class ScoringRulesStoreTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);
    private static final Place GENERAL = new Place("console", "local", "Console", "general", "general");
    private static final Member ANN = new Member("console", "ann", "Ann");

    @TempDir
    Path dir;

    private static Question question(int n) {
        return new Question("q" + n, "fact", List.of("EC2"), "Question " + n + "?", List.of("A", "B", "C", "D"), 1,
                "aws.md", 10 + n, "Because.");
    }

    /** Points for a right daily answer 10 minutes after posting on each of {@code days} days, then a practice one. */
    private static int[] play(SqlStudyStore store, ScoringRules rules, int days) {
        AnswerService answers = new AnswerService(store.answers(), rules);
        int[] points = new int[days + 1];
        for (int day = 0; day < days; day++) {
            Instant at = T0.plus(DAY.multipliedBy(day));
            long id = store.post(GENERAL, null, Mode.DAILY, question(day), at, at.plus(DAY));
            points[day] = assertInstanceOf(AnswerOutcome.Recorded.class,
                    answers.answer(id, ANN, GENERAL, 1, at.plus(Duration.ofMinutes(10)))).points();
        }
        Instant at = T0.plus(DAY.multipliedBy(days));
        long practice = store.post(GENERAL, ANN, Mode.PRACTICE, question(100), at, at.plus(DAY));
        points[days] = assertInstanceOf(AnswerOutcome.Recorded.class,
                answers.answer(practice, ANN, GENERAL, 1, at.plusSeconds(5))).points();
        return points;
    }

    @Test
    void defaultRulesScoreAsBefore() {
        try (SqlStudyStore store = SqlStudyStore.open(dir.resolve("default.db"))) {
            assertEquals(List.of(13, 15, 17, 19, 21, 23, 23, 1), toList(play(store, ScoringRules.DEFAULTS, 7)));
        }
    }

    @Test
    void rulesFromTheConfigurationChangeThePoints() throws IOException {
        Path file = Files.writeString(dir.resolve("studybot.yml"), """
                scoring:
                  daily_correct: 20
                  early_bonus: 5
                  early_minutes: 5
                  streak_step_bonus: 3
                  streak_bonus_steps: 2
                  practice_correct: 4
                """);
        ScoringRules rules = ConfigLoader.load(file, Map.of()).scoring();
        try (SqlStudyStore store = SqlStudyStore.open(dir.resolve("custom.db"))) {
            // 10 minutes is not early (5), the streak bonus is 3 per day capped at 2 days, practice is 4
            assertEquals(List.of(20, 23, 26, 26, 4), toList(play(store, rules, 4)));
        }
        ScoringRules early = ConfigLoader.load(file, Map.of("STUDYBOT_SCORING_EARLY_MINUTES", "10")).scoring();
        try (SqlStudyStore store = SqlStudyStore.open(dir.resolve("early.db"))) {
            assertEquals(List.of(25, 28, 4), toList(play(store, early, 2)));
        }
    }

    private static List<Integer> toList(int[] points) {
        return java.util.Arrays.stream(points).boxed().toList();
    }
}
