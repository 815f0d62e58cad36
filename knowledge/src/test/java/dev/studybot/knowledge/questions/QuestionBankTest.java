package dev.studybot.knowledge.questions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuestionBankTest {

    @TempDir
    Path notes;

    private static final String GOOD = """
            # S3
            ## Storage classes

            Q: Which storage class is cheapest for data read once a year?
            - [ ] S3 Standard
            - [ ] S3 Standard-IA
            - [x] S3 Glacier Deep Archive
            - [ ] S3 One Zone-IA
            Explanation: Deep Archive is the cheapest class; retrieval takes hours.

            Q: Which class keeps data in a single Availability Zone?
            - [ ] S3 Standard
            - [x] S3 One Zone-IA

            # EBS

            Q: Can one gp3 volume be attached to instances
            in two different Availability Zones
            at the same time?
            - [x] No, a volume lives in one AZ
            - [ ] Yes, with Multi-Attach
            - [ ] Yes, for io2 only
            Explanation: An EBS volume belongs to one AZ.
            Snapshots can be copied to other AZs and Regions.

            Some free notes after the questions are fine.
            """;

    private static Path write(Path folder, String name, String text) throws IOException {
        return writeBytes(folder, name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static Path writeBytes(Path folder, String name, byte[] bytes) throws IOException {
        Path file = folder.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
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

    private static List<String> prompts(QuestionBank.Result result) {
        return result.questions().stream().map(Question::prompt).toList();
    }

    /** Parses a file with exactly one problem and returns it, checking its file and line. */
    private static BankProblem onlyProblem(QuestionBank.Result result, String file, int line) {
        assertEquals(1, result.problems().size(), () -> "problems: " + result.problems());
        BankProblem problem = result.problems().get(0);
        assertEquals(file, problem.file());
        assertEquals(line, problem.line(), () -> "problem: " + problem);
        assertTrue(problem.message().length() > 20, problem::message);
        assertEquals(file + ":" + line + ": " + problem.message(), problem.toString());
        return problem;
    }

    @Test
    void wellFormedFileGivesQuestionsWithTopicChoicesAnswerAndSource() {
        QuestionBank.Result result = QuestionBank.parse("aws/storage.quiz.md", GOOD);

        assertEquals(List.of(), result.problems());
        assertEquals(3, result.questions().size());

        Question first = result.questions().get(0);
        assertEquals("bank", first.kind());
        assertEquals(List.of("S3", "Storage classes"), first.topic());
        assertEquals("Which storage class is cheapest for data read once a year?", first.prompt());
        assertEquals(List.of("S3 Standard", "S3 Standard-IA", "S3 Glacier Deep Archive", "S3 One Zone-IA"),
                first.choices());
        assertEquals(2, first.answer());
        assertEquals("S3 Glacier Deep Archive", first.correctChoice());
        assertEquals("aws/storage.quiz.md", first.file());
        assertEquals(4, first.line());
        assertEquals("Deep Archive is the cheapest class; retrieval takes hours.", first.explanation());
        assertEquals(Question.idOf("bank", "aws/storage.quiz.md", 4, first.prompt(), "S3 Glacier Deep Archive"),
                first.id());

        Question second = result.questions().get(1);
        assertEquals(List.of("S3", "Storage classes"), second.topic());
        assertEquals(1, second.answer());
        assertEquals(lineOf(GOOD, "single Availability Zone"), second.line());
        assertEquals("S3 One Zone-IA", second.explanation(), "no explanation: the right choice explains itself");

        Question third = result.questions().get(2);
        assertEquals(List.of("EBS"), third.topic(), "a new top heading replaces the whole path");
        assertEquals(0, third.answer());
        assertEquals(3, third.choices().size());
    }

    @Test
    void questionAndExplanationMayGoOnOverSeveralLines() {
        Question third = QuestionBank.parse("storage.quiz.md", GOOD).questions().get(2);

        assertEquals("Can one gp3 volume be attached to instances in two different Availability Zones "
                + "at the same time?", third.prompt());
        assertEquals(lineOf(GOOD, "Can one gp3 volume"), third.line());
        assertEquals("An EBS volume belongs to one AZ. Snapshots can be copied to other AZs and Regions.",
                third.explanation());
        assertFalse(third.explanation().contains("free notes"), "a blank line ends the explanation");
    }

    @Test
    void withoutHeadingsTheTopicIsTheFileName() {
        String text = """
                Q: Which service sends one message to many subscribers?
                - [ ] SQS
                - [x] SNS
                """;

        Question question = QuestionBank.parse("team/Messaging.Quiz.md", text).questions().get(0);

        assertEquals(List.of("Messaging"), question.topic());
        assertEquals(1, question.line());
    }

    @Test
    void skippedHeadingLevelsAndClosingHashesAreHandled() {
        String text = """
                # VPC #
                ### Endpoints
                Q: Which endpoint type is free?
                - [x] Gateway endpoint
                - [ ] Interface endpoint
                ## Peering
                Q: Is VPC peering transitive?
                - [ ] Yes
                - [x] No
                """;

        QuestionBank.Result result = QuestionBank.parse("vpc.quiz.md", text);

        assertEquals(List.of(), result.problems());
        assertEquals(List.of("VPC", "Endpoints"), result.questions().get(0).topic());
        assertEquals(List.of("VPC", "Peering"), result.questions().get(1).topic());
    }

    @Test
    void boldQuestionMarkerOtherListMarkersAndUppercaseX() {
        String text = """
                **Q:** Which service runs code without servers?
                * [ ] EC2
                * [X] Lambda

                Q. Which queue type keeps strict order?
                + [x] FIFO
                + [ ] Standard

                **Q.** Which one encrypts with managed keys?
                - [ ] IAM
                * [x] KMS
                """;

        QuestionBank.Result result = QuestionBank.parse("mixed.quiz.md", text);

        assertEquals(List.of(), result.problems());
        assertEquals(List.of("Which service runs code without servers?", "Which queue type keeps strict order?",
                "Which one encrypts with managed keys?"), prompts(result));
        assertEquals(List.of(1, 0, 1), result.questions().stream().map(Question::answer).toList());
        assertEquals(List.of("EC2", "Lambda"), result.questions().get(0).choices());
        assertEquals(List.of(1, 5, 9), result.questions().stream().map(Question::line).toList());
    }

    @Test
    void idsAreStableAcrossParsesAndDifferBetweenQuestions() {
        List<String> once = QuestionBank.parse("s.quiz.md", GOOD).questions().stream().map(Question::id).toList();
        List<String> again = QuestionBank.parse("s.quiz.md", GOOD).questions().stream().map(Question::id).toList();
        List<String> elsewhere = QuestionBank.parse("t.quiz.md", GOOD).questions().stream()
                .map(Question::id).toList();

        assertEquals(once, again);
        assertEquals(3, new HashSet<>(once).size());
        assertNotEquals(once.get(0), elsewhere.get(0), "the file is part of the id");
        assertTrue(once.stream().allMatch(id -> id.matches("[0-9a-f]{12}")), once::toString);
    }

    // ------------------------------------------------------------------------------------- malformed entries

    /** Puts the broken entry between two good ones: both good ones must still load. */
    private static String between(String broken) {
        return """
                # Compute

                Q: Good question before?
                - [x] Yes
                - [ ] No

                """ + broken + """

                Q: Good question after?
                - [ ] Maybe
                - [x] Surely
                """;
    }

    private static BankProblem assertSkipped(String broken, String lineNeedle) {
        String text = between(broken);
        QuestionBank.Result result = QuestionBank.parse("compute.quiz.md", text);
        assertEquals(List.of("Good question before?", "Good question after?"), prompts(result),
                () -> "problems: " + result.problems());
        return onlyProblem(result, "compute.quiz.md", lineOf(text, lineNeedle));
    }

    @Test
    void questionWithoutChoicesIsReportedAtItsLine() {
        BankProblem problem = assertSkipped("""
                Q: Which instance family suits memory-heavy work?
                (choices forgotten)
                """, "memory-heavy");
        assertTrue(problem.message().contains("no choices"), problem::message);
    }

    @Test
    void noRightChoiceIsReported() {
        BankProblem problem = assertSkipped("""
                Q: What does an ALB route on?
                - [ ] Only IP addresses
                - [ ] Only TCP ports
                """, "ALB route");
        assertTrue(problem.message().contains("no right choice"), problem::message);
    }

    @Test
    void severalRightChoicesAreReported() {
        String broken = """
                Q: Which are Auto Scaling policies?
                - [x] Target tracking
                - [ ] Random
                - [x] Step scaling
                """;
        BankProblem problem = assertSkipped(broken, "Auto Scaling policies");
        assertTrue(problem.message().contains("2 choices as right"), problem::message);
        String text = between(broken);
        assertTrue(problem.message().contains("lines " + lineOf(text, "Target tracking") + ", "
                + lineOf(text, "Step scaling")), problem::message);
    }

    @Test
    void oneChoiceIsTooFew() {
        BankProblem problem = assertSkipped("""
                Q: Is Spot cheaper than On-Demand?
                - [x] Yes
                """, "Spot cheaper");
        assertTrue(problem.message().contains("only 1 choice"), problem::message);
    }

    @Test
    void sevenChoicesAreTooMany() {
        BankProblem problem = assertSkipped("""
                Q: Which is an EC2 purchase option?
                - [x] Spot
                - [ ] A
                - [ ] B
                - [ ] C
                - [ ] D
                - [ ] E
                - [ ] F
                """, "purchase option");
        assertTrue(problem.message().contains("7 choices"), problem::message);
    }

    @Test
    void sixChoicesAreFine() {
        String text = """
                Q: Which is an EC2 purchase option?
                - [x] Spot
                - [ ] A
                - [ ] B
                - [ ] C
                - [ ] D
                - [ ] E
                """;
        QuestionBank.Result result = QuestionBank.parse("ok.quiz.md", text);
        assertEquals(List.of(), result.problems());
        assertEquals(6, result.questions().get(0).choices().size());
    }

    @Test
    void duplicateChoicesAreReportedAtTheRepeatedChoice() {
        BankProblem problem = assertSkipped("""
                Q: Which load balancer works at layer 7?
                - [x] Application Load Balancer
                - [ ] Network Load Balancer
                -   [ ]   application load balancer\s
                """, "-   [ ]   application");
        assertTrue(problem.message().contains("same as"), problem::message);
    }

    @Test
    void emptyQuestionIsReported() {
        BankProblem problem = assertSkipped("""
                **Q:**
                - [x] Yes
                - [ ] No
                """, "**Q:**");
        assertTrue(problem.message().contains("no text"), problem::message);
    }

    @Test
    void choiceOutsideAnyQuestionIsReportedOnce() {
        BankProblem problem = assertSkipped("""
                ## Scaling
                - [ ] Orphan one
                - [x] Orphan two
                """, "Orphan one");
        assertTrue(problem.message().contains("not under any question"), problem::message);
    }

    @Test
    void choiceBeforeTheFirstQuestionIsReported() {
        String text = """
                - [x] Lost choice
                Q: Real question?
                - [x] Yes
                - [ ] No
                """;
        QuestionBank.Result result = QuestionBank.parse("a.quiz.md", text);
        assertEquals(List.of("Real question?"), prompts(result));
        onlyProblem(result, "a.quiz.md", 1);
    }

    @Test
    void strayTextRightAfterAChoiceIsReported() {
        BankProblem problem = assertSkipped("""
                Q: Which storage can many instances mount at once?
                - [ ] EBS gp3
                this line is not a choice
                - [x] EFS
                """, "this line is not a choice");
        assertTrue(problem.message().contains("not a choice"), problem::message);
    }

    @Test
    void strayTextBetweenChoicesAfterABlankLineIsReported() {
        assertSkipped("""
                Q: Which storage can many instances mount at once?
                - [ ] EBS gp3

                a paragraph in the middle

                - [x] EFS
                """, "a paragraph in the middle");
    }

    @Test
    void choiceAfterTheExplanationIsReported() {
        assertSkipped("""
                Q: Which storage can many instances mount at once?
                - [ ] EBS gp3
                - [x] EFS
                Explanation: EFS is NFS.
                - [ ] Instance store
                """, "Instance store");
    }

    @Test
    void unknownBoxMarkIsReported() {
        BankProblem problem = assertSkipped("""
                Q: Which storage can many instances mount at once?
                - [ ] EBS gp3
                - [v] EFS
                """, "[v]");
        assertTrue(problem.message().contains("[x]"), problem::message);
    }

    @Test
    void severalBrokenEntriesInOneFileAreEachReported() {
        String text = """
                Q: No choices here

                Q: Fine?
                - [x] Yes
                - [ ] No

                Q: Two right
                - [x] A
                - [x] B
                """;
        QuestionBank.Result result = QuestionBank.parse("b.quiz.md", text);
        assertEquals(List.of("Fine?"), prompts(result));
        assertEquals(List.of(1, 7), result.problems().stream().map(BankProblem::line).toList());
    }

    @Test
    void freeTextHeadingsInCodeAndEmptyFilesAreFine() {
        assertEquals(new QuestionBank.Result(List.of(), List.of()), QuestionBank.parse("e.quiz.md", ""));
        assertEquals(new QuestionBank.Result(List.of(), List.of()), QuestionBank.parse("e.quiz.md", "\n \n"));

        String text = """
                Some intro text for the team, not a question.

                Q: What does this print?
                ```
                # not a heading
                - [x] not a choice
                ```
                - [x] hello
                - [ ] nothing
                """;
        QuestionBank.Result result = QuestionBank.parse("code.quiz.md", text);
        assertEquals(List.of(), result.problems());
        assertEquals(List.of("code"), result.questions().get(0).topic());
        assertEquals(List.of("hello", "nothing"), result.questions().get(0).choices());
    }

    @Test
    void windowsLineEndingsAndByteOrderMark() {
        QuestionBank.Result result = QuestionBank.parse("w.quiz.md",
                "\uFEFF# IAM\r\nQ: Who should use the root user daily?\r\n- [ ] Admins\r\n- [x] Nobody\r\n");
        assertEquals(List.of(), result.problems());
        Question question = result.questions().get(0);
        assertEquals(List.of("IAM"), question.topic());
        assertEquals("Nobody", question.correctChoice());
        assertEquals(2, question.line());
    }

    // ------------------------------------------------------------------------------------------------- load

    @Test
    void loadWalksSubfoldersSortedAndIgnoresOtherFiles() throws IOException {
        write(notes, "zeta.quiz.md", "Q: Z?\n- [x] z\n- [ ] y\n");
        write(notes, "team/ec2/Scaling.QUIZ.MD", "# ASG\nQ: A?\n- [x] a\n- [ ] b\n");
        write(notes, "alpha.quiz.md", "Q: Alpha?\n- [ ] a\n- [x] b\n");
        write(notes, "storage.md", "Q: Not a bank, just notes?\n- [x] yes\n- [ ] no\n");
        write(notes, "quiz.txt", "Q: Not a bank either?\n- [x] yes\n- [ ] no\n");
        write(notes, "other.quiz.md.bak", "Q: Backup?\n- [x] yes\n- [ ] no\n");
        write(notes, ".hidden/secret.quiz.md", "Q: Hidden?\n- [x] yes\n- [ ] no\n");

        QuestionBank.Result result = QuestionBank.load(notes);

        assertEquals(List.of(), result.problems());
        assertEquals(List.of("alpha.quiz.md", "team/ec2/Scaling.QUIZ.MD", "zeta.quiz.md"),
                result.questions().stream().map(Question::file).toList());
        assertEquals(List.of("ASG"), result.questions().get(1).topic());
        assertEquals(2, result.questions().get(1).line());
    }

    @Test
    void loadReportsProblemsWithRelativePathsAndKeepsTheRest() throws IOException {
        write(notes, "a/broken.quiz.md", "Q: Fine?\n- [x] yes\n- [ ] no\n\nQ: Broken?\n- [ ] yes\n- [ ] no\n");
        write(notes, "b/good.quiz.md", "Q: Also fine?\n- [x] yes\n- [ ] no\n");
        write(notes, "c/empty.quiz.md", "");

        QuestionBank.Result result = QuestionBank.load(notes);

        assertEquals(List.of("Fine?", "Also fine?"), prompts(result));
        // Bank files are read like notes: an empty one is skipped with the same warning.
        assertEquals(List.of("c/empty.quiz.md: is empty; skipped",
                "a/broken.quiz.md:5: question \"Broken?\" has no right choice; mark exactly one choice with [x]."),
                result.problems().stream().map(BankProblem::toString).toList());
    }

    @Test
    void unreadableFilesAreReadLeniently() throws IOException {
        writeBytes(notes, "binary.quiz.md", new byte[] {'Q', ':', 0, 1, 2, 3});
        byte[] latin1 = "Q: Caf\u00e9 question?\n- [x] oui\n- [ ] non\n".getBytes(StandardCharsets.ISO_8859_1);
        writeBytes(notes, "latin1.quiz.md", latin1);
        write(notes, "ok.quiz.md", "Q: Okay?\n- [x] yes\n- [ ] no\n");

        QuestionBank.Result result = QuestionBank.load(notes);

        assertEquals(List.of("latin1.quiz.md", "ok.quiz.md"),
                result.questions().stream().map(Question::file).toList());
        assertEquals(List.of("binary.quiz.md", "latin1.quiz.md"),
                result.problems().stream().map(BankProblem::file).toList());
        assertTrue(result.problems().stream().allMatch(p -> p.line() == 0));
        assertEquals("binary.quiz.md: " + result.problems().get(0).message(), result.problems().get(0).toString());
    }

    @Test
    void missingFolderIsAClearError() {
        assertThrows(IllegalArgumentException.class, () -> QuestionBank.load(notes.resolve("nope")));
    }

    @Test
    void isBankFileChecksTheWholeSuffixInAnyCase() {
        assertTrue(QuestionBank.isBankFile(Path.of("x/practice.quiz.md")));
        assertTrue(QuestionBank.isBankFile(Path.of("PRACTICE.Quiz.MD")));
        assertFalse(QuestionBank.isBankFile(Path.of("practice.md")));
        assertFalse(QuestionBank.isBankFile(Path.of("practice-quiz.md")));
        assertFalse(QuestionBank.isBankFile(Path.of("practice.quiz.md.txt")));
    }

    @Test
    void theSampleBankInTheRepositoryLoadsCleanly() {
        Path sampleNotes = Path.of("..", "notes");
        if (!Files.isRegularFile(sampleNotes.resolve("practice.quiz.md"))) {
            return; // run from somewhere else
        }
        QuestionBank.Result result = QuestionBank.load(sampleNotes);
        assertEquals(List.of(), result.problems());
        List<Question> sample = result.questions().stream()
                .filter(q -> q.file().equals("practice.quiz.md")).toList();
        assertEquals(5, sample.size());
        Set<String> ids = new HashSet<>(sample.stream().map(Question::id).toList());
        assertEquals(5, ids.size());
    }
}
