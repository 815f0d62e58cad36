package dev.studybot.knowledge.notes;

/** Something about a notes file that a person should know, though the rest of the folder still loads. */
public record NotesWarning(String file, String message) {

    @Override
    public String toString() {
        return file + ": " + message;
    }
}
