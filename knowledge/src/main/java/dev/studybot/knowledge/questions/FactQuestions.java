package dev.studybot.knowledge.questions;

import dev.studybot.knowledge.notes.NoteTopic;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * "Fill in the blank" on a number: a limit, default, port, duration or size stated in a bullet.
 * Wrong choices are values of the same unit found elsewhere in the notes, near the right one in
 * scale, or else round numbers near it.
 */
final class FactQuestions {

    static final String KIND = "fact";

    /** A bare number (no unit) is worth asking only where the sentence says what it limits. */
    private static final Pattern LIMIT_WORDS = Pattern.compile(
            "(?i)\\b(max|maximum|min|minimum|limit|limits|default|up to|at most|at least|port|retention|timeout"
                    + "|per|only|can have|capacity|iops|throughput|size|concurrency|retries|replicas|copies|regions|azs)\\b");
    /** An example's number is the example's, not a fact to learn. */
    private static final Pattern EXAMPLE = Pattern.compile(
            "(?i)^(example|for example|e\\.g|eg\\b|ex:|ex\\b|say\\b)|\\betc\\b|\\be\\.g\\.");
    private static final Pattern CODE_BEFORE = Pattern.compile("(?i)(code|http|status|error)\\W*$");
    private static final int MIN_STATEMENT = 20;
    private static final int MAX_STATEMENT = 220;
    /** Where wrong values are sought, as multiples of the right one, in order of preference. */
    private static final double[] SPREAD = {2, 0.5, 4, 0.25, 10, 0.1, 3, 1.5, 0.75};
    /** A value from the notes counts as near a mark within this factor of it. */
    private static final double NOTES_TOLERANCE = 1.3;
    private static final List<Double> ROUND = List.of(1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 7.0, 7.5, 8.0);
    private static final List<String> PERCENTS = List.of("50", "75", "90", "95", "99", "99.5", "99.9", "99.95", "99.99",
            "99.999", "99.9999", "99.999999999");

    private final List<Quantity> corpus;

    private FactQuestions(List<Quantity> corpus) {
        this.corpus = corpus;
    }

    static List<Draft> from(List<NoteTopic> topics) {
        List<Quantity> corpus = new ArrayList<>();
        for (NoteTopic topic : topics) {
            for (NoteTopic.Statement statement : topic.statements()) {
                if (isProse(statement)) {
                    corpus.addAll(Quantity.findAll(NoteText.plain(statement.text())));
                }
            }
        }
        FactQuestions facts = new FactQuestions(corpus);
        List<Draft> drafts = new ArrayList<>();
        for (NoteTopic topic : topics) {
            if (topic.headingPath().isEmpty()) {
                continue;
            }
            for (NoteTopic.Statement statement : topic.statements()) {
                if (isProse(statement)) {
                    facts.draft(topic, statement).ifPresent(drafts::add);
                }
            }
        }
        return drafts;
    }

    private static boolean isProse(NoteTopic.Statement statement) {
        return statement.kind() == NoteTopic.Kind.BULLET || statement.kind() == NoteTopic.Kind.PARAGRAPH;
    }

    private Optional<Draft> draft(NoteTopic topic, NoteTopic.Statement statement) {
        String text = NoteText.plain(statement.text());
        if (text.length() < MIN_STATEMENT || text.length() > MAX_STATEMENT || text.contains("://")) {
            return Optional.empty();
        }
        Quantity asked = pick(text);
        if (asked == null || EXAMPLE.matcher(text).find() || isCode(text, asked)) {
            return Optional.empty();
        }
        List<String> distractors = distractors(asked);
        if (distractors.size() < 3) {
            return Optional.empty();
        }
        String blanked = NoteText.trimEnd(text.substring(0, asked.start()) + "___" + text.substring(asked.end()));
        String context = contextOf(topic, statement);
        String prompt = "Fill in the blank (" + context + "): " + blanked;
        return Optional.of(new Draft(KIND, topic.headingPath(), prompt, asked.text(), distractors,
                topic.file(), statement.line(), "", List.of(asked.number())));
    }

    /** An HTTP status or error code is a name, not an amount: 403 is not "about 400". */
    private static boolean isCode(String text, Quantity asked) {
        String before = text.substring(Math.max(0, asked.start() - 16), asked.start());
        return CODE_BEFORE.matcher(before).find();
    }

    /** The heading, and for a nested bullet its parent's words when short, so the blank reads on its own. */
    static String contextOf(NoteTopic topic, NoteTopic.Statement statement) {
        List<String> path = topic.headingPath();
        String context = String.join(" › ", path.subList(Math.max(0, path.size() - 2), path.size()).stream()
                .map(NoteText::label).toList());
        if (statement.parent() != null) {
            String parent = NoteText.label(statement.parent());
            if (!parent.isEmpty() && parent.length() <= 60) {
                context += " › " + parent;
            }
        }
        return context;
    }

    /** The quantity to blank: the first with a unit, or a bare number where the sentence is about a limit. */
    private static Quantity pick(String text) {
        List<Quantity> all = Quantity.findAll(text);
        for (Quantity quantity : all) {
            if (!quantity.unit().isEmpty()) {
                return quantity;
            }
        }
        if (all.size() == 1 && LIMIT_WORDS.matcher(text).find()) {
            return all.get(0);
        }
        return null;
    }

    /**
     * Three wrong values spread around the right one (about half, double, a quarter, four times, ...):
     * a value of the same unit from the notes when one is near that mark, else a round number. Bare
     * numbers take only round numbers: the notes' bare numbers (ports, counts, codes) are unalike.
     */
    private List<String> distractors(Quantity answer) {
        BigDecimal value = answer.value();
        if (value.signum() <= 0) {
            return List.of();
        }
        List<BigDecimal> fromNotes = answer.unit().isEmpty() ? List.of() : corpus.stream()
                .filter(other -> other.sameKindAs(answer))
                .map(Quantity::value)
                .distinct()
                .sorted()
                .toList();
        if (answer.unit().equals("%")) {
            return percentages(answer);
        }
        List<BigDecimal> round = neighbours(answer);
        List<BigDecimal> chosen = new ArrayList<>();
        for (double factor : SPREAD) {
            if (chosen.size() == 3) {
                break;
            }
            double target = value.doubleValue() * factor;
            BigDecimal pick = closest(fromNotes, target, NOTES_TOLERANCE, value, chosen);
            if (pick == null) {
                pick = closest(round, target, Double.MAX_VALUE, value, chosen);
            }
            if (pick != null) {
                chosen.add(pick);
            }
        }
        return chosen.stream().map(answer::withValue).filter(text -> !text.equals(answer.text())).toList();
    }

    private static BigDecimal closest(List<BigDecimal> candidates, double target, double tolerance, BigDecimal answer,
                                      List<BigDecimal> chosen) {
        BigDecimal best = null;
        double bestDistance = Math.log(tolerance);
        for (BigDecimal candidate : candidates) {
            double distance = Math.abs(Math.log(candidate.doubleValue() / target));
            boolean apart = farEnough(candidate, answer) && chosen.stream().allMatch(c -> farEnough(candidate, c));
            if (apart && distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    /**
     * Percentages are told apart by their nines (99.9% against 99.99%), not by ratio: the usual
     * figures nearest in nines, never over 100%.
     */
    private static List<String> percentages(Quantity answer) {
        double missing = Math.max(1e-12, 100 - answer.value().doubleValue());
        return PERCENTS.stream()
                .map(BigDecimal::new)
                .filter(candidate -> candidate.compareTo(answer.value()) != 0)
                .sorted(Comparator.comparingDouble((BigDecimal c) ->
                        Math.abs(Math.log10(100 - c.doubleValue()) - Math.log10(missing))))
                .limit(3)
                .map(answer::withValue)
                .toList();
    }

    /** Round numbers around the value. */
    private static List<BigDecimal> neighbours(Quantity answer) {
        BigDecimal value = answer.value();
        List<BigDecimal> candidates = new ArrayList<>();
        int magnitude = (int) Math.floor(Math.log10(value.doubleValue()));
        int decimals = Math.max(0, value.stripTrailingZeros().scale());
        for (int power = magnitude - 2; power <= magnitude + 2; power++) {
            for (double round : ROUND) {
                BigDecimal candidate = BigDecimal.valueOf(round).scaleByPowerOfTen(power).stripTrailingZeros();
                if (candidate.scale() <= decimals && candidate.signum() > 0) {
                    candidates.add(candidate);
                }
            }
        }
        return candidates;
    }

    private static boolean farEnough(BigDecimal other, BigDecimal value) {
        BigDecimal ratio = other.divide(value, 6, RoundingMode.HALF_UP);
        return ratio.compareTo(new BigDecimal("0.9")) < 0 || ratio.compareTo(new BigDecimal("1.1")) > 0
                || value.scale() > 0 && other.compareTo(value) != 0 && value.compareTo(BigDecimal.valueOf(90)) > 0;
    }

    private static double distance(BigDecimal a, BigDecimal b) {
        return Math.abs(Math.log(a.doubleValue() / b.doubleValue()));
    }
}
