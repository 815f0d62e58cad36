package dev.studybot.knowledge.notes;

import java.util.ArrayList;
import java.util.List;

/** One block of a notes outline (a bullet, a paragraph, a code block or a table) and what nests under it. */
final class OutlineNode {

    enum Kind { ITEM, PARAGRAPH, CODE, TABLE }

    final Kind kind;
    final int line;
    final int indent;
    /** Where an item's text starts after its marker: deeper lines are nested, shallower ones wrapped. */
    final int textColumn;
    /** The block's lines as written, consecutive in the file from {@link #line}. */
    final List<String> lines = new ArrayList<>();
    final List<OutlineNode> children = new ArrayList<>();

    /**
     * Whether the lines are one text wrapped (an item, a paragraph at the margin) rather than lines
     * of their own (code, tables, and unmarked lines nested under an item, which are points each).
     */
    final boolean wrapped;

    OutlineNode(Kind kind, int line, int indent, int textColumn, boolean wrapped, String firstLine) {
        this.kind = kind;
        this.line = line;
        this.indent = indent;
        this.textColumn = textColumn;
        this.wrapped = wrapped;
        lines.add(firstLine);
    }

    /** What goes between two of the block's lines when it is shown. */
    String lineSeparator() {
        return wrapped ? " " : "\n";
    }

    String ownText() {
        return String.join(lineSeparator(), lines);
    }

    /** The block and its descendants, each level indented two spaces deeper than {@code depth}. */
    String render(int depth) {
        StringBuilder out = new StringBuilder();
        appendTo(out, depth);
        return out.toString();
    }

    private void appendTo(StringBuilder out, int depth) {
        String prefix = "  ".repeat(depth);
        for (String line : ownText().split("\n", -1)) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(prefix).append(line);
        }
        for (OutlineNode child : children) {
            child.appendTo(out, depth + 1);
        }
    }
}
