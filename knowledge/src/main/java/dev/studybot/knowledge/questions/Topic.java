package dev.studybot.knowledge.questions;

import dev.studybot.knowledge.notes.NoteTopic;
import java.util.List;

/**
 * A heading of the notes as questions see it.
 *
 * @param note    what the notes say under it
 * @param path    the heading path, cleaned: spellings normalised, a stray covering heading and labels of
 *                everyday words above the title left out, the service put in front when only the text names it
 * @param service the service it is about, or null when neither the path nor the text names one
 * @param label   whether the title is a note-taker's grouping label ("Exam Tip", "basic"), not a topic
 */
record Topic(NoteTopic note, List<String> path, Service service, boolean label) {

    Topic {
        path = List.copyOf(path);
    }

    String title() {
        return path.get(path.size() - 1);
    }

    List<String> parent() {
        return path.subList(0, path.size() - 1);
    }

    /** Whether only the text names the service: the service was put in front of headings that never name it. */
    boolean serviceFromText() {
        return service != null && !note.headingPath().contains(service.name()) && path.get(0).equals(service.name());
    }

    String file() {
        return note.file();
    }

    List<NoteTopic.Statement> statements() {
        return note.statements();
    }
}
