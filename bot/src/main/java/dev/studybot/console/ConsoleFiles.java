package dev.studybot.console;

import dev.studybot.chat.Reply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A terminal cannot show a file: the console saves a reply's attachments (the leaderboard chart) in a folder under the
 * data directory and says where each is, with what it shows.
 */
final class ConsoleFiles {

    static final String FOLDER = "console-files";

    private final Path folder;

    ConsoleFiles(Path dataDirectory) {
        this.folder = dataDirectory.resolve(FOLDER);
    }

    /** {@code reply} with each attachment saved, and in its place a note naming the file. */
    Reply saved(Reply reply) {
        if (reply.attachments().isEmpty()) {
            return reply;
        }
        List<Reply.Part> parts = new ArrayList<>();
        for (Reply.Part part : reply.parts()) {
            parts.add(part instanceof Reply.Attachment file ? note(file) : part);
        }
        return new Reply(reply.privateTo(), parts, reply.buttons(), reply.replaces());
    }

    private Reply.Note note(Reply.Attachment file) {
        int dot = file.fileName().lastIndexOf('.');
        String stem = dot > 0 ? file.fileName().substring(0, dot) : file.fileName();
        String extension = dot > 0 ? file.fileName().substring(dot) : "";
        try {
            Files.createDirectories(folder);
            // A name of its own each time: an earlier chart stays as it was.
            Path saved = Files.write(Files.createTempFile(folder, stem + "-", extension), file.bytes());
            return new Reply.Note(file.altText() + "; saved as " + saved);
        } catch (IOException e) {
            return new Reply.Note("Could not save " + file.fileName() + " under " + folder + ": " + e.getMessage());
        }
    }
}
