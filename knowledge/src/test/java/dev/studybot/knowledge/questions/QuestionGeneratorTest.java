package dev.studybot.knowledge.questions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybot.knowledge.analysis.Synonyms;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuestionGeneratorTest {

    @TempDir
    Path notes;

    private static final List<String> DATABASE_KINDS = List.of("Relational", "Document", "Graph", "Wide column", "Time series");

    private static final String DATABASES = """
            # Databases

            ## Relational
            - Rows live in tables joined by keys, with a fixed schema.
            - Transactions keep several writes all-or-nothing.

            ## Document
            - Each record is a nested JSON-like object with flexible fields.
            - Good when the shape of items changes often.

            ## Graph
            - Stores nodes and edges so traversals of relationships are quick.
            - Handy for social connections and recommendation paths.

            ## Wide column
            - Rows can hold thousands of sparse fields grouped in families.
            - Scales writes across many machines with tunable consistency.

            ## Time series
            - Optimised for appending readings stamped with when they happened.
            - Old readings are rolled up into coarser summaries automatically.

            # Queues

            ## Standard
            - Best effort.

            ## Ordered
            - Strict order.

            ## Delayed
            - Later delivery.

            ## Dead letter
            - Failed items.
            """;

    private static final String QUEUES = """
            # Queue service

            ## Retention
            Notes on how long things stay around.

            - messages are kept for 14 days by default
            - the service is designed for 99.99% availability
            """;

    private static final List<String> LB_TERMS = List.of("Listener", "Target group", "Health check", "Rule");
    private static final List<String> LB_DEFINITIONS = List.of(
            "waits for incoming connections on a given port and protocol",
            "the set of backends that receive the routed requests",
            "a periodic probe that decides whether a backend stays in rotation",
            "decides where a request is forwarded based on its path or host");

    private static final String BALANCERS = """
            # Networking

            ## Load balancer pieces
            - Listener: waits for incoming connections on a given port and protocol
            - Target group: the set of backends that receive the routed requests
            - Health check: a periodic probe that decides whether a backend stays in rotation
            - Rule: decides where a request is forwarded based on its path or host

            ## Address pieces
            - Subnet: a slice of the private range tied to one zone
            - Route table: tells packets leaving a slice where to go next
            - Gateway: the door between the private range and the wider internet
            - Security group: a stateful allow list attached to each interface
            """;

    private Path write(String name, String text) throws IOException {
        Path file = notes.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private static int lineOf(String text, String needle) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError("No line contains \"" + needle + "\"");
    }

    private QuestionGenerator.Result generate(long seed) {
        return new QuestionGenerator(Synonyms.none()).generate(notes, seed);
    }

    private static List<Question> ofKind(QuestionGenerator.Result result, String kind) {
        return result.questions().stream().filter(q -> q.kind().equals(kind)).toList();
    }

    private static Set<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isEmpty()).collect(Collectors.toSet());
    }

    private static void assertWellFormed(Question q) {
        assertEquals(4, q.choices().size(), q::toString);
        assertEquals(4, q.choices().stream().map(c -> c.toLowerCase(Locale.ROOT)).distinct().count(), q::toString);
        assertEquals(Question.idOf(q.kind(), q.file(), q.line(), q.prompt(), q.correctChoice()), q.id());
        assertTrue(q.prompt().length() >= QualityGates.MIN_PROMPT && q.prompt().length() <= QualityGates.MAX_PROMPT);
    }

    // ---- kinds ---------------------------------------------------------------------------------

    @Test
    void identifyAsksForTheHeadingAmongItsSiblings() throws IOException {
        write("databases.md", DATABASES);
        QuestionGenerator.Result result = generate(1);
        List<Question> identify = ofKind(result, IdentifyQuestions.KIND);

        Set<String> asked = identify.stream().map(Question::correctChoice).collect(Collectors.toSet());
        assertEquals(new HashSet<>(DATABASE_KINDS), asked, "every database kind has two clues that do not name it");
        for (Question q : identify) {
            assertWellFormed(q);
            String heading = q.topic().get(q.topic().size() - 1);
            assertEquals(List.of("Databases", heading), q.topic());
            assertEquals(heading, q.correctChoice());
            assertTrue(DATABASE_KINDS.containsAll(q.choices()), () -> "choices must be sibling headings: " + q);
            assertTrue(q.prompt().startsWith("Which topic under Databases do these notes describe?\n- "), q::prompt);
            for (String word : words(heading)) {
                assertFalse(words(q.prompt()).contains(word), () -> "prompt names \"" + word + "\": " + q.prompt());
            }
            // The clues are bullets written under that heading, starting at the line of the first one.
            String firstClue = q.prompt().split("\n- ")[1];
            assertEquals("databases.md", q.file());
            assertEquals(lineOf(DATABASES, firstClue), q.line());
            int headingLine = lineOf(DATABASES, "## " + heading);
            assertTrue(q.line() > headingLine, q::toString);
            assertTrue(q.explanation().contains(firstClue), q::toString);
        }
        // Queue headings have no usable clues; their titles never stand in for database kinds.
        assertTrue(identify.stream().flatMap(q -> q.choices().stream()).noneMatch(c -> c.equals("Ordered")));
    }

    @Test
    void aHeadingOverPartsOfItsServiceIsNeitherAPartNorAWrongChoiceBesideThem() throws IOException {
        write("messaging.md", """
                # Messaging

                ## Queues with SQS
                - Producers and consumers never talk to each other directly.
                - Pay for the requests made, with nothing to provision upfront.

                ### Visibility timeout
                - A received message is hidden from other consumers for a while.
                - If nobody deletes it in time it shows up again for another try.

                ### Long polling
                - A receive call waits up to twenty seconds for a message to arrive.
                - Fewer empty responses lower the bill for a quiet consumer.

                ### Dead-letter queues
                - Messages that failed too many receives are moved aside for study.
                - The redrive setting says after how many receives they move.

                ### FIFO queues
                - Order is kept within a message group, and duplicates are removed.
                - Throughput is lower than the default kind without batching.
                """);
        List<Question> identify = ofKind(generate(1), IdentifyQuestions.KIND);

        assertFalse(identify.isEmpty());
        for (Question q : identify) {
            assertFalse(q.choices().contains("Queues with SQS"), q::toString);
        }
    }

    @Test
    void factBlanksTheQuantityWithAUnit() throws IOException {
        write("aws/queues.md", QUEUES);
        QuestionGenerator.Result result = generate(1);
        List<Question> facts = ofKind(result, FactQuestions.KIND);
        Question days = facts.stream().filter(q -> q.correctChoice().equals("14 days")).findFirst()
                .orElseThrow(() -> new AssertionError("no question on 14 days: " + result.questions()));

        assertWellFormed(days);
        assertEquals("Fill in the blank (Queue service › Retention): messages are kept for ___ by default",
                days.prompt());
        assertFalse(days.prompt().contains("14"));
        for (String choice : days.choices()) {
            assertTrue(choice.matches("\\d+ days"), () -> "not a number of days: " + choice);
        }
        assertEquals("aws/queues.md", days.file());
        assertEquals(lineOf(QUEUES, "14 days"), days.line());
        assertEquals(List.of("Queue service", "Retention"), days.topic());
        assertTrue(days.explanation().contains("messages are kept for 14 days by default"), days::explanation);
    }

    @Test
    void percentagesAreToldApartByTheirNines() throws IOException {
        write("queues.md", QUEUES);
        Question q = ofKind(generate(1), FactQuestions.KIND).stream()
                .filter(x -> x.correctChoice().equals("99.99%")).findFirst()
                .orElseThrow(() -> new AssertionError("no question on 99.99%"));
        assertWellFormed(q);
        assertTrue(q.prompt().endsWith("the service is designed for ___ availability"), q::prompt);
        // The usual figures nearest in nines to 99.99 (a hundredth missing): 99.95, 99.9 and 99.999.
        assertEquals(Set.of("99.99%", "99.95%", "99.9%", "99.999%"), new HashSet<>(q.choices()));
        for (String choice : q.choices()) {
            assertTrue(new BigDecimal(choice.replace("%", "")).compareTo(BigDecimal.valueOf(100)) < 0, choice);
        }
        assertEquals(lineOf(QUEUES, "99.99%"), q.line());
    }

    @Test
    void termAsksForTheNamedDefinitionAmongItsList() throws IOException {
        write("balancers.md", BALANCERS);
        QuestionGenerator.Result result = generate(1);
        List<Question> terms = ofKind(result, TermQuestions.KIND);

        for (int i = 0; i < LB_TERMS.size(); i++) {
            String term = LB_TERMS.get(i);
            String definition = LB_DEFINITIONS.get(i);
            Question q = terms.stream().filter(x -> x.correctChoice().equals(term)).findFirst()
                    .orElseThrow(() -> new AssertionError("no question on " + term + ": " + terms));
            assertWellFormed(q);
            assertTrue(q.prompt().contains("\"" + definition + "\""), q::prompt);
            assertTrue(q.prompt().startsWith("Networking › Load balancer pieces"), q::prompt);
            assertEquals(new HashSet<>(LB_TERMS), new HashSet<>(q.choices()), "distractors from the same list");
            assertEquals(List.of("Networking", "Load balancer pieces"), q.topic());
            assertEquals("balancers.md", q.file());
            assertEquals(lineOf(BALANCERS, term + ": "), q.line());
            assertTrue(q.explanation().contains(term + ": " + definition), q::explanation);
        }
    }

    // ---- determinism ---------------------------------------------------------------------------

    private void writeAll() throws IOException {
        write("databases.md", DATABASES);
        write("aws/queues.md", QUEUES);
        write("balancers.md", BALANCERS);
    }

    @Test
    void theSameSeedGivesTheSameQuestions() throws IOException {
        writeAll();
        QuestionGenerator.Result first = generate(17);
        QuestionGenerator.Result second = new QuestionGenerator(Synonyms.none()).generate(notes, 17);
        assertTrue(first.questions().size() >= 10, () -> "expected all kinds: " + first.questions());
        assertEquals(first.questions(), second.questions());
        assertEquals(first.rejections(), second.rejections());
        assertEquals(first.problems(), second.problems());
    }

    @Test
    void anotherSeedOnlyReordersChoices() throws IOException {
        writeAll();
        List<Question> base = generate(17).questions();
        boolean anyReordered = false;
        for (long seed : new long[] {0, 1, 18, 12345, -9}) {
            List<Question> other = generate(seed).questions();
            assertEquals(base.stream().map(Question::id).toList(), other.stream().map(Question::id).toList());
            assertEquals(base.stream().map(Question::prompt).toList(), other.stream().map(Question::prompt).toList());
            for (int i = 0; i < base.size(); i++) {
                Question a = base.get(i);
                Question b = other.get(i);
                assertEquals(new HashSet<>(a.choices()), new HashSet<>(b.choices()));
                assertEquals(a.correctChoice(), b.correctChoice());
                assertEquals(a.explanation(), b.explanation());
                anyReordered |= !a.choices().equals(b.choices());
            }
        }
        assertTrue(anyReordered, "the seed should shuffle some choices");
    }

    @Test
    void theRightChoiceIsNotAlwaysInTheSamePlace() throws IOException {
        writeAll();
        Set<Integer> positions = generate(3).questions().stream().map(Question::answer).collect(Collectors.toSet());
        assertTrue(positions.size() > 1, "answers all at " + positions);
    }

    @Test
    void idsAreUnique() throws IOException {
        writeAll();
        List<Question> questions = generate(5).questions();
        assertEquals(questions.size(), questions.stream().map(Question::id).distinct().count());
        questions.forEach(QuestionGeneratorTest::assertWellFormed);
    }

    // ---- near-duplicates -----------------------------------------------------------------------

    @Test
    void theSameBulletsInTwoTopicsAskOnlyOnce() throws IOException {
        String stores = DATABASES.substring(0, DATABASES.indexOf("# Queues"));
        write("a.md", stores);
        write("b.md", stores.replace("# Databases", "# Database kinds"));
        write("c.md", """
                # Queues
                - records are kept for 14 days by default

                # Streams
                - records are kept for 14 days by default
                """);
        QuestionGenerator.Result result = generate(1);
        List<String> prompts = result.questions().stream().map(Question::prompt).toList();
        assertEquals(prompts.size(), new HashSet<>(prompts).size(), () -> "same prompt twice: " + prompts);
        assertEquals(DATABASE_KINDS.size(), ofKind(result, IdentifyQuestions.KIND).size(),
                () -> "one question per set of clues: " + prompts);
        assertEquals(1, prompts.stream().filter(p -> p.endsWith("records are kept for ___ by default")).count(),
                () -> "one question per repeated fact: " + prompts);
        assertTrue(result.rejections().getOrDefault("near-duplicate of another question", 0) >= DATABASE_KINDS.size() + 1,
                result.rejections()::toString);
    }

    // ---- question banks ------------------------------------------------------------------------

    private static final String BANK = """
            # Queues

            Q: How long does the queue keep a message when nobody changes the setting?
            - [ ] 1 day
            - [x] 14 days
            - [ ] 30 days
            Explanation: Two weeks is the default in our notes.

            Q: Which number is the right one?
            - [ ] 1
            - [ ] 2

            Q: Which piece decides where a request goes?
            - [ ] Listener
            - [x] Rule
            """;

    @Test
    void bankQuestionsComeFirstAndTheirProblemsAreReported() throws IOException {
        writeAll();
        write("x.quiz.md", BANK);
        QuestionGenerator.Result result = generate(2);
        List<Question> questions = result.questions();

        List<Question> bank = ofKind(result, QuestionBank.KIND);
        assertEquals(2, bank.size(), () -> "bank questions: " + bank);
        assertEquals(bank, questions.subList(0, bank.size()), "bank questions lead the pool");
        assertTrue(questions.size() > bank.size());
        assertTrue(questions.subList(bank.size(), questions.size()).stream()
                .noneMatch(q -> q.kind().equals(QuestionBank.KIND)));
        assertEquals("x.quiz.md", bank.get(0).file());
        assertEquals(lineOf(BANK, "How long does the queue"), bank.get(0).line());
        assertEquals("14 days", bank.get(0).correctChoice());

        String where = "x.quiz.md:" + lineOf(BANK, "Which number is the right one?") + ":";
        assertTrue(result.problems().stream().anyMatch(p -> p.startsWith(where)),
                () -> "expected a problem at " + where + " in " + result.problems());
        assertEquals(1, result.problems().size(), result.problems()::toString);

        for (long seed = 0; seed < 5; seed++) {
            List<Question> picked = QuestionSelection.pick(questions, 4, seed);
            assertEquals(new HashSet<>(bank), new HashSet<>(picked.subList(0, 2)), "seed " + seed);
            assertTrue(picked.subList(2, 4).stream().noneMatch(q -> q.kind().equals(QuestionBank.KIND)));
        }
        // The bank file is not notes: nothing is generated from it.
        assertTrue(questions.stream().filter(q -> !q.kind().equals(QuestionBank.KIND))
                .noneMatch(q -> q.file().endsWith(".quiz.md")));
    }

    @Test
    void synonymsKeepAnOtherNameFromGivingATermAway() throws IOException {
        String text = """
                # Compute

                ## Fleet pieces
                - Auto Scaling group: a fleet keeper holds the fleet at the size you asked for
                - Launch template: the saved settings each new machine boots with
                - Scaling policy: a rule that moves the desired size up or down
                - Warm pool: machines kept stopped and ready so growth is faster
                """;
        write("compute.md", text);
        List<Question> plain = ofKind(new QuestionGenerator(Synonyms.none()).generate(notes, 1), TermQuestions.KIND);
        QuestionGenerator.Result withKeeper = new QuestionGenerator(Synonyms.parse("fleet keeper, auto scaling group", "test"))
                .generate(notes, 1);
        assertTrue(plain.stream().anyMatch(q -> q.correctChoice().equals("Auto Scaling group")), plain::toString);
        assertTrue(ofKind(withKeeper, TermQuestions.KIND).stream()
                .noneMatch(q -> q.correctChoice().equals("Auto Scaling group")), withKeeper.questions()::toString);
        assertTrue(withKeeper.rejections().getOrDefault("prompt gives the answer away", 0) >= 1,
                withKeeper.rejections()::toString);
    }

    @Test
    void identifyCluesNeverUseAnAcronymOfTheHeading() throws IOException {
        String text = """
                # Compute

                ## Auto Scaling group
                - Keeps the fleet at the size you asked for.
                - An ASG replaces machines that fail their checks.
                - Grows or shrinks the fleet when load changes.

                ## Lambda
                - Runs a function for each event without servers to manage.
                - Billed by the millisecond of run time.

                ## Elastic Beanstalk
                - Deploys a web application from an uploaded bundle.
                - Builds the load balancer and fleet behind the scenes.

                ## Lightsail
                - Simple virtual private servers at a fixed monthly price.
                - Aimed at small sites and quick experiments.
                """;
        write("compute.md", text);
        QuestionGenerator.Result result = new QuestionGenerator(Synonyms.none()).generate(notes, 1);
        Question q = ofKind(result, IdentifyQuestions.KIND).stream()
                .filter(x -> x.correctChoice().equals("Auto Scaling group")).findFirst()
                .orElseThrow(() -> new AssertionError("no question on the Auto Scaling group: " + result.questions()));
        // No synonym list names ASG: the catalogue's aliases and the heading's initials do.
        assertFalse(q.prompt().contains("ASG"), q::prompt);
        assertTrue(q.prompt().contains("Keeps the fleet at the size you asked for."), q::prompt);
        assertTrue(q.prompt().contains("Grows or shrinks the fleet when load changes."), q::prompt);
        assertEquals(lineOf(text, "Keeps the fleet"), q.line());
        assertEquals(Set.of("Auto Scaling group", "Lambda", "Elastic Beanstalk", "Lightsail"), new HashSet<>(q.choices()));
    }

    @Test
    void theSameTermListInTwoTopicsAsksEachTermOnce() throws IOException {
        String list = BALANCERS.substring(BALANCERS.indexOf("- Listener"), BALANCERS.indexOf("\n\n## Address"));
        write("lb.md", "# Alpha\n" + list + "\n\n# Beta\n" + list + "\n");
        List<Question> terms = ofKind(generate(1), TermQuestions.KIND);
        for (String term : LB_TERMS) {
            assertEquals(1, terms.stream().filter(q -> q.correctChoice().equals(term)).count(), terms::toString);
        }
    }
}
