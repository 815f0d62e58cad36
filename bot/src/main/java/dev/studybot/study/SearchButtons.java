package dev.studybot.study;

import dev.studybot.chat.Button;
import java.util.Optional;

/** The buttons under a lookup's results, each carrying the lookup's id: "More results", 👍, 👎 and "Share to channel". */
final class SearchButtons {

    private static final String MORE = "more-results";
    private static final String VOTE = "search-vote:";
    private static final String SHARE = "search-share:";

    /** What a press on one of them asks for; a bare "more-results" (typed {@code more}) has no lookup id. */
    record Pressed(Optional<String> searchId, Kind kind) {
    }

    enum Kind { MORE, HELPFUL, UNHELPFUL, SHARE }

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
        if (action.startsWith(VOTE) && (action.endsWith(":up") || action.endsWith(":down"))) {
            String id = action.substring(VOTE.length(), action.lastIndexOf(':'));
            return id.isEmpty() ? Optional.empty()
                    : Optional.of(new Pressed(Optional.of(id), action.endsWith(":up") ? Kind.HELPFUL : Kind.UNHELPFUL));
        }
        return Optional.empty();
    }
}
