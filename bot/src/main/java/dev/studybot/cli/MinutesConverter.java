package dev.studybot.cli;

import picocli.CommandLine;

/** Reads a number of minutes, saying what is wanted instead of picocli's "'soon' is not a long". */
final class MinutesConverter implements CommandLine.ITypeConverter<Long> {

    @Override
    public Long convert(String value) {
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException(
                    "it must be a whole number of minutes, 0 or more (got \"" + value + "\")");
        }
    }
}
