package dev.studybot.knowledge.questions;

import dev.studybot.knowledge.analysis.Synonyms;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Notes a test writes of its own into a folder, and the questions generated from them. */
final class GeneratedNotes {

    /** Storage services beside the two a test compares, so that each has wrong choices of its family. */
    static final String OTHER_STORAGE = """
            ## S3
            - Buckets keep objects of any size behind one address.
            - Versions of an object can be kept forever.
            ## FSx
            - Managed Windows and Lustre file systems for special workloads.
            - Backups of a file system go to durable storage.
            ## Storage Gateway
            - Connects a data centre's applications to cloud storage.
            - Keeps a local cache of the most used data.
            """;

    private GeneratedNotes() {
    }

    static QuestionGenerator.Result generate(Path notes) {
        return new QuestionGenerator(Synonyms.none()).generate(notes, 1);
    }

    static void write(Path notes, String file, String text) throws IOException {
        Files.writeString(notes.resolve(file), text);
    }

    static List<Question> answering(QuestionGenerator.Result result, String answer) {
        return result.questions().stream().filter(q -> q.correctChoice().equals(answer)).toList();
    }
}
