package dev.studybot.cli;

import dev.studybot.config.ScoringRules;
import dev.studybot.game.AnswerService;
import dev.studybot.knowledge.KnowledgeBase;
import dev.studybot.slack.SlackLoad;
import dev.studybot.store.SqlStudyStore;
import dev.studybot.study.StudyBot;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench-slack", description = {
        "Load the Slack adapter (HTTP mode, the real bot on --notes) on loopback: signed /study commands from",
        "C clients at once (each sends its next command once the last is answered, or 1 s after a busy ack),",
        "replies to a stand-in for Slack that answers after a delay. One line per round:",
        "delay_ms=D concurrency=C requests=N busy=B ack_p50_ms= ack_p99_ms= reply_p50_ms= reply_p99_ms= replies_per_s="})
final class SlackBenchCommand implements Callable<Integer> {

    @Mixin
    NotesOptions notes;

    @Option(names = "--requests", paramLabel = "N", defaultValue = "500",
            description = "Commands per round. Default: ${DEFAULT-VALUE}")
    int requests;

    @Option(names = "--concurrency", paramLabel = "C", split = ",", defaultValue = "1,10,50",
            description = "Clients sending at once, one round each. Default: ${DEFAULT-VALUE}")
    List<Integer> concurrency;

    @Option(names = "--delays", paramLabel = "MS", split = ",", defaultValue = "0,100",
            description = "How long the stand-in for Slack takes to answer, one set of rounds each. Default: ${DEFAULT-VALUE}")
    List<Long> delays;

    @Option(names = "--text", defaultValue = "search spot instance interruption",
            description = "What each /study command says. Default: ${DEFAULT-VALUE}")
    String text;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (requests < 1 || concurrency.stream().anyMatch(c -> c < 1) || delays.stream().anyMatch(d -> d < 0)) {
            throw new IllegalArgumentException("--requests and --concurrency must be at least 1, --delays 0 or more.");
        }
        Path work = Files.createTempDirectory("studybot-bench-slack");
        // The index in --data, as the bot keeps it (built once, then reused): only the scores are thrown away.
        try (KnowledgeBase knowledge = notes.open(System.err);
             SqlStudyStore store = SqlStudyStore.open(work.resolve("studybot.db"))) {
            StudyBot bot = new StudyBot(knowledge, List.of(), store,
                    new AnswerService(store.answers(), ScoringRules.DEFAULTS), Clock.systemUTC(), 1, null);
            PrintWriter out = spec.commandLine().getOut();
            for (SlackLoad.Round round : SlackLoad.run(bot, text, delays, concurrency, requests)) {
                out.printf(Locale.ROOT, "delay_ms=%d concurrency=%d requests=%d busy=%d ack_p50_ms=%.1f ack_p99_ms=%.1f"
                                + " reply_p50_ms=%.1f reply_p99_ms=%.1f replies_per_s=%.0f%n", round.delayMs(),
                        round.concurrency(), round.requests(), round.busy(), round.ackP50(), round.ackP99(),
                        round.replyP50(), round.replyP99(), round.repliesPerSecond());
                out.flush();
            }
        } finally {
            BenchSupport.deleteTree(work);
        }
        return 0;
    }
}
