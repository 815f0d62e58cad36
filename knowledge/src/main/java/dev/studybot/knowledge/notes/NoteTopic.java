package dev.studybot.knowledge.notes;

import java.util.List;

/**
 * Everything written under one heading, statement by statement: what questions are made from.
 *
 * @param file        notes file, relative to the notes folder
 * @param headingPath headings above, outermost first (empty before the file's first heading)
 * @param statements  the blocks under the heading in order, nested ones right after their parent
 */
public record NoteTopic(String file, List<String> headingPath, List<Statement> statements) {

    public NoteTopic {
        headingPath = List.copyOf(headingPath);
        statements = List.copyOf(statements);
    }

    /** What a block of notes is. */
    public enum Kind { BULLET, PARAGRAPH, CODE, TABLE }

    /**
     * One block's own text, without its list marker and without what is nested under it.
     *
     * @param depth  0 for a block at the section's top level, 1 under it, ...
     * @param parent the own text of the block this one is nested under, or null at the top level
     */
    public record Statement(int line, int depth, Kind kind, String text, String parent) {
    }
}
