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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Makes the question pool of a notes folder: the team's own bank questions first, then questions
 * generated from the notes (several kinds), each through the quality gates, the consistency check and
 * the near-duplicate check, then scored; those scoring below the threshold are kept apart.
 * The same notes and seed always give the same questions in the same order.
 */
public final class QuestionGenerator {

    /** Two prompts sharing this much of their words ask the same thing. */
    private static final double NEAR_DUPLICATE = 0.8;
    /** What one doubt costs a question's score. */
    private static final double DOUBT_COST = 0.25;
    /** Served by default: at most one doubt. */
    public static final double DEFAULT_MIN_SCORE = 0.75;

    private final Giveaways giveaways;
    private final QualityGates gates;
    private final ServiceCatalogue catalogue;
    private final TermSimilarity similarity;
    private final double minScore;
    /**
     * What the last run made of each notes file, so that a reload redoes only what changed: parsing per file
     * text, planning questions per file when its topics (resolved against all the notes) are unchanged; only
     * what draws on all the notes (wrong choices, which terms are everyday words) is done again every run.
     */
    private Map<NoteSource, Parsed> parsedBefore = Map.of();
    private Map<NoteSource, TreeMap<Integer, Passage>> passagesBefore = Map.of();
    private Map<String, FileDrafts> draftsBefore = Map.of();

    /**
     * @param questions      the pool served: bank questions first, then generated ones scoring at least the threshold
     * @param belowThreshold generated questions that passed every gate but score below the threshold
     * @param problems       malformed bank entries and unreadable files, for a person to fix
     * @param rejections     how many generated drafts each gate dropped, by reason
     * @param dropped        each dropped draft with its reason, for {@code questions --explain}
     * @param filesDrafted   notes files whose drafts were made anew; the others' were kept from the previous run of
     *                       this generator (their topics were unchanged), and only their wrong choices chosen again
     */
    public record Result(List<Question> questions, List<Question> belowThreshold, List<String> problems,
                         Map<String, Integer> rejections, List<Dropped> dropped, int filesDrafted) {
    }

    /** A draft that is not a question, and why. */
    public record Dropped(String kind, String file, int line, String prompt, String reason) {
    }

    public QuestionGenerator(Synonyms synonyms) {
        this(synonyms, ServiceCatalogue.bundled(), new LexicalSimilarity(), DEFAULT_MIN_SCORE);
    }

    /**
     * @param similarity ranks wrong choices by meaning (lexical, or an embedding model)
     * @param minScore   the score a generated question needs to be served
     */
    public QuestionGenerator(Synonyms synonyms, ServiceCatalogue catalogue, TermSimilarity similarity, double minScore) {
        this.giveaways = new Giveaways(synonyms, catalogue);
        this.gates = new QualityGates(giveaways);
        this.catalogue = catalogue;
        this.similarity = similarity;
        this.minScore = minScore;
    }

    /** The pool of a notes folder; one run at a time, as each run starts from what the last one made. */
    public synchronized Result generate(Path notesFolder, long seed) {
        NotesReader.Result read = new NotesReader().read(notesFolder);
        List<String> problems = new ArrayList<>();
        read.warnings().forEach(warning -> problems.add(warning.toString()));
        List<NoteTopic> notes = new ArrayList<>();
        Map<String, NoteSource> sources = new HashMap<>();
        Map<NoteSource, Parsed> before = parsedBefore;
        List<Parsed> parsed = read.sources().parallelStream().filter(source -> !source.isQuestionBank())
                .map(source -> before.containsKey(source) ? before.get(source) : parse(source)).toList();
        Map<NoteSource, Parsed> parsedNow = new HashMap<>();
        for (Parsed file : parsed) {
            parsedNow.put(file.source(), file);
            if (file.problem() == null) {
                notes.addAll(file.topics());
                sources.put(file.source().file(), file.source());
            } else {
                problems.add(file.problem());
            }
        }
        parsedBefore = parsedNow;
        EverydayWords everyday = new EverydayWords(notes);
        List<Topic> topics = new TopicResolver(catalogue, everyday).resolve(notes);
        IdentifyQuestions identify = new IdentifyQuestions(catalogue, similarity, this::revealing).over(topics);
        FactQuestions facts = FactQuestions.over(topics, catalogue);
        TermQuestions terms = new TermQuestions(similarity, everyday, catalogue);
        Map<String, List<Topic>> topicsByFile = new LinkedHashMap<>();
        topics.forEach(topic -> topicsByFile.computeIfAbsent(topic.file(), file -> new ArrayList<>()).add(topic));
        Map<String, FileDrafts> kept = draftsBefore;
        List<FileDrafts> byFile = List.copyOf(topicsByFile.entrySet()).parallelStream().map(entry -> {
            FileDrafts earlier = kept.get(entry.getKey());
            return earlier != null && earlier.topics().equals(entry.getValue()) ? earlier
                    : new FileDrafts(entry.getValue(), identify.plans(entry.getValue()), facts.plans(entry.getValue()),
                    terms.plans(entry.getValue()));
        }).toList();
        int filesDrafted = (int) byFile.stream().filter(file -> kept.get(file.file()) != file).count();
        draftsBefore = new HashMap<>();
        byFile.forEach(file -> draftsBefore.put(file.file(), file));
        // The cheap global step: wrong choices from all the notes. In the order of one run over all the notes, as
        // the consistency and near-duplicate checks keep the first.
        List<Draft> drafts = new ArrayList<>();
        drafts.addAll(byFile.parallelStream().flatMap(file -> file.identify().stream())
                .flatMap(plan -> identify.draft(plan).stream()).toList());
        drafts.addAll(byFile.parallelStream().flatMap(file -> file.facts().stream())
                .flatMap(plan -> facts.draft(plan).stream()).toList());
        drafts.addAll(byFile.parallelStream().flatMap(file -> file.terms().stream())
                .flatMap(plan -> terms.drafts(plan).stream()).toList());

        Map<String, Integer> rejections = new TreeMap<>();
        List<Dropped> dropped = new ArrayList<>();
        List<Draft> passed = new ArrayList<>();
        for (Draft draft : drafts) {
            String rejection = gates.shapeRejection(draft);
            if (rejection == null) {
                passed.add(draft);
            } else {
                drop(draft, rejection, rejections, dropped);
            }
        }
        Map<Draft, String> inconsistent = FactConsistency.check(passed, catalogue);
        // The notes' words and the answer, not the heading context: the same bullet under two headings asks one thing.
        Map<Draft, String> keys = new HashMap<>();
        Map<String, Integer> frequency = new HashMap<>();
        for (Draft draft : passed) {
            String key = QualityGates.askedPart(draft) + " " + draft.correct();
            keys.put(draft, key);
            SeenPrompts.words(key).forEach(word -> frequency.merge(word, 1, Integer::sum));
        }
        SeenPrompts seenPrompts = new SeenPrompts(NEAR_DUPLICATE, frequency);
        // Passages are made only for files that still have questions: most drafts are gone by now.
        Map<NoteSource, TreeMap<Integer, Passage>> passagesByLine = new HashMap<>();
        List<Question> questions = new ArrayList<>();
        List<Question> below = new ArrayList<>();
        QuestionBank.Result bank = QuestionBank.from(read);
        bank.problems().forEach(problem -> problems.add(problem.toString()));
        questions.addAll(bank.questions());
        for (Draft draft : passed) {
            String rejection = inconsistent.get(draft);
            if (rejection == null && seenPrompts.isNearDuplicate(keys.get(draft))) {
                rejection = "near-duplicate of another question";
            }
            Draft explained = draft;
            if (rejection == null) {
                explained = draft.withExplanation(explanation(draft, passagesByLine.computeIfAbsent(
                        sources.get(draft.file()), source -> passagesBefore.containsKey(source)
                                ? passagesBefore.get(source) : byLine(NoteParser.parse(source)))));
                rejection = gates.sourceRejection(explained);
            }
            if (rejection != null) {
                drop(explained, rejection, rejections, dropped);
                continue;
            }
            Question question = shuffled(explained, seed, Math.max(0, 1 - DOUBT_COST * draft.doubts().size()));
            if (question.score() >= minScore) {
                questions.add(question);
            } else {
                below.add(question);
                drop(draft, "score below " + minScore + ": " + String.join("; ", draft.doubts()), rejections, dropped);
            }
        }
        passagesBefore = passagesByLine;
        return new Result(questions, below, problems, rejections, dropped, filesDrafted);
    }

    /** One file's topics as resolved against all the notes, and the questions planned from them alone. */
    private record FileDrafts(List<Topic> topics, List<IdentifyQuestions.Plan> identify, List<FactQuestions.Plan> facts,
                              List<TermQuestions.Plan> terms) {

        String file() {
            return topics.get(0).file();
        }
    }

    /** One file's topics, or why it has none. */
    private record Parsed(NoteSource source, List<NoteTopic> topics, String problem) {
    }

    private static Parsed parse(NoteSource source) {
        try {
            return new Parsed(source, NoteParser.topics(source), null);
        } catch (RuntimeException e) {
            // One file the parser chokes on must not cost the questions of every other file.
            return new Parsed(source, List.of(), source.file() + ": could not be parsed (" + e + "); no questions from it");
        }
    }

    private static void drop(Draft draft, String reason, Map<String, Integer> rejections, List<Dropped> dropped) {
        rejections.merge(reason.replaceAll("\\d+(\\.\\d+)?", "N"), 1, Integer::sum);
        dropped.add(new Dropped(draft.kind(), draft.file(), draft.line(), draft.prompt(), reason));
    }

    /** Whether a text names the topic: its title's words (not those of the headings above), stems, synonyms, aliases. */
    private Predicate<String> revealing(Topic topic) {
        Set<String> terms = giveaways.of(topic.title(), String.join(" ", topic.parent()));
        return text -> Giveaways.reveals(text, terms) || Giveaways.acronymOf(topic.title(), text);
    }

    private static TreeMap<Integer, Passage> byLine(List<Passage> passages) {
        TreeMap<Integer, Passage> byLine = new TreeMap<>();
        passages.forEach(passage -> byLine.putIfAbsent(passage.line(), passage));
        return byLine;
    }

    /** The explanation is the passage the question was made from: the last one of its file starting at or before it. */
    private static String explanation(Draft draft, TreeMap<Integer, Passage> passagesByLine) {
        Map.Entry<Integer, Passage> source = passagesByLine.floorEntry(draft.line());
        return source == null ? "" : source.getValue().text();
    }

    /** The choices in an order fixed by the seed and the question, so the right one is not always first. */
    private static Question shuffled(Draft draft, long seed, double score) {
        String id = Question.idOf(draft.kind(), draft.file(), draft.line(), draft.prompt(), draft.correct());
        List<String> choices = new ArrayList<>(draft.distractors());
        choices.add(draft.correct());
        Collections.sort(choices);
        Collections.shuffle(choices, new Random(seed * 1_000_003L + id.hashCode()));
        return new Question(id, draft.kind(), draft.topic(), draft.prompt(), choices, choices.indexOf(draft.correct()),
                draft.file(), draft.line(), draft.explanation(), score);
    }
}
