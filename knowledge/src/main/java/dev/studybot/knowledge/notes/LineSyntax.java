package dev.studybot.knowledge.notes;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How one line of notes reads: the markers people use for headings, bullets, fences and tables. */
final class LineSyntax {

    private static final Pattern ATX_HEADING = Pattern.compile("^(#{1,6})[ \\t]+(.*?)[ \\t#]*$");
    private static final Pattern SETEXT_UNDERLINE = Pattern.compile("^[ \\t]{0,3}(=+|-+)[ \\t]*$");
    private static final Pattern THEMATIC_BREAK = Pattern.compile("^([-*_])([ \\t]*\\1){2,}[ \\t]*$");
    /** Dashes, pluses, stars, round bullets, a letter o, numbers and letters with a dot or parenthesis. */
    private static final Pattern BULLET = Pattern.compile("^(?:[-+*•◦▪‣·o]|\\d{1,3}[.)]|[a-zA-Z][.)])[ \\t]+\\S.*");
    private static final Pattern BULLET_MARKER = Pattern.compile("(?:[-+*•◦▪‣·o]|\\d{1,3}[.)]|[a-zA-Z][.)])[ \\t]+");
    private static final Pattern FENCE = Pattern.compile("^(`{3,}|~{3,}).*");
    private static final Pattern INLINE_MARKUP = Pattern.compile("\\*\\*|__|`|(?<=\\s|^)[*_]|[*_](?=\\s|$)");
    private static final Pattern LINK = Pattern.compile("!?\\[([^\\]]*)]\\([^)]*\\)");

    private static final int PLAIN_HEADING_MAX_CHARS = 60;
    private static final int PLAIN_HEADING_MAX_WORDS = 8;

    private LineSyntax() {
    }

    static int indentOf(String line) {
        int width = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ') {
                width++;
            } else if (c == '\t') {
                width += 4;
            } else {
                break;
            }
        }
        return width;
    }

    /** The level and title of a {@code #} heading, or null. */
    static Heading atxHeading(String content) {
        // Every line is asked all of these: a look at its first character spares most lines the regular expressions.
        if (!content.startsWith("#")) {
            return null;
        }
        Matcher m = ATX_HEADING.matcher(content);
        if (!m.matches()) {
            return null;
        }
        String title = cleanTitle(m.group(2));
        return title.isEmpty() ? null : new Heading(m.group(1).length(), title);
    }

    /** 1 for a {@code ===} underline, 2 for {@code ---}, 0 when the line is no setext underline. */
    static int setextLevel(String line) {
        Matcher m = SETEXT_UNDERLINE.matcher(line);
        return m.matches() ? (m.group(1).charAt(0) == '=' ? 1 : 2) : 0;
    }

    static boolean isThematicBreak(String content) {
        return !content.isEmpty() && "-*_".indexOf(content.charAt(0)) >= 0 && THEMATIC_BREAK.matcher(content).matches();
    }

    static boolean isBullet(String content) {
        return BULLET.matcher(content).matches();
    }

    /** How far into a bullet line its text starts, after the marker and its spaces. */
    static int bulletTextOffset(String content) {
        Matcher m = BULLET_MARKER.matcher(content);
        return m.lookingAt() ? m.end() : 0;
    }

    /** The fence marker ("```" or "~~~", with its length) when the line opens or closes a code block. */
    static String fence(String content) {
        if (!content.startsWith("```") && !content.startsWith("~~~")) {
            return null;
        }
        Matcher m = FENCE.matcher(content);
        return m.matches() ? m.group(1) : null;
    }

    static boolean closesFence(String content, String openingFence) {
        String marker = fence(content);
        return marker != null && marker.charAt(0) == openingFence.charAt(0)
                && marker.length() >= openingFence.length() && content.substring(marker.length()).isBlank();
    }

    static boolean isTableRow(String content) {
        return content.startsWith("|");
    }

    /**
     * A bare short line that plain-text notes use as a heading ("AWS Secret Manager"): no bullet, no
     * sentence punctuation at its end, no link, at the margin.
     */
    static boolean looksLikePlainHeading(String line) {
        if (indentOf(line) > 0) {
            return false;
        }
        String content = line.strip();
        if (content.isEmpty() || content.length() > PLAIN_HEADING_MAX_CHARS || isBullet(content)
                || isTableRow(content) || content.contains("://") || fence(content) != null
                || content.split("\\s+").length > PLAIN_HEADING_MAX_WORDS) {
            return false;
        }
        char last = content.charAt(content.length() - 1);
        return ".,;:!?=".indexOf(last) < 0 && Character.isLetterOrDigit(content.codePointAt(0));
    }

    /** A heading as people read it: no markup, no trailing colon or full stop. */
    static String cleanTitle(String raw) {
        String title = LINK.matcher(raw).replaceAll("$1");
        title = INLINE_MARKUP.matcher(title).replaceAll("");
        title = title.replaceAll("\\s+", " ").strip();
        while (!title.isEmpty() && ":.".indexOf(title.charAt(title.length() - 1)) >= 0) {
            title = title.substring(0, title.length() - 1).strip();
        }
        return title;
    }

    record Heading(int level, String title) {
    }
}
