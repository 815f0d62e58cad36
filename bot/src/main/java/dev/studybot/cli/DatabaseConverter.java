package dev.studybot.cli;

import dev.studybot.config.DatabaseLocation;
import picocli.CommandLine;

/** Reads {@code --db}: a file path or a postgresql:// URL, refused without repeating it (it may hold a password). */
final class DatabaseConverter implements CommandLine.ITypeConverter<DatabaseLocation> {

    /** What every {@code --db} takes and where it looks without one, for the options' help. */
    static final String FORMS_AND_DEFAULT = "an SQLite file, or postgresql://host:port/db?user=NAME (password in $"
            + DatabaseLocation.PASSWORD_VARIABLE + ")."
            + " Default: $STUDYBOT_DB, else database in the configuration, else studybot.db in the data folder";

    @Override
    public DatabaseLocation convert(String value) {
        try {
            return DatabaseLocation.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("it must be " + DatabaseLocation.FORMS + "; this one "
                    + e.getMessage());
        }
    }
}
