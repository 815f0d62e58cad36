package dev.studybot.knowledge.questions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.studybot.knowledge.analysis.Synonyms;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A generator run again after an edit redoes only the edited file's drafts, and makes the pool a fresh run makes. */
class IncrementalGenerationTest {

    @TempDir
    Path notes;

    private static final String STORAGE = """
            # S3
            ## Storage classes
            - Objects in S3 Standard are kept in at least 3 Availability Zones.
            - A single object can be up to 5 TB in size.
            ## Versioning
            - Every write of a key keeps the earlier version of the object.
            - Deleting adds a delete marker instead of removing old versions.
            """;
    private static final String MESSAGING = """
            # Messaging
            ## Queues
            - SQS keeps messages for 4 days by default, up to 14 days.
            - A consumer hides a message while it works on it.
            ## Topics
            - SNS pushes one message to every subscriber at the same moment.
            - Subscribers may be queues, functions, e-mail or phone numbers.
            ## Streams
            - Kinesis keeps ordered records for 24 hours unless retention is raised.
            - Records are read again and again by many consumers.
            ## Buses
            - EventBridge routes events from many sources by matching rules to targets.
            - A schedule can start targets every few minutes like cron.
            """;
    private static final String COMPUTE = """
            # Compute
            ## Lambda
            - A function runs for at most 15 minutes per invocation.
            - Memory can be set from 128 MB to 10240 MB.
            ## EC2
            - Instances are billed per second after the first 60 seconds.
            - Spot capacity is reclaimed with a 2 minute warning.
            ## Fargate
            - Containers run without managing the servers underneath.
            - Each task is given its own isolated kernel.
            """;

    private QuestionGenerator generator() {
        return new QuestionGenerator(Synonyms.bundled());
    }

    private void write(String file, String text) throws IOException {
        Files.writeString(notes.resolve(file), text);
    }

    @Test
    void anEditedFileIsTheOnlyOneDraftedAgainAndThePoolIsAFreshRunsPool() throws IOException {
        write("storage.md", STORAGE);
        write("messaging.md", MESSAGING);
        write("compute.md", COMPUTE);
        QuestionGenerator live = generator();
        QuestionGenerator.Result first = live.generate(notes, 7);
        assertEquals(3, first.filesDrafted(), "a first run drafts every file");
        assertFalse(first.questions().isEmpty());

        assertEquals(0, live.generate(notes, 7).filesDrafted(), "nothing changed, nothing is drafted again");

        // Reworded: the other files' topics are unchanged, so only their wrong choices are chosen again.
        write("messaging.md", MESSAGING.replace("while it works on it", "while it is being worked on"));
        QuestionGenerator.Result reloaded = live.generate(notes, 7);
        assertEquals(1, reloaded.filesDrafted());
        assertEquals(generator().generate(notes, 7).questions(), reloaded.questions());
    }

    @Test
    void aNewValueOrARemovedFileChangesTheOtherFilesWrongChoicesWithoutDraftingThemAgain() throws IOException {
        write("storage.md", STORAGE);
        write("messaging.md", MESSAGING);
        write("compute.md", COMPUTE);
        QuestionGenerator live = generator();
        live.generate(notes, 7);

        // A new value may be a wrong choice for the numbers of every file: chosen again, from drafts kept.
        write("compute.md", COMPUTE.replace("60 seconds", "90 seconds"));
        QuestionGenerator.Result reloaded = live.generate(notes, 7);
        assertEquals(1, reloaded.filesDrafted());
        assertEquals(generator().generate(notes, 7).questions(), reloaded.questions());

        Files.delete(notes.resolve("storage.md"));
        QuestionGenerator.Result removed = live.generate(notes, 7);
        assertEquals(0, removed.filesDrafted());
        assertEquals(generator().generate(notes, 7).questions(), removed.questions());
        assertEquals(List.of(), removed.questions().stream().filter(q -> q.file().equals("storage.md")).toList());
    }
}
