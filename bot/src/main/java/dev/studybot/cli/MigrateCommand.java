package dev.studybot.cli;

import dev.studybot.config.DatabaseLocation;
import dev.studybot.store.SqliteToPostgresql;
import dev.studybot.store.SqliteToPostgresql.TableCount;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "migrate", description = {
        "Copy a team's SQLite database to an empty PostgreSQL database, in one transaction, ids and all, and compare",
        "each table's row count after. Stop the bot first: what it writes to the file during the copy is not copied."})
final class MigrateCommand implements Callable<Integer> {

    @Option(names = "--from", paramLabel = "sqlite:FILE", required = true, converter = SqliteFileConverter.class,
            description = "The SQLite database to copy, as sqlite:FILE (brought up to date first, as the bot would).")
    Path from;

    @Option(names = "--to", paramLabel = "postgresql://...", required = true, converter = DatabaseConverter.class,
            description = "The PostgreSQL database to copy to: postgresql://host:port/db?user=NAME (password in $"
                    + DatabaseLocation.PASSWORD_VARIABLE + "); its schema is created or brought up to date.")
    DatabaseLocation to;

    @Option(names = "--replace",
            description = "Delete what the studybot tables of --to hold before copying (without it, a target that"
                    + " holds rows is refused and nothing is changed).")
    boolean replace;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!(to instanceof DatabaseLocation.PostgresqlServer server)) {
            throw new IllegalArgumentException("--to must be a PostgreSQL database, as in postgresql://host:5432/"
                    + "studybot?user=studybot; to copy a file to a file, use studybot backup.");
        }
        List<TableCount> counts = SqliteToPostgresql.migrate(from, server,
                System.getenv(DatabaseLocation.PASSWORD_VARIABLE), replace);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Copied " + from + " to " + server + ":");
        int width = counts.stream().mapToInt(c -> c.table().length()).max().orElse(5);
        out.printf("  %-" + width + "s %10s %10s%n", "table", "sqlite", "postgresql");
        for (TableCount count : counts) {
            out.printf("  %-" + width + "s %10d %10d%s%n", count.table(), count.sqlite(), count.postgresql(),
                    count.equal() ? "" : "  differs");
        }
        List<String> differ = counts.stream().filter(c -> !c.equal()).map(TableCount::table).toList();
        if (!differ.isEmpty()) {
            spec.commandLine().getErr().println("studybot: the row counts differ in " + String.join(", ", differ)
                    + ": something else wrote to " + server + " meanwhile; run again with --replace.");
            return 1;
        }
        out.println("Row counts are equal in all " + counts.size() + " tables.");
        return 0;
    }

    /** Reads {@code sqlite:FILE}: the prefix says which engine, like the postgresql:// of --to. */
    static final class SqliteFileConverter implements CommandLine.ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            if (!value.startsWith("sqlite:") || value.length() == "sqlite:".length()) {
                throw new CommandLine.TypeConversionException("it must be sqlite:FILE, as in sqlite:data/studybot.db");
            }
            return Path.of(value.substring("sqlite:".length()));
        }
    }
}
