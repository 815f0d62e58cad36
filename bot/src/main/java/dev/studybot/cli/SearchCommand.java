package dev.studybot.cli;

import dev.studybot.knowledge.KnowledgeBase;
import dev.studybot.knowledge.search.SearchResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "search", description = "Look something up in the notes. With no QUERY, reads one query per line from stdin.")
final class SearchCommand implements Callable<Integer> {

    @Mixin
    NotesOptions notes;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "5", description = "Results per query. Default: ${DEFAULT-VALUE}")
    int limit;

    @Option(names = "--json", description = "One JSON object per query per line.")
    boolean json;

    @Parameters(paramLabel = "QUERY", arity = "0..*", description = "Words to look for.")
    List<String> query;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        try (KnowledgeBase base = notes.open(System.err)) {
            if (query != null && !query.isEmpty()) {
                print(out, base.search(String.join(" ", query), limit));
                return 0;
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                print(out, base.search(line, limit));
            }
        }
        return 0;
    }

    private void print(PrintWriter out, SearchResponse response) {
        out.println(json ? SearchJson.of(response) : SearchText.of(response));
        out.flush();
    }
}
