package dev.studybot.knowledge.notes;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * Turns a notes file into sections of nested blocks.
 *
 * <p>Written line by line rather than with a CommonMark parser on purpose: real notes indent bullets
 * by four spaces under a heading (CommonMark would make them code), mix Markdown with plain-text
 * conventions ({@code •} bullets, bare-line headings, indentation-only nesting) and are rarely valid
 * Markdown. Indentation is what people mean by nesting, so indentation is what this follows.
 */
final class OutlineParser {

    private static final int FRONT_MATTER_MAX_LINES = 60;
    /**
     * Blocks nest at most this deep; deeper ones are kept at this level. Notes nest a handful of levels;
     * far deeper nesting is a generated or hostile file, and the passage walk recurses once per level.
     */
    static final int MAX_DEPTH = 16;

    private final String[] lines;
    private final boolean plainHeadings;
    private final boolean markdown;

    private final List<Section> sections = new ArrayList<>();
    private final Deque<LineSyntax.Heading> headings = new ArrayDeque<>();
    private List<OutlineNode> sectionNodes = new ArrayList<>();
    /** Blocks that can still take children, innermost last. */
    private final Deque<OutlineNode> open = new ArrayDeque<>();
    private OutlineNode lastBlock;
    private boolean blankSinceLastBlock = true;
    private OutlineNode codeBlock;
    private String codeFence;
    private int codeIndent;
    private boolean depthCapped;
    /**
     * The level of the file's first heading. Notes that start at {@code ##} and later write an entry as
     * {@code #} mean one more entry beside the heading before it, not a new top level that would take
     * every later section under it.
     */
    private int topLevel;

    private OutlineParser(NoteSource source) {
        this.lines = source.text().split("\n", -1);
        boolean markdownHeadings = hasAtxHeading(lines);
        this.markdown = source.isMarkdown();
        // Plain-text notes mark headings with bare short lines; in a file that uses '#' headings,
        // such a line is more likely a short paragraph.
        this.plainHeadings = !markdownHeadings;
    }

    static List<Section> parse(NoteSource source) {
        return new OutlineParser(source).run();
    }

    /** Whether the file nests blocks deeper than {@link #MAX_DEPTH}, so that some are read shallower. */
    static boolean nestsTooDeep(NoteSource source) {
        OutlineParser parser = new OutlineParser(source);
        parser.run();
        return parser.depthCapped;
    }

    private List<Section> run() {
        int i = frontMatterEnd();
        for (; i < lines.length; i++) {
            String line = lines[i];
            int lineNumber = i + 1;
            if (codeBlock != null) {
                continueCode(line);
                continue;
            }
            if (line.isBlank()) {
                blankSinceLastBlock = true;
                continue;
            }
            int indent = LineSyntax.indentOf(line);
            String content = line.strip();

            String fence = LineSyntax.fence(content);
            if (fence != null) {
                openCode(lineNumber, indent, content, fence);
                continue;
            }
            LineSyntax.Heading heading = LineSyntax.atxHeading(content);
            if (heading == null && markdown && blankSinceLastBlock && i + 1 < lines.length
                    && !LineSyntax.isBullet(content) && LineSyntax.setextLevel(lines[i + 1]) > 0
                    && !LineSyntax.isThematicBreak(content)) {
                heading = new LineSyntax.Heading(LineSyntax.setextLevel(lines[i + 1]), LineSyntax.cleanTitle(content));
                i++;
            }
            if (heading == null && plainHeadings && blankSinceLastBlock && isFollowedByBody(i)
                    && LineSyntax.looksLikePlainHeading(line)) {
                heading = new LineSyntax.Heading(1, LineSyntax.cleanTitle(content));
            }
            if (heading != null && !heading.title().isEmpty()) {
                startSection(heading);
                continue;
            }
            if (LineSyntax.isThematicBreak(content)) {
                continue;
            }
            if (LineSyntax.isTableRow(content)) {
                addTableRow(lineNumber, indent, content);
            } else if (LineSyntax.isBullet(content)) {
                addBlock(new OutlineNode(OutlineNode.Kind.ITEM, lineNumber, indent,
                        indent + LineSyntax.bulletTextOffset(content), true, content));
            } else if (continuesLastBlock(indent, content)) {
                lastBlock.lines.add(content);
            } else {
                addBlock(new OutlineNode(OutlineNode.Kind.PARAGRAPH, lineNumber, indent, indent,
                        !isNestedUnderItem(indent), content));
            }
            blankSinceLastBlock = false;
        }
        if (codeBlock != null) {
            codeBlock = null; // an unclosed fence keeps what it had; the file just ended early
        }
        flushSection();
        return sections;
    }

    private int frontMatterEnd() {
        if (!markdown || lines.length == 0 || !lines[0].strip().equals("---")) {
            return 0;
        }
        for (int i = 1; i < Math.min(lines.length, FRONT_MATTER_MAX_LINES); i++) {
            String content = lines[i].strip();
            if (content.equals("---") || content.equals("...")) {
                return i + 1;
            }
        }
        return 0;
    }

    private static boolean hasAtxHeading(String[] lines) {
        boolean inFence = false;
        for (String line : lines) {
            String content = line.strip();
            if (LineSyntax.fence(content) != null) {
                inFence = !inFence;
            } else if (!inFence && LineSyntax.atxHeading(content) != null) {
                return true;
            }
        }
        return false;
    }

    /** A bare line is a heading only when something follows it: a blank line, then notes, or a list. */
    private boolean isFollowedByBody(int index) {
        if (index + 1 >= lines.length) {
            return false;
        }
        String next = lines[index + 1];
        if (next.isBlank()) {
            for (int j = index + 2; j < lines.length; j++) {
                if (!lines[j].isBlank()) {
                    return true;
                }
            }
            return false;
        }
        return LineSyntax.isBullet(next.strip()) || LineSyntax.indentOf(next) > 0;
    }

    /**
     * Whether a plain line right under a block continues it (a wrapped line) rather than starting a
     * block nested in it: a line indented past an item's text is nested; one between the marker and
     * the text, or one that lost its indentation mid-sentence, is the item's text wrapping.
     */
    private boolean continuesLastBlock(int indent, String content) {
        if (blankSinceLastBlock || lastBlock == null) {
            return false;
        }
        return switch (lastBlock.kind) {
            case ITEM -> indent > lastBlock.indent ? indent <= lastBlock.textColumn : startsLowerCase(content);
            case PARAGRAPH -> indent == lastBlock.indent || indent < lastBlock.indent && startsLowerCase(content);
            default -> false;
        };
    }

    /** A wrapped line that lost its indentation still reads as the rest of a sentence. */
    private static boolean startsLowerCase(String content) {
        return Character.isLowerCase(content.codePointAt(0));
    }

    /** Whether a block at {@code indent} would sit under an open item. */
    private boolean isNestedUnderItem(int indent) {
        for (Iterator<OutlineNode> it = open.descendingIterator(); it.hasNext(); ) {
            OutlineNode candidate = it.next();
            if (candidate.indent < indent) {
                return candidate.kind == OutlineNode.Kind.ITEM;
            }
        }
        return false;
    }

    private void addBlock(OutlineNode node) {
        closeBlocksFor(node.indent);
        attach(node);
        open.addLast(node);
        lastBlock = node;
    }

    /** Closes the open blocks a block at {@code indent} does not nest in, and one more at the depth cap. */
    private void closeBlocksFor(int indent) {
        while (!open.isEmpty() && open.peekLast().indent >= indent) {
            open.removeLast();
        }
        if (open.size() == MAX_DEPTH) {
            open.removeLast();
            depthCapped = true;
        }
    }

    private void attach(OutlineNode node) {
        if (open.isEmpty()) {
            sectionNodes.add(node);
        } else {
            open.peekLast().children.add(node);
        }
    }

    private void addTableRow(int lineNumber, int indent, String content) {
        if (lastBlock != null && lastBlock.kind == OutlineNode.Kind.TABLE && !blankSinceLastBlock) {
            lastBlock.lines.add(content);
            return;
        }
        addBlock(new OutlineNode(OutlineNode.Kind.TABLE, lineNumber, indent, indent, false, content));
    }

    private void openCode(int lineNumber, int indent, String content, String fence) {
        OutlineNode node = new OutlineNode(OutlineNode.Kind.CODE, lineNumber, indent, indent, false, content);
        closeBlocksFor(indent);
        attach(node);
        codeBlock = node;
        codeFence = fence;
        codeIndent = indent;
        lastBlock = node;
        blankSinceLastBlock = false;
    }

    private void continueCode(String line) {
        String content = line.strip();
        String kept = LineSyntax.indentOf(line) >= codeIndent ? stripIndent(line, codeIndent) : content;
        codeBlock.lines.add(kept.stripTrailing());
        if (LineSyntax.closesFence(content, codeFence)) {
            codeBlock = null;
        }
    }

    private static String stripIndent(String line, int width) {
        int removed = 0;
        int i = 0;
        while (i < line.length() && removed < width && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            removed += line.charAt(i) == '\t' ? 4 : 1;
            i++;
        }
        return line.substring(i);
    }

    private void startSection(LineSyntax.Heading written) {
        flushSection();
        if (topLevel == 0) {
            topLevel = written.level();
        }
        // Below the first heading, there is always a heading before this one.
        LineSyntax.Heading heading = written.level() >= topLevel ? written
                : new LineSyntax.Heading(headings.peekLast().level(), written.title());
        while (!headings.isEmpty() && headings.peekLast().level() >= heading.level()) {
            headings.removeLast();
        }
        headings.addLast(heading);
    }

    private void flushSection() {
        List<String> path = headings.stream().map(LineSyntax.Heading::title).toList();
        if (!sectionNodes.isEmpty()) {
            sections.add(new Section(path, sectionNodes));
        }
        sectionNodes = new ArrayList<>();
        open.clear();
        lastBlock = null;
        blankSinceLastBlock = true;
    }
}
