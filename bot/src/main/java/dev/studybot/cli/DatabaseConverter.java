package dev.studybot.cli;

import dev.studybot.config.DatabaseLocation;
import picocli.CommandLine;

/** Reads {@code --db}: a file path or a postgresql:// URL, refused without repeating it (it may hold a password). */
final class DatabaseConverter implements CommandLine.ITypeConverter<DatabaseLocation> {

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
