package dev.studybot.study;

import dev.studybot.chat.Button;
import dev.studybot.chat.Caller;
import dev.studybot.chat.Options;
import dev.studybot.chat.Markup;
import dev.studybot.chat.Plural;
import dev.studybot.chat.Reply;
import dev.studybot.chat.CommandSpec;
import dev.studybot.command.DidYouMean;
import dev.studybot.chat.OptionSpec;
import dev.studybot.command.StudyCommand;
import dev.studybot.command.Usage;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /study topics [page | words]}: the notes' topics, most questions first, a page at a time with a
 * "More topics" button (the real notes have hundreds), or those whose name holds the words.
 */
record TopicsCommand(QuizPicker quizzes) implements StudyCommand {

    static final CommandSpec SPEC = CommandSpec.everyone("topics",
                    "what the notes cover, a page at a time, or those named like the words", true, false)
            .option(OptionSpec.text("find", "page | words", "A page number, or words the topics are named with")
                    .maxLength(100));
    static final int PER_PAGE = 25;
    private static final String PAGE_ACTION = "topics-page:";

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public Reply run(Caller caller, Options options) {
        String find = options.text("find").replaceAll("\\s+", " ");
        if (find.isEmpty()) {
            return page(1, caller.member().platform());
        }
        if (find.matches("\\d{1,6}")) {
            return page(Integer.parseInt(find), caller.member().platform());
        }
        return matching(find);
    }

    /** The page a "More topics" press asks for, or -1 when the action is no such press. */
    static int pageOf(String action) {
        return action != null && action.matches(PAGE_ACTION + "\\d{1,6}")
                ? Integer.parseInt(action.substring(PAGE_ACTION.length())) : -1;
    }

    Reply page(int page, String platform) {
        List<Map.Entry<String, Long>> topics = sorted();
        if (topics.isEmpty()) {
            return Reply.privately(new Reply.Text("The notes folder has no topics yet."));
        }
        int pages = (topics.size() + PER_PAGE - 1) / PER_PAGE;
        if (page < 1 || page > pages) {
            return Usage.badArguments(SPEC.usage(platform), "There " + (pages == 1 ? "is 1 page" : "are " + pages + " pages")
                    + " of topics; ask for one from 1 to " + pages + ".");
        }
        int from = (page - 1) * PER_PAGE;
        int to = Math.min(from + PER_PAGE, topics.size());
        String range = pages == 1 ? Plural.of(topics.size(), "topic")
                : "Topics " + (from + 1) + "-" + to + " of " + topics.size();
        List<Button> more = page < pages
                ? List.of(new Button(PAGE_ACTION + (page + 1), "/study topics " + (page + 1), "More topics"))
                : List.of();
        return new Reply(true, List.of(new Reply.Heading("Topics in the notes"), new Reply.Lines(lines(topics.subList(from, to))),
                new Reply.Note(range + ". Practise one with /study quiz <topic>; find one with /study topics <words>")), more);
    }

    private Reply matching(String words) {
        String wanted = words.toLowerCase(Locale.ROOT);
        List<Map.Entry<String, Long>> found = sorted().stream()
                .filter(topic -> topic.getKey().toLowerCase(Locale.ROOT).contains(wanted)).toList();
        if (found.isEmpty()) {
            return Reply.privately(new Reply.Text("No topic is called anything like \"" + Markup.literal(words) + "\"."
                    + DidYouMean.sentence(words, quizzes.headingWords())), new Reply.Note("See them all with /study topics"));
        }
        String shown = found.size() > PER_PAGE ? "The first " + PER_PAGE + " of " + found.size() + "; add words to narrow them. "
                : "";
        return Reply.privately(new Reply.Heading("Topics with \"" + Markup.literal(words) + "\""),
                new Reply.Lines(lines(found.subList(0, Math.min(PER_PAGE, found.size())))),
                new Reply.Note(shown + "Practise one with /study quiz <topic>"));
    }

    private List<Map.Entry<String, Long>> sorted() {
        return quizzes.topics().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .toList();
    }

    private static List<String> lines(List<Map.Entry<String, Long>> topics) {
        return topics.stream().map(topic -> topic.getKey() + " (" + Plural.of(topic.getValue(), "question") + ")").toList();
    }
}
