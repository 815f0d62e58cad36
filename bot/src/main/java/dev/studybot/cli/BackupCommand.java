package dev.studybot.cli;

import dev.studybot.config.DatabaseLocation;
import dev.studybot.store.SqliteDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "backup", description = "Copy the database to a file with SQLite's online backup; safe while the bot runs.")
final class BackupCommand implements Callable<Integer> {

    @Mixin
    ConfigFileOption config;

    @Option(names = "--db", paramLabel = "FILE",
            description = "The database to back up."
                    + " Default: $STUDYBOT_DB, else database in the configuration, else studybot.db in the data folder")
    Path db;

    @Option(names = "--to", paramLabel = "FILE", required = true, description = "Where to write the copy.")
    Path to;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path database = db != null ? db : file(config.load(System.getenv()).databaseLocation());
        if (!Files.isRegularFile(database)) {
            throw new IllegalArgumentException("There is no database at " + database + " to back up.");
        }
        if (Files.exists(to)) {
            throw new IllegalArgumentException(to + " already exists; choose a new file, so no backup is overwritten.");
        }
        SqliteDatabase.backup(database, to);
        spec.commandLine().getOut().println("Backed up " + database + " to " + to + ".");
        return 0;
    }

    private static Path file(DatabaseLocation location) {
        if (location instanceof DatabaseLocation.SqliteFile file) {
            return file.file();
        }
        throw new IllegalArgumentException("The database is on a PostgreSQL server (" + location + "): back it up with"
                + " PostgreSQL's own tools (pg_dump); studybot backup copies an SQLite file.");
    }
}
