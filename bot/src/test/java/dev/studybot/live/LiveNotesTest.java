package dev.studybot.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybot.chat.Reply;
import dev.studybot.ops.CapturedLogs;
import dev.studybot.knowledge.KnowledgeBase;
import dev.studybot.knowledge.analysis.Synonyms;
import dev.studybot.knowledge.index.IndexProgress;
import dev.studybot.knowledge.questions.Question;
import dev.studybot.knowledge.questions.QuestionGenerator;
import dev.studybot.knowledge.search.SearchResponse;
import dev.studybot.qotd.QuestionOfTheDay;
import dev.studybot.qotd.RecordingPoster;
import dev.studybot.domain.Place;
import dev.studybot.store.SqlStudyStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The notes folder changing under a running bot: real files, a real Lucene index on disk, the real watcher. */
class LiveNotesTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String BANK = String.join("\n",
            "# Wildlife",
            "## Marsupials",
            "",
            "Q: Which animal is the quokkaflux mascot?",
            "- [ ] Koala",
            "- [x] Quokka",
            "- [ ] Wombat",
            "Explanation: The quokka smiles.",
            "");

    @TempDir
    Path dir;
    private Path notes;
    private KnowledgeBase knowledge;
    private final AtomicReference<List<Question>> pool = new AtomicReference<>(List.of());
    private NotesReloader reloader;
    private NotesWatcher watcher;
    private final CapturedLogs logs = CapturedLogs.studybot();

    @BeforeEach
    void setUp() throws IOException {
        notes = Files.createDirectories(dir.resolve("notes"));
        write("ec2.md", "# EC2\n\n## Spot\n\nSpot instances get a two-minute interruption notice before they stop.\n");
        write("s3.md", "# S3\n\n## Glacier\n\nGlacier Deep Archive is the cheapest storage class for cold data.\n");
        knowledge = KnowledgeBase.open(notes, dir.resolve("data"), Synonyms.none(), IndexProgress.SILENT);
        QuestionGenerator generator = new QuestionGenerator(Synonyms.none());
        pool.set(generator.generate(notes, 1).questions());
        reloader = new NotesReloader(knowledge, notes, generator, 1, pool.get().size(), pool::set);
    }

    @AfterEach
    void tearDown() {
        if (watcher != null) {
            watcher.close();
        }
        knowledge.close();
        logs.close();
    }

    private void startWatcher() {
        watcher = new NotesWatcher(notes, Duration.ofMillis(100), Duration.ofMillis(300),
                reloader::reload).start();
    }

    private void write(String file, String text) throws IOException {
        Path path = notes.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }

    private boolean finds(String word, String file) {
        SearchResponse response = knowledge.search(word, 3);
        return response.status() == SearchResponse.Status.FOUND
                && response.results().stream().anyMatch(r -> r.passage().file().equals(file));
    }

    private void await(String what, Callable<Boolean> condition) {
        await(what, WAIT, condition);
    }

    private void await(String what, Duration atMost, Callable<Boolean> condition) {
        try {
            Awaitility.await(what).atMost(atMost).pollInterval(Duration.ofMillis(50)).until(condition);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(e.getMessage() + "; log: " + logs.text(), e);
        }
    }

    /** Bullets nested {@code depth} deep, each one level under the last. */
    private static String nestedBullets(int depth) {
        return IntStream.range(0, depth).mapToObj(level -> "  ".repeat(level) + "- nestling " + level + "\n")
                .collect(Collectors.joining());
    }

    @Test
    void editingAFileIsSearchableWithinSecondsWithTheWatcherRunning() throws Exception {
        startWatcher();
        assertFalse(finds("quokkaflux", "ec2.md"));
        write("ec2.md", "# EC2\n\n## Spot\n\nSpot instances get a two-minute interruption notice.\n\n"
                + "## Quokkaflux\n\nThe quokkaflux scheduler places instances by smile.\n");
        await("the edited text is found", () -> finds("quokkaflux", "ec2.md"));
        assertTrue(finds("interruption", "ec2.md"));
        assertTrue(finds("glacier", "s3.md"));
    }

    @Test
    void addingAndDeletingFilesAlsoInASubFolderMadeLater() throws Exception {
        startWatcher();
        write("top.md", "# Lambda\n\n## Limits\n\nA lambdazebra function runs at most fifteen minutes.\n");
        await("a new file is found", () -> finds("lambdazebra", "top.md"));
        write("new/deeper/vpc.md", "# VPC\n\n## Peering\n\nVpcpeacock peering is not transitive between networks.\n");
        await("a file in a new sub-folder is found", () -> finds("vpcpeacock", "new/deeper/vpc.md"));
        Files.delete(notes.resolve("new/deeper/vpc.md"));
        await("a deleted file is gone", () -> !finds("vpcpeacock", "new/deeper/vpc.md"));
        Files.delete(notes.resolve("top.md"));
        await("another deleted file is gone", () -> !finds("lambdazebra", "top.md"));
        assertTrue(finds("glacier", "s3.md"));
        assertTrue(logs.text().contains("INFO Notes reloaded files_reindexed=0 files_removed=1"), logs.text());
    }

    @Test
    void aFileNestedThousandsDeepNeitherStopsTheWatcherNorLaterChanges() throws Exception {
        startWatcher();
        write("deep.md", "# Deep\n\n" + nestedBullets(1500));
        // 1,500 bullets are about 1,600 passages and lines to embed: a minute at most on a busy 2-core machine.
        await("the deep file is found", Duration.ofSeconds(60), () -> finds("nestling", "deep.md"));
        write("ec2.md", "# EC2\n\n## Spot\n\nSpot instances get a two-minute interruption notice; ec2otter.\n");
        await("a later edit of another file is found", () -> finds("ec2otter", "ec2.md"));
        await("the deep file's warning is logged", () -> logs.text().contains("WARN Notes: deep.md: nests bullets more than"));
    }

    @Test
    void aNewQuizBankQuestionBecomesPickableForPracticeAndTheQuestionOfTheDay() throws Exception {
        int before = pool.get().size();
        assertTrue(pool.get().stream().noneMatch(q -> q.prompt().contains("quokkaflux")));
        write("wildlife/animals.quiz.md", BANK);

        NotesReloader.Report report = reloader.reload();

        assertTrue(report.poolUpdated(), report.lines().toString());
        assertEquals(before, report.questionsBefore());
        assertEquals(before + 1, report.questionsAfter());
        assertTrue(pool.get().stream().anyMatch(q -> q.prompt().contains("quokkaflux")));

        // The swap reaches the question of the day: bank questions come first, so the new one is picked.
        try (SqlStudyStore store = SqlStudyStore.open(dir.resolve("studybot.db"))) {
            RecordingPoster poster = new RecordingPoster();
            QuestionOfTheDay daily = new QuestionOfTheDay(store, store, List.of(), poster,
                    Clock.systemUTC(), QuestionOfTheDay.Settings.DEFAULTS, 1);
            Place general = new Place("console", "console", "console", "general", "general");
            assertEquals(QuestionOfTheDay.Outcome.NO_QUESTIONS, daily.postNow(general));
            daily.replaceQuestions(pool.get());
            assertEquals(QuestionOfTheDay.Outcome.POSTED, daily.postNow(general));
            assertTrue(poster.posted().get(0).toString().contains("quokkaflux"), poster.posted().toString());
        }
    }

    @Test
    void aBinaryFileAddedDuringARunIsReportedAndSearchKeepsAnswering() throws Exception {
        startWatcher();
        byte[] binary = new byte[256];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        Files.write(notes.resolve("diagram.md"), binary);
        write("later.md", "# ELB\n\n## Health\n\nThe elbiguana health check marks targets unhealthy.\n");
        await("the other new file is found", () -> finds("elbiguana", "later.md"));
        await("the binary file is reported in the log",
                () -> logs.text().contains("WARN Notes: diagram.md: looks like a binary file"));
        assertTrue(finds("interruption", "ec2.md"));
        assertTrue(finds("glacier", "s3.md"));

        NotesReloader.Report report = reloader.reload();
        assertTrue(report.indexUpdated());
        assertTrue(report.warnings().stream().anyMatch(w -> w.startsWith("diagram.md: looks like a binary file")),
                report.warnings().toString());
    }

    @Test
    void whenTheFolderCannotBeReadThePreviousIndexAndPoolStayInService() throws Exception {
        List<Question> before = pool.get();
        int passages = knowledge.lastSync().passages();
        Files.move(notes, dir.resolve("moved-away"));

        NotesReloader.Report report = reloader.reload();

        assertFalse(report.indexUpdated());
        assertFalse(report.poolUpdated());
        assertEquals(2, report.errors().size(), report.errors().toString());
        assertEquals(passages, report.passagesAfter());
        assertEquals(before.size(), report.questionsAfter());
        assertTrue(report.lines().stream().anyMatch(line -> line.contains("NOT updated")));
        assertEquals(before, pool.get());
        assertTrue(finds("interruption", "ec2.md"));
        assertTrue(logs.text().contains("ERROR Notes reloaded in part; what failed is still in service as before"),
                logs.text());

        Files.move(dir.resolve("moved-away"), notes);
        NotesReloader.Report back = reloader.reload();
        assertTrue(back.indexUpdated() && back.poolUpdated() && back.errors().isEmpty(), back.toString());
        assertTrue(finds("glacier", "s3.md"));
    }

    @Test
    void aFileThatCannotBeReadKeepsItsPreviousPassages() throws Exception {
        Path s3 = notes.resolve("s3.md");
        assertTrue(s3.toFile().setReadable(false, false));
        try {
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(s3), "running as root: every file is readable");
            write("ec2.md", "# EC2\n\n## Spot\n\nSpot instances get a two-minute interruption notice; ec2otter.\n");

            NotesReloader.Report report = reloader.reload();

            assertTrue(report.warnings().stream().anyMatch(w -> w.startsWith("s3.md: could not be read")),
                    report.warnings().toString());
            assertEquals(0, report.filesRemoved());
            assertTrue(finds("glacier", "s3.md"), "the unreadable file's last good passages stay searchable");
            assertTrue(finds("ec2otter", "ec2.md"), "the other files still update");
        } finally {
            s3.toFile().setReadable(true, false);
        }
    }
}
