package dev.studybot.cli;

import dev.studybot.store.SqliteStudyStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "backup", description = "Copy the database to a file with SQLite's online backup; safe while the bot runs.")
final class BackupCommand implements Callable<Integer> {

    @Option(names = "--db", paramLabel = "FILE", defaultValue = "data/studybot.db",
            description = "The database to back up. Default: ${DEFAULT-VALUE}")
    Path db;

    @Option(names = "--to", paramLabel = "FILE", required = true, description = "Where to write the copy.")
    Path to;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(db)) {
            throw new IllegalArgumentException("There is no database at " + db + " to back up.");
        }
        if (Files.exists(to)) {
            throw new IllegalArgumentException(to + " already exists; choose a new file, so no backup is overwritten.");
        }
        try (SqliteStudyStore store = SqliteStudyStore.open(db)) {
            store.backupTo(to);
        }
        spec.commandLine().getOut().println("Backed up " + db + " to " + to + ".");
        return 0;
    }
}
