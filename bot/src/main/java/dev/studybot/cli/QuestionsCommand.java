package dev.studybot.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.studybot.knowledge.questions.Question;
import dev.studybot.knowledge.questions.QuestionGenerator;
import dev.studybot.knowledge.questions.QuestionSelection;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "questions", description = {
        "Make multiple-choice questions from the notes (and the team's *.quiz.md banks).",
        "The time it took, and a summary (how many, of which kinds, over how many topics), go to stderr."})
final class QuestionsCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    NotesOptions notes;

    @Option(names = "--count", paramLabel = "N", description = "At most N questions, spread over topics. Default: all")
    Integer count;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Fixes which questions are picked and the order of choices. Default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--topic", paramLabel = "T", description = "Only questions whose heading path mentions T.")
    String topic;

    @Option(names = "--json", description = "One JSON object per question per line.")
    boolean json;

    @Option(names = "--min-score", paramLabel = "X",
            description = "The score (0 to 1) a generated question needs to be served."
                    + " Default: $STUDYBOT_QUESTIONS_MIN_SCORE, else questions.min_score in the configuration, else 0.75")
    Double minScore;

    @Option(names = "--all", description = "Also the questions that passed every gate but score below the threshold.")
    boolean all;

    @Option(names = "--explain", description = "Also, on stderr, every draft that was dropped and why.")
    boolean explain;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (count != null && count < 1) {
            throw new IllegalArgumentException("--count must be at least 1.");
        }
        if (minScore != null && !(minScore >= 0 && minScore <= 1)) {
            throw new IllegalArgumentException("--min-score must be between 0 and 1.");
        }
        double threshold = minScore != null ? minScore : notes.config().questions().minScore();
        long started = System.nanoTime();
        QuestionGenerator.Result result = notes.questionGenerator(threshold).generate(notes.notes, seed);
        long millis = (System.nanoTime() - started) / 1_000_000;
        PrintWriter err = spec.commandLine().getErr();
        result.problems().forEach(problem -> err.println("warning: " + problem));
        List<Question> pool = new ArrayList<>(result.questions());
        if (all) {
            pool.addAll(result.belowThreshold());
        }
        List<Question> questions = QuestionSelection.onTopic(pool, topic);
        if (count != null) {
            questions = QuestionSelection.pick(questions, count, seed);
        }
        PrintWriter out = spec.commandLine().getOut();
        for (Question question : questions) {
            out.println(json ? toJson(question) : toText(question));
        }
        out.flush();
        if (explain) {
            result.dropped().forEach(d -> err.println("dropped " + d.file() + ":" + d.line() + " [" + d.kind() + "] "
                    + d.reason() + ": " + d.prompt().replace('\n', ' ')));
        }
        err.println("generated in " + millis + " ms (" + result.dropped().size() + " drafts dropped)");
        err.println(summary(questions));
        err.flush();
        return 0;
    }

    static String toJson(Question question) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", question.id());
        node.put("kind", question.kind());
        question.topic().forEach(node.putArray("topic")::add);
        node.put("prompt", question.prompt());
        question.choices().forEach(node.putArray("choices")::add);
        node.put("answer", question.answer());
        node.put("score", question.score());
        ObjectNode source = node.putObject("source");
        source.put("file", question.file());
        source.put("line", question.line());
        node.put("explanation", question.explanation());
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A tree of strings and numbers always serialises", e);
        }
    }

    private static String toText(Question question) {
        StringBuilder out = new StringBuilder();
        out.append('[').append(String.join(" › ", question.topic())).append("] ").append(question.prompt()).append('\n');
        for (int i = 0; i < question.choices().size(); i++) {
            out.append("  ").append((char) ('A' + i)).append(") ").append(question.choices().get(i))
                    .append(i == question.answer() ? "   <- right" : "").append('\n');
        }
        out.append("  source: ").append(question.file()).append(':').append(question.line()).append('\n');
        return out.toString();
    }

    private static String summary(List<Question> questions) {
        Map<String, Long> kinds = new TreeMap<>(questions.stream()
                .collect(Collectors.groupingBy(Question::kind, Collectors.counting())));
        long topics = questions.stream().map(q -> String.join(" › ", q.topic())).distinct().count();
        return "questions=" + questions.size() + " topics=" + topics + " kinds=" + kinds;
    }
}
