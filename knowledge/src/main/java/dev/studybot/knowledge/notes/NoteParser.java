package dev.studybot.knowledge.notes;

import java.util.ArrayList;
import java.util.List;

/** Turns one notes file into passages (see {@link Passage}). */
public final class NoteParser {

    private NoteParser() {
    }

    public static List<Passage> parse(NoteSource source) {
        return PassageBuilder.build(source.file(), OutlineParser.parse(source));
    }

    /** The file heading by heading, block by block: finer than passages, for making questions. */
    public static List<NoteTopic> topics(NoteSource source) {
        List<NoteTopic> topics = new ArrayList<>();
        for (Section section : OutlineParser.parse(source)) {
            List<NoteTopic.Statement> statements = new ArrayList<>();
            for (OutlineNode node : section.nodes()) {
                flatten(node, 0, null, statements);
            }
            topics.add(new NoteTopic(source.file(), section.headingPath(), statements));
        }
        return topics;
    }

    private static void flatten(OutlineNode node, int depth, String parent, List<NoteTopic.Statement> out) {
        String text = node.ownText();
        if (node.kind == OutlineNode.Kind.ITEM) {
            text = text.substring(LineSyntax.bulletTextOffset(text)).strip();
        }
        out.add(new NoteTopic.Statement(node.line, depth, NoteTopic.Kind.valueOf(kindName(node.kind)), text, parent));
        for (OutlineNode child : node.children) {
            flatten(child, depth + 1, text, out);
        }
    }

    private static String kindName(OutlineNode.Kind kind) {
        return kind == OutlineNode.Kind.ITEM ? "BULLET" : kind.name();
    }
}
