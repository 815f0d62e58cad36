package dev.studybot.knowledge.questions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybot.knowledge.analysis.Synonyms;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fact questions end to end: which numbers are asked, and which wrong values stand beside them. */
class FactQuestionsTest {

    @TempDir
    Path notes;

    private List<Question> facts(String text) throws IOException {
        Files.writeString(notes.resolve("facts.md"), text);
        return new QuestionGenerator(Synonyms.none()).generate(notes, 4).questions().stream()
                .filter(q -> q.kind().equals(FactQuestions.KIND)).toList();
    }

    private static Optional<Question> on(List<Question> facts, String correct) {
        return facts.stream().filter(q -> q.correctChoice().equals(correct)).findFirst();
    }

    private static Question need(List<Question> facts, String correct) {
        return on(facts, correct).orElseThrow(() -> new AssertionError("no question on " + correct + ": " + facts));
    }

    @Test
    void wrongValuesComeFromTheNotesWhenNearEnough() throws IOException {
        List<Question> facts = facts("""
                # Storage

                ## Keeping data
                - messages are kept for 14 days by default
                - nightly backups are kept for 35 days
                - access logs are kept for 7 days
                """);
        Question q = need(facts, "14 days");
        assertTrue(q.choices().containsAll(List.of("7 days", "35 days")), q::toString);
        assertEquals(4, new HashSet<>(q.choices()).size());
        for (String choice : q.choices()) {
            assertTrue(choice.matches("\\d+ days"), choice);
        }
    }

    @Test
    void aLongSentenceThatStandsAloneIsAsked() throws IOException {
        String sentence = "Tracing lets you choose how much of the traffic is recorded and change that choice while the "
                + "service keeps running, with no new release of the code: by default it records the first request "
                + "each second and 5% of the further requests on every host.";
        List<Question> facts = facts("""
                # Tracing

                ## Sampling
                - %s
                - the first trace of each second is always kept, 1 per host
                - a sampling rule can keep 10%% of the requests to one path
                """.formatted(sentence));
        assertTrue(sentence.length() > 220, "longer than facts could be before");
        assertTrue(need(facts, "5%").prompt().contains("records the first request each second"), facts::toString);
    }

    @Test
    void wrongValuesKeepTheWayTheUnitIsWritten() throws IOException {
        Question q = need(facts("""
                # Queue service

                ## Sizes
                - a single message can be at most 256KB in size
                """), "256KB");
        for (String choice : q.choices()) {
            assertTrue(choice.matches("\\d+KB"), choice);
        }
    }

    @Test
    void aSingularValueIsNotWrittenWithAPluralUnit() throws IOException {
        Question q = need(facts("""
                # Locks

                ## Holding
                - a lock is held for 2 hours at most
                """), "2 hours");
        for (String choice : q.choices()) {
            assertFalse(choice.matches("1 hours"), () -> "ungrammatical choice in " + q.choices());
        }
    }

    @Test
    void aBareNumberIsAskedWhereTheSentenceSaysWhatItLimits() throws IOException {
        Question q = need(facts("""
                # Databases

                ## Connections
                - the engine listens on port 5432 unless told otherwise
                """), "5432");
        for (String choice : q.choices()) {
            assertTrue(choice.matches("\\d+"), () -> "bare numbers only: " + q.choices());
            assertTrue(new BigDecimal(choice).signum() > 0);
        }
        assertEquals(q.prompt(), "Fill in the blank (Databases › Connections): the engine listens on port ___ unless told otherwise");
    }

    @Test
    void percentagesNeverReach100() throws IOException {
        Question q = need(facts("""
                # Object store

                ## Durability
                - objects are designed for 99.999999999% durability
                """), "99.999999999%");
        for (String choice : q.choices()) {
            assertTrue(choice.endsWith("%"), choice);
            assertTrue(new BigDecimal(choice.replace("%", "")).compareTo(BigDecimal.valueOf(100)) < 0, choice);
            assertTrue(choice.startsWith("99."), () -> "told apart by nines: " + q.choices());
        }
    }

    @Test
    void examplesCodesYearsAndUncountedNumbersAreNotAsked() throws IOException {
        List<Question> facts = facts("""
                # Throttling

                ## Behaviour
                - e.g. a burst of 10 requests arrives at once
                - the api returns error 429 when callers go too fast
                - this rule was introduced in 2019 for every account
                - the team met 3 times about the dashboards
                """);
        assertEquals(List.of(), facts);
    }

    @Test
    void aNestedBulletCarriesItsParentAsContext() throws IOException {
        String text = """
                # Queue service

                ## Visibility
                - While a consumer works on a message:
                  - other consumers cannot see it for 30 seconds by default
                """;
        Question q = need(facts(text), "30 seconds");
        assertTrue(q.prompt().startsWith("Fill in the blank (Queue service › Visibility › While a consumer works on a message): "),
                q::prompt);
        assertTrue(q.prompt().endsWith("other consumers cannot see it for ___ by default"), q::prompt);
        assertEquals(text.lines().toList().indexOf("  - other consumers cannot see it for 30 seconds by default") + 1,
                q.line());
    }

    @Test
    void thousandsSeparatorsAreKeptOnEveryChoice() throws IOException {
        Question q = need(facts("""
                # Tables

                ## Throughput
                - one partition serves up to 5,000 requests per second
                """), "5,000 requests");
        for (String choice : q.choices()) {
            assertTrue(choice.matches("\\d{1,3}(,\\d{3})* requests"), () -> "written like the answer: " + q.choices());
            assertFalse(choice.matches("\\d{4,} requests"), () -> "a separator is missing, which gives the answer away: "
                    + q.choices());
        }
    }

    @Test
    void aFactThatLeansOnTheSentenceBeforeIsNotAsked() throws IOException {
        List<Question> facts = facts("""
                # Archive

                ## Retrieval
                - It keeps 90 days of history before anything is removed
                - items stay in the cold tier for 180 days at least
                """);
        assertTrue(on(facts, "90 days").isEmpty(), facts::toString);
        need(facts, "180 days");
    }
}
