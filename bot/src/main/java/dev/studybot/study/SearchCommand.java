package dev.studybot.study;

import dev.studybot.chat.Caller;
import dev.studybot.chat.Interaction;
import dev.studybot.chat.Options;
import dev.studybot.chat.Reply;
import dev.studybot.chat.CommandSpec;
import dev.studybot.chat.OptionSpec;
import dev.studybot.command.StudyCommand;
import dev.studybot.command.Usage;
import dev.studybot.knowledge.KnowledgeBase;
import dev.studybot.knowledge.search.NotesSearcher;
import dev.studybot.knowledge.search.SearchResponse;
import dev.studybot.knowledge.search.SearchResult;
import dev.studybot.store.SearchHistory;
import dev.studybot.store.StoreException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /study search <words>}: the best passages of the notes, a few at a time with a "More results" button, each
 * as the lines that answer with a "Show full passage" button, and 👍/👎 buttons whose votes are kept for
 * {@code studybot eval --from-feedback}. Each lookup is stored, so its buttons work after a restart and on whichever
 * process takes the press.
 */
final class SearchCommand implements StudyCommand {

    static final CommandSpec SPEC = CommandSpec.everyone("search", "look something up in the notes", true, false)
            .alias("find", "lookup").option(OptionSpec.text("query", "words", "What to look up").asRequired()
                    .maxLength(Interaction.LOOKUP_LIMIT));
    private static final int SHOWN = 3;
    private static final Logger LOG = LoggerFactory.getLogger(SearchCommand.class);

    private final KnowledgeBase knowledge;
    private final SearchHistory history;
    private final Clock clock;

    SearchCommand(KnowledgeBase knowledge, SearchHistory history, Clock clock) {
        this.knowledge = knowledge;
        this.history = history;
        this.clock = clock;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public Reply run(Caller caller, Options options) {
        String query = options.text("query");
        if (query.isEmpty()) {
            return Usage.badArguments(SPEC.usage(caller.member().platform()), "What should I look up? For example: "
                    + "/study search spot instance interruption");
        }
        SearchResponse response = knowledge.search(query, limitFor(SHOWN));
        try {
            String id = history.record(caller.member(), query, SHOWN, Replies.topResult(response), clock.instant());
            return Replies.search(Optional.of(id), query, response, 0, SHOWN);
        } catch (StoreException e) {
            // The notes answer without the database; only the buttons, which need the stored lookup, are left out.
            LOG.warn("Could not store a lookup, so it is shown without its buttons: {}", e.getMessage());
            return Replies.search(Optional.empty(), query, response, 0, SHOWN);
        }
    }

    /** A press on one of a lookup's buttons, if {@code action} is one. */
    Optional<Reply> pressed(Caller caller, String action) {
        return SearchButtons.parse(action).map(pressed -> {
            Optional<SearchHistory.Lookup> lookup = pressed.searchId().isPresent()
                    ? pressed.searchId().flatMap(history::lookup) : history.latest(caller.member().key());
            if (lookup.isEmpty()) {
                return unknownLookup();
            }
            return switch (pressed.kind()) {
                case MORE -> more(caller, lookup.get());
                case SHARE -> share(caller, lookup.get());
                case PASSAGE -> passage(lookup.get(), pressed.rank());
                case HELPFUL, UNHELPFUL -> vote(caller, lookup.get(), pressed.kind() == SearchButtons.Kind.HELPFUL);
            };
        });
    }

    private Reply more(Caller caller, SearchHistory.Lookup last) {
        if (!last.member().equals(caller.member().key())) {
            return Reply.privately(new Reply.Text("That was someone else's lookup; search with /study search <words>."));
        }
        if (last.shown() >= NotesSearcher.MAX_LIMIT) {
            return Reply.privately(new Reply.Text("That is as far as a lookup goes; try more specific words."));
        }
        int upTo = Math.min(last.shown() + SHOWN, NotesSearcher.MAX_LIMIT);
        history.shown(last.id(), upTo);
        return Replies.search(Optional.of(last.id()), last.query(), knowledge.search(last.query(), limitFor(upTo)),
                last.shown(), upTo - last.shown());
    }

    /** The lookup's first results for the whole channel; only the member who looked it up shares it. */
    private Reply share(Caller caller, SearchHistory.Lookup lookup) {
        if (!lookup.member().equals(caller.member().key())) {
            return Reply.privately(new Reply.Text("Only the member who looked this up can share it."));
        }
        return Replies.shared(caller.member().displayName(), lookup.query(), knowledge.search(lookup.query(), SHOWN), SHOWN);
    }

    /**
     * Result {@code rank} of the lookup, whole. The lookup is searched again: the same notes give the same results,
     * so the button still works after a restart; after the notes changed it may show what now ranks there.
     */
    private Reply passage(SearchHistory.Lookup lookup, int rank) {
        // Searched as for the page that showed it, so that it ranks where it did there.
        int page = rank / SHOWN + 1;
        List<SearchResult> results = knowledge.search(lookup.query(), limitFor(page * SHOWN)).results();
        if (rank >= results.size()) {
            return Reply.privately(new Reply.Text("That passage is no longer among the results (the notes changed). "
                    + "Search again with /study search <words>."));
        }
        return Replies.fullPassage(lookup.query(), results.get(rank), rank);
    }

    private Reply vote(Caller caller, SearchHistory.Lookup lookup, boolean helpful) {
        if (!history.vote(lookup.id(), caller.member(), helpful, clock.instant())) {
            return unknownLookup();
        }
        return Reply.privately(new Reply.Text(helpful
                ? "Thanks! Noted that this lookup helped; votes like yours are how search gets better."
                : "Thanks! Noted that this lookup did not help; votes like yours are how search gets better."));
    }

    /** How many results to search for when {@code upTo} are to be shown: one more, to know whether there are more. */
    private static int limitFor(int upTo) {
        return Math.min(upTo + 1, NotesSearcher.MAX_LIMIT);
    }

    private static Reply unknownLookup() {
        return Reply.privately(new Reply.Text("That lookup is no longer known. Search again with /study search <words>."));
    }
}
