package dev.studybot.knowledge.notes;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts sections into passages: a short section stays whole; a long one is packed into runs of
 * neighbouring blocks; a block too big for one passage is split into its children, each run led by
 * the block's own line so it still reads on its own.
 */
final class PassageBuilder {

    /** A section up to this size is one passage: it is one thought and reads best whole. */
    static final int WHOLE_SECTION_CHARS = 900;
    /** Neighbouring blocks are packed up to about this size. */
    static final int TARGET_CHARS = 600;
    /** A block bigger than this is split into its children. */
    static final int SPLIT_CHARS = 1100;
    /** A trailing run smaller than this joins the run before it. */
    static final int TINY_CHARS = 120;
    private static final int LEAD_MAX_CHARS = 240;

    private static final Pattern URL = Pattern.compile(
            "!?\\[[^\\]]*]\\(\\s*<?([^)\\s>]+)>?[^)]*\\)|<(https?://[^>\\s]+)>|(https?://[^\\s)>\\]`\"']+)");

    private final String file;
    private final List<Passage> passages = new ArrayList<>();

    private PassageBuilder(String file) {
        this.file = file;
    }

    static List<Passage> build(String file, List<Section> sections) {
        PassageBuilder builder = new PassageBuilder(file);
        for (Section section : sections) {
            builder.addSection(section);
        }
        return builder.passages;
    }

    private void addSection(Section section) {
        int size = 0;
        for (OutlineNode node : section.nodes()) {
            size += node.render(0).length() + 1;
        }
        if (size <= WHOLE_SECTION_CHARS) {
            emit(section.headingPath(), section.nodes().get(0).line, "", section.nodes(), 0);
        } else {
            pack(section.headingPath(), section.nodes(), 0, "");
        }
    }

    /** Packs sibling blocks at {@code depth} into passages, each starting with {@code lead}. */
    private void pack(List<String> path, List<OutlineNode> nodes, int depth, String lead) {
        List<List<OutlineNode>> runs = new ArrayList<>();
        List<OutlineNode> run = new ArrayList<>();
        int runSize = 0;
        for (OutlineNode node : nodes) {
            int size = node.render(depth).length() + 1;
            if (size > SPLIT_CHARS) {
                closeRun(runs, run);
                run = new ArrayList<>();
                runSize = 0;
                runs.add(List.of(node));
                continue;
            }
            if (!run.isEmpty() && runSize + size > TARGET_CHARS) {
                closeRun(runs, run);
                run = new ArrayList<>();
                runSize = 0;
            }
            run.add(node);
            runSize += size;
        }
        closeRun(runs, run);
        for (List<OutlineNode> each : runs) {
            OutlineNode only = each.get(0);
            if (each.size() == 1 && only.render(depth).length() + 1 > SPLIT_CHARS) {
                split(path, only, depth, lead);
            } else {
                emit(path, only.line, lead, each, depth);
            }
        }
    }

    private static void closeRun(List<List<OutlineNode>> runs, List<OutlineNode> run) {
        if (run.isEmpty()) {
            return;
        }
        if (!runs.isEmpty()) {
            List<OutlineNode> previous = runs.get(runs.size() - 1);
            int runSize = run.stream().mapToInt(n -> n.render(0).length()).sum();
            int previousSize = previous.stream().mapToInt(n -> n.render(0).length()).sum();
            boolean previousIsSplit = previous.size() == 1 && previousSize + 1 > SPLIT_CHARS;
            if (runSize < TINY_CHARS && !previousIsSplit && previousSize + runSize < SPLIT_CHARS) {
                List<OutlineNode> merged = new ArrayList<>(previous);
                merged.addAll(run);
                runs.set(runs.size() - 1, merged);
                return;
            }
        }
        runs.add(List.copyOf(run));
    }

    /** A block too big for one passage: its children become passages led by the block's own text. */
    private void split(List<String> path, OutlineNode node, int depth, String lead) {
        String own = indent(node.ownText(), depth);
        if (node.children.isEmpty() || own.length() > LEAD_MAX_CHARS) {
            // The block's own text is long enough to be read on its own: pieces of it become passages.
            for (Piece piece : pieces(node, depth)) {
                emitText(path, piece.line(), lead + piece.text());
            }
        }
        if (!node.children.isEmpty()) {
            String ownLead = own.length() <= LEAD_MAX_CHARS ? own
                    : own.substring(0, LEAD_MAX_CHARS).stripTrailing() + " …";
            pack(path, node.children, depth + 1, lead + ownLead + "\n");
        }
    }

    /** Text starting at a line of the file. */
    private record Piece(int line, String text) {
    }

    /**
     * A long block's own text in pieces of about {@link #TARGET_CHARS}: whole lines where they fit,
     * a long line cut at sentence ends, a long sentence cut between words. Each piece knows its line.
     */
    private static List<Piece> pieces(OutlineNode node, int depth) {
        List<Piece> parts = new ArrayList<>();
        for (int i = 0; i < node.lines.size(); i++) {
            String line = node.lines.get(i);
            int lineNumber = node.line + i;
            if (line.length() <= TARGET_CHARS) {
                parts.add(new Piece(lineNumber, line));
            } else {
                for (String part : cut(line)) {
                    parts.add(new Piece(lineNumber, part));
                }
            }
        }
        List<Piece> packed = new ArrayList<>();
        Piece current = null;
        for (Piece part : parts) {
            if (current != null && current.text().length() + 1 + part.text().length() <= TARGET_CHARS) {
                current = new Piece(current.line(), current.text() + node.lineSeparator() + part.text());
            } else {
                if (current != null) {
                    packed.add(current);
                }
                current = part;
            }
        }
        packed.add(current);
        return packed.stream().map(piece -> new Piece(piece.line(), indent(piece.text(), depth))).toList();
    }

    /** One long line in pieces: at sentence ends where possible, else between words. */
    private static List<String> cut(String line) {
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        for (String sentence : sentences(line)) {
            for (String part : sentence.length() <= TARGET_CHARS ? List.of(sentence) : betweenWords(sentence)) {
                if (piece.length() > 0 && piece.length() + part.length() > TARGET_CHARS) {
                    pieces.add(piece.toString().strip());
                    piece.setLength(0);
                }
                piece.append(part);
            }
        }
        if (!piece.toString().isBlank()) {
            pieces.add(piece.toString().strip());
        }
        return pieces;
    }

    private static List<String> sentences(String text) {
        List<String> sentences = new ArrayList<>();
        BreakIterator iterator = BreakIterator.getSentenceInstance(Locale.ROOT);
        iterator.setText(text);
        for (int start = iterator.first(), end = iterator.next(); end != BreakIterator.DONE;
                start = end, end = iterator.next()) {
            sentences.add(text.substring(start, end));
        }
        return sentences;
    }

    private static List<String> betweenWords(String sentence) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (start < sentence.length()) {
            int end = Math.min(sentence.length(), start + TARGET_CHARS);
            if (end < sentence.length()) {
                int space = sentence.lastIndexOf(' ', end);
                end = space > start ? space + 1 : end;
            }
            parts.add(sentence.substring(start, end));
            start = end;
        }
        return parts;
    }

    private static String indent(String text, int depth) {
        String prefix = "  ".repeat(depth);
        return prefix + text.replace("\n", "\n" + prefix);
    }

    private void emit(List<String> path, int line, String lead, List<OutlineNode> nodes, int depth) {
        StringBuilder text = new StringBuilder(lead);
        for (OutlineNode node : nodes) {
            if (text.length() > lead.length()) {
                text.append('\n');
            }
            text.append(node.render(depth));
        }
        emitText(path, line, text.toString());
    }

    private void emitText(List<String> path, int line, String text) {
        String shown = dedent(text).strip();
        if (shown.isEmpty()) {
            return;
        }
        passages.add(new Passage(file, line, path, capped(shown), links(shown)));
    }

    /** Removes the indentation all lines share, so a passage from deep in a list starts at the margin. */
    private static String dedent(String text) {
        String[] lines = text.split("\n", -1);
        int common = Integer.MAX_VALUE;
        for (String line : lines) {
            if (!line.isBlank()) {
                common = Math.min(common, LineSyntax.indentOf(line));
            }
        }
        if (common == 0 || common == Integer.MAX_VALUE) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            out.append(out.length() > 0 ? "\n" : "").append(line.length() >= common ? line.substring(common) : line.strip());
        }
        return out.toString();
    }

    private static String capped(String text) {
        if (text.length() <= Passage.MAX_TEXT_CHARS) {
            return text;
        }
        int cut = text.lastIndexOf('\n', Passage.MAX_TEXT_CHARS - 2);
        if (cut < Passage.MAX_TEXT_CHARS / 2) {
            cut = text.lastIndexOf(' ', Passage.MAX_TEXT_CHARS - 2);
        }
        if (cut <= 0) {
            cut = Passage.MAX_TEXT_CHARS - 2;
        }
        return text.substring(0, cut).stripTrailing() + " …";
    }

    static List<String> links(String text) {
        Set<String> urls = new LinkedHashSet<>();
        Matcher m = URL.matcher(text);
        while (m.find()) {
            for (int group = 1; group <= 3; group++) {
                if (m.group(group) != null) {
                    urls.add(m.group(group));
                }
            }
        }
        return List.copyOf(urls);
    }
}
