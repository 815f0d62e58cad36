package dev.studybot.knowledge.notes;

import java.util.List;

/** Turns one notes file into passages (see {@link Passage}). */
public final class NoteParser {

    private NoteParser() {
    }

    public static List<Passage> parse(NoteSource source) {
        return PassageBuilder.build(source.file(), OutlineParser.parse(source));
    }
}
