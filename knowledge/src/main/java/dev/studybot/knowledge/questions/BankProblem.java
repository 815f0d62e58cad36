package dev.studybot.knowledge.questions;

import java.util.Objects;

/**
 * Something wrong in a question bank file that a person should fix; the entry it names was skipped, the
 * rest of the file and the folder still loaded.
 *
 * @param file    bank file, relative to the notes folder, with forward slashes
 * @param line    1-based line of the problem (the {@code Q:} line or the offending line); 0 when it concerns
 *                the whole file (unreadable, binary, not valid UTF-8)
 * @param message what is wrong and how to fix it, in plain words
 */
public record BankProblem(String file, int line, String message) {

    public BankProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        if (line < 0) {
            throw new IllegalArgumentException("line " + line + " is negative");
        }
    }

    /** {@code file:line: message}, or {@code file: message} for a problem with the whole file. */
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
