package dev.studybot.cli;

import dev.studybot.store.SearchHistory;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * Members' votes on lookups as a query set in {@code eval}'s format: a lookup voted helpful more often than not is a
 * query whose answer is the line its first result answered with; the others are left as comments, to be given their
 * right answer by hand (which {@code eval} then reads like any other query).
 */
final class FeedbackQuerySet {

    private FeedbackQuerySet() {
    }

    /** Writes the set; returns how many queries it has (comments not counted). */
    static int write(List<SearchHistory.Voted> voted, PrintWriter out) {
        out.println("id\tquery\tanswers\tfile");
        int queries = 0;
        for (SearchHistory.Voted lookup : voted) {
            String query = oneLine(lookup.query());
            if (lookup.helpful() > lookup.unhelpful() && lookup.top().isPresent()) {
                SearchHistory.TopResult top = lookup.top().get();
                queries++;
                out.printf(Locale.ROOT, "f%03d\t%s\t%s\t%s%n", queries, query, oneLine(top.answer()), file(top.source()));
            } else {
                out.printf(Locale.ROOT, "# %d helpful, %d not: add the right answer and keep it: %s%n",
                        lookup.helpful(), lookup.unhelpful(), query);
            }
        }
        out.flush();
        return queries;
    }

    /** A TSV cell: tabs and line breaks would start a new cell or row. */
    private static String oneLine(String text) {
        return text.replaceAll("[\\t\\r\\n]+", " ").strip();
    }

    private static String file(String source) {
        int colon = source.lastIndexOf(':');
        return colon < 0 ? source : source.substring(0, colon);
    }
}
