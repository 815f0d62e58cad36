package dev.studybot.cli;

import dev.studybot.knowledge.KnowledgeBase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Starts the bot. Until the chat adapters exist this is the console: lookups typed at a prompt, or
 * piped in one per line.
 */
@Command(name = "run", description = "Start the bot. With no chat tokens configured: a console for lookups.")
final class RunCommand implements Callable<Integer> {

    private static final String SEARCH = "/study search";
    private static final int RESULTS = 3;

    @Mixin
    NotesOptions notes;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        boolean interactive = System.console() != null;
        try (KnowledgeBase base = notes.open(System.err)) {
            out.printf(Locale.ROOT, "studybot console: %d passages from %s. Type a question, /study help, or quit.%n",
                    base.lastSync().passages(), notes.notes);
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            while (true) {
                if (interactive) {
                    out.print("> ");
                }
                out.flush();
                String line = in.readLine();
                if (line == null || line.strip().equalsIgnoreCase("quit") || line.strip().equalsIgnoreCase("exit")) {
                    break;
                }
                out.println(answer(base, line.strip()));
            }
        }
        out.flush();
        return 0;
    }

    private static String answer(KnowledgeBase base, String line) {
        if (line.isEmpty()) {
            return "";
        }
        String lower = line.toLowerCase(Locale.ROOT);
        if (lower.equals("/study") || lower.equals("/study help") || lower.equals("/help") || lower.equals("help")) {
            return "Type a question, or /study search <words>, e.g. /study search spot instance interruption.\n"
                    + "Quizzes, the question of the day and leaderboards are not built yet.";
        }
        if (lower.startsWith(SEARCH + " ") || lower.equals(SEARCH)) {
            return SearchText.of(base.search(line.substring(SEARCH.length()), RESULTS));
        }
        if (lower.startsWith("/")) {
            String[] words = line.split("\\s+");
            String command = words[0].equalsIgnoreCase("/study") && words.length > 1 ? "/study " + words[1] : words[0];
            return command + " is not available yet. Only /study search and /study help work so far.";
        }
        return SearchText.of(base.search(line, RESULTS));
    }
}
