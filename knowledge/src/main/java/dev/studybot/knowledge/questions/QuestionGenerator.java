package dev.studybot.knowledge.questions;

import dev.studybot.knowledge.analysis.Synonyms;
import dev.studybot.knowledge.notes.NoteParser;
import dev.studybot.knowledge.notes.NoteSource;
import dev.studybot.knowledge.notes.NoteTopic;
import dev.studybot.knowledge.notes.NotesReader;
import dev.studybot.knowledge.notes.Passage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Makes the question pool of a notes folder: the team's own bank questions first, then questions
 * generated from the notes (several kinds), each through the quality gates, near-duplicates dropped.
 * The same notes and seed always give the same questions in the same order.
 */
public final class QuestionGenerator {

    /** Two prompts sharing this much of their words ask the same thing. */
    private static final double NEAR_DUPLICATE = 0.8;

    private final Giveaways giveaways;
    private final QualityGates gates;

    /**
     * @param questions  bank questions first, then generated ones
     * @param problems   malformed bank entries and unreadable files, for a person to fix
     * @param rejections how many generated drafts each gate dropped, by reason
     */
    public record Result(List<Question> questions, List<String> problems, Map<String, Integer> rejections) {
    }

    public QuestionGenerator(Synonyms synonyms) {
        this.giveaways = new Giveaways(synonyms);
        this.gates = new QualityGates(giveaways);
    }

    public Result generate(Path notesFolder, long seed) {
        NotesReader.Result read = new NotesReader().read(notesFolder);
        List<String> problems = new ArrayList<>();
        read.warnings().forEach(warning -> problems.add(warning.toString()));
        List<NoteTopic> topics = new ArrayList<>();
        Map<String, Map<List<String>, List<Passage>>> passagesByTopic = new HashMap<>();
        for (NoteSource source : read.sources()) {
            if (!source.isQuestionBank()) {
                try {
                    List<NoteTopic> fileTopics = NoteParser.topics(source);
                    List<Passage> filePassages = NoteParser.parse(source);
                    topics.addAll(fileTopics);
                    passagesByTopic.put(source.file(), byHeadingPath(filePassages));
                } catch (RuntimeException e) {
                    // One file the parser chokes on must not cost the questions of every other file.
                    problems.add(source.file() + ": could not be parsed (" + e + "); no questions from it");
                }
            }
        }
        List<Draft> drafts = new ArrayList<>();
        drafts.addAll(IdentifyQuestions.from(topics, this::revealing));
        drafts.addAll(FactQuestions.from(topics));
        drafts.addAll(TermQuestions.from(topics));

        Map<String, Integer> rejections = new TreeMap<>();
        List<Question> questions = new ArrayList<>();
        QuestionBank.Result bank = QuestionBank.load(notesFolder);
        bank.problems().forEach(problem -> problems.add(problem.toString()));
        questions.addAll(bank.questions());
        SeenPrompts seenPrompts = new SeenPrompts(NEAR_DUPLICATE);
        for (Draft draft : drafts) {
            Draft explained = withExplanation(draft, passagesByTopic.getOrDefault(draft.file(), Map.of()));
            String rejection = gates.rejection(explained);
            if (rejection == null && seenPrompts.isNearDuplicate(explained.prompt())) {
                rejection = "near-duplicate of another question";
            }
            if (rejection != null) {
                rejections.merge(rejection.replaceAll("\\d+", "N"), 1, Integer::sum);
                continue;
            }
            questions.add(shuffled(explained, seed));
        }
        return new Result(questions, problems, rejections);
    }

    /** Whether a text names the topic: its title's words (not those of the headings above), stems, synonyms. */
    private Predicate<String> revealing(NoteTopic topic) {
        List<String> path = topic.headingPath();
        Set<String> terms = giveaways.of(path.get(path.size() - 1), String.join(" ", path.subList(0, path.size() - 1)));
        return text -> Giveaways.reveals(text, terms);
    }

    /** A file's passages by heading path, in file order, so a draft finds its topic's without a scan of the file. */
    private static Map<List<String>, List<Passage>> byHeadingPath(List<Passage> passages) {
        Map<List<String>, List<Passage>> byPath = new HashMap<>();
        for (Passage passage : passages) {
            byPath.computeIfAbsent(passage.headingPath(), path -> new ArrayList<>()).add(passage);
        }
        return byPath;
    }

    /** The explanation is the passage the question was made from: the last one of its topic starting at or before it. */
    private static Draft withExplanation(Draft draft, Map<List<String>, List<Passage>> passagesByHeadingPath) {
        List<Passage> ofTopic = passagesByHeadingPath.getOrDefault(draft.topic(), List.of());
        Passage source = null;
        for (int i = ofTopic.size() - 1; i >= 0 && source == null; i--) {
            if (ofTopic.get(i).line() <= draft.line()) {
                source = ofTopic.get(i);
            }
        }
        String explanation = source == null ? "" : source.text();
        return new Draft(draft.kind(), draft.topic(), draft.prompt(), draft.correct(), draft.distractors(),
                draft.file(), draft.line(), explanation, draft.mask());
    }

    /** The choices in an order fixed by the seed and the question, so the right one is not always first. */
    private static Question shuffled(Draft draft, long seed) {
        String id = Question.idOf(draft.kind(), draft.file(), draft.line(), draft.prompt(), draft.correct());
        List<String> choices = new ArrayList<>(draft.distractors());
        choices.add(draft.correct());
        Collections.sort(choices);
        Collections.shuffle(choices, new Random(seed * 1_000_003L + id.hashCode()));
        return new Question(id, draft.kind(), draft.topic(), draft.prompt(), choices, choices.indexOf(draft.correct()),
                draft.file(), draft.line(), draft.explanation());
    }
}
