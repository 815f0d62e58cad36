package dev.studybot.knowledge.notes;

import java.util.List;

/**
 * A small, self-contained piece of a notes file: what a search shows and a question is made from.
 *
 * @param file        path of the notes file, relative to the notes folder, with forward slashes
 * @param line        1-based line in that file where the passage's content starts
 * @param headingPath headings above the passage, outermost first (empty when the file has none)
 * @param text        the passage as a chat user is shown it, at most {@link #MAX_TEXT_CHARS}
 * @param links       URLs of links and images in the passage, in order of appearance
 */
public record Passage(String file, int line, List<String> headingPath, String text, List<String> links) {

    /** Chat messages are small; a shown passage never exceeds this. */
    public static final int MAX_TEXT_CHARS = 1500;

    public Passage {
        headingPath = List.copyOf(headingPath);
        links = List.copyOf(links);
    }

    /** The heading path as people read it, e.g. {@code EC2 › Spot Fleets}. */
    public String headingTrail() {
        return String.join(" › ", headingPath);
    }
}
