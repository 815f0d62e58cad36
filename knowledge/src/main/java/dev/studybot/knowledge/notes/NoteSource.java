package dev.studybot.knowledge.notes;

/**
 * One notes file as read from disk, already decoded.
 *
 * @param file   path relative to the notes folder, with forward slashes
 * @param text   decoded content with line endings normalised to {@code \n}
 * @param sha256 hash of the raw bytes, to tell whether the file changed since it was indexed
 */
public record NoteSource(String file, String text, String sha256) {

    /** A team's own questions (see QuestionBank), not notes: kept out of search. */
    public boolean isQuestionBank() {
        return file.toLowerCase(java.util.Locale.ROOT).endsWith(".quiz.md");
    }

    /** Markdown syntax (ATX/setext headings, front matter) is expected only in these. */
    public boolean isMarkdown() {
        String lower = file.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith(".md") || lower.endsWith(".markdown");
    }
}
