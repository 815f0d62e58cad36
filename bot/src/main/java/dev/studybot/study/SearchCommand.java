package dev.studybot.study;

import dev.studybot.chat.Caller;
import dev.studybot.chat.Options;
import dev.studybot.chat.Reply;
import dev.studybot.chat.CommandSpec;
import dev.studybot.chat.OptionSpec;
import dev.studybot.command.StudyCommand;
import dev.studybot.command.Usage;
import dev.studybot.domain.MemberKey;
import dev.studybot.knowledge.KnowledgeBase;
import dev.studybot.knowledge.search.NotesSearcher;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@code /study search <words>}: the best passages of the notes, a few at a time with a "More results" button. */
final class SearchCommand implements StudyCommand {

    static final CommandSpec SPEC = CommandSpec.everyone("search", "look something up in the notes", true, false)
            .alias("find", "lookup").option(OptionSpec.text("query", "words", "What to look up").asRequired().maxLength(200));
    private static final int SHOWN = 3;

    private final KnowledgeBase knowledge;
    /** Each member's last lookup, for "More results"; lost on restart, which only means searching again. */
    private final Map<MemberKey, LastSearch> lastSearches = new ConcurrentHashMap<>();

    private record LastSearch(String query, int shown) {
    }

    SearchCommand(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
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
        lastSearches.put(caller.member().key(), new LastSearch(query, SHOWN));
        return Replies.search(knowledge.search(query, SHOWN + 1), 0, SHOWN);
    }

    /** The next few results of the caller's last lookup (the "More results" button). */
    Reply more(Caller caller) {
        LastSearch last = lastSearches.get(caller.member().key());
        if (last == null) {
            return Reply.privately(new Reply.Text("Search again with /study search <words> to see more results."));
        }
        if (last.shown() >= NotesSearcher.MAX_LIMIT) {
            return Reply.privately(new Reply.Text("That is as far as a lookup goes; try more specific words."));
        }
        int upTo = Math.min(last.shown() + SHOWN, NotesSearcher.MAX_LIMIT);
        lastSearches.put(caller.member().key(), new LastSearch(last.query(), upTo));
        return Replies.search(knowledge.search(last.query(), Math.min(upTo + 1, NotesSearcher.MAX_LIMIT)), last.shown(),
                upTo - last.shown());
    }
}
