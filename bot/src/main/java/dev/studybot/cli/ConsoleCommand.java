package dev.studybot.cli;

import dev.studybot.console.ConsoleChat;
import dev.studybot.console.ConsolePoster;
import dev.studybot.qotd.QuestionOfTheDay;
import dev.studybot.study.StudyBot;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "console", description = {
        "Chat with studybot in the terminal, or script it on stdin: lines may start with @user and #channel;",
        "/study <command> runs a command, a button key like 12b presses that button, other text is looked up."})
final class ConsoleCommand implements Callable<Integer> {

    @Mixin
    NotesOptions notes;

    @Option(names = "--db", paramLabel = "FILE", defaultValue = "data/studybot.db",
            description = "SQLite database for scores and questions. Default: ${DEFAULT-VALUE}")
    Path db;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Fixes which practice questions come up, for repeatable scripts. Default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--reveal-before", paramLabel = "MINUTES", defaultValue = "30",
            description = "Reveal a question of the day this long before the next one. Default: ${DEFAULT-VALUE}")
    long revealBeforeMinutes;

    @Option(names = "--grace", paramLabel = "MINUTES", defaultValue = "120",
            description = "After a restart, post a question whose time passed at most this long ago. Default: ${DEFAULT-VALUE}")
    long graceMinutes;

    @Option(names = "--admins", paramLabel = "USER", split = ",",
            description = "Who may set the question of the day (comma-separated). Default: everyone")
    List<String> admins = List.of();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        return run(spec.commandLine().getOut(), null);
    }

    QuestionOfTheDay.Settings settings() {
        if (revealBeforeMinutes < 0 || graceMinutes < 0) {
            throw new IllegalArgumentException("--reveal-before and --grace take minutes, 0 or more.");
        }
        return new QuestionOfTheDay.Settings(Duration.ofMinutes(revealBeforeMinutes),
                QuestionOfTheDay.Settings.DEFAULTS.revealWithoutSchedule(), Duration.ofMinutes(graceMinutes));
    }

    /** @param banner a line to print first (why the console was started), or null */
    int run(PrintWriter out, String banner) throws IOException {
        boolean interactive = System.console() != null;
        try (BotAssembly parts = new BotAssembly(notes, db, seed, System.err)) {
            if (banner != null) {
                out.println(banner);
            }
            out.printf("studybot console: %d passages and %d questions from %s. Type /study help, or quit.%n",
                    parts.knowledge.lastSync().passages(), parts.questions.questions().size(), notes.notes);
            out.flush();
            StudyBot bot = parts.start(new ConsolePoster(out), settings(), seed);
            new ConsoleChat(bot, out, !interactive, Set.copyOf(admins)).run(
                    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), interactive);
        }
        return 0;
    }
}
