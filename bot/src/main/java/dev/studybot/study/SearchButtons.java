package dev.studybot.study;

import dev.studybot.chat.Button;
import java.util.Optional;

/**
 * The buttons under a lookup's results, each carrying the lookup's id: "Show full passage" (with the result's rank),
 * "More results", 👍, 👎 and "Share to channel".
 */
final class SearchButtons {

    private static final String MORE = "more-results";
    private static final String VOTE = "search-vote:";
    private static final String SHARE = "search-share:";
    private static final String PASSAGE = "search-passage:";

    /**
     * What a press on one of them asks for; a bare "more-results" (typed {@code more}) has no lookup id.
     *
     * @param rank the result (0-based) a "Show full passage" press is for; 0 for the others
     */
    record Pressed(Optional<String> searchId, Kind kind, int rank) {
        Pressed(Optional<String> searchId, Kind kind) {
            this(searchId, kind, 0);
        }
    }

    enum Kind { MORE, HELPFUL, UNHELPFUL, SHARE, PASSAGE }

    private SearchButtons() {
    }

    static Button more(String searchId) {
        return new Button(MORE + ":" + searchId, "more", "More results");
    }

    static Button helpful(String searchId) {
        return new Button(VOTE + searchId + ":up", "helpful", "👍 Helpful");
    }

    static Button unhelpful(String searchId) {
        return new Button(VOTE + searchId + ":down", "unhelpful", "👎 Not helpful");
    }

    static Button share(String searchId) {
        return new Button(SHARE + searchId, "share", "📣 Share to channel");
    }

    /** Shows result {@code rank} (0-based) whole; numbered as the reply numbers the results, from 1. */
    static Button passage(String searchId, int rank) {
        return new Button(PASSAGE + searchId + ":" + rank, "p" + (rank + 1), "📄 Show full passage " + (rank + 1));
    }

    /** The press, if the action is one of these buttons'. */
    static Optional<Pressed> parse(String action) {
        if (action.equals(MORE)) {
            return Optional.of(new Pressed(Optional.empty(), Kind.MORE));
        }
        if (action.startsWith(MORE + ":")) {
            return Optional.of(new Pressed(Optional.of(action.substring(MORE.length() + 1)), Kind.MORE));
        }
        if (action.startsWith(SHARE) && action.length() > SHARE.length()) {
            return Optional.of(new Pressed(Optional.of(action.substring(SHARE.length())), Kind.SHARE));
        }
        if (action.matches(PASSAGE + "[^:]+:\\d{1,2}")) {
            String[] parts = action.substring(PASSAGE.length()).split(":");
            return Optional.of(new Pressed(Optional.of(parts[0]), Kind.PASSAGE, Integer.parseInt(parts[1])));
        }
        if (action.startsWith(VOTE) && (action.endsWith(":up") || action.endsWith(":down"))) {
            String id = action.substring(VOTE.length(), action.lastIndexOf(':'));
            return id.isEmpty() ? Optional.empty()
                    : Optional.of(new Pressed(Optional.of(id), action.endsWith(":up") ? Kind.HELPFUL : Kind.UNHELPFUL));
        }
        return Optional.empty();
    }
}
