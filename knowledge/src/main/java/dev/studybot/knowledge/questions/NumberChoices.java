package dev.studybot.knowledge.questions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Wrong values for a number, inside the domain of what it measures: an OSI layer is 1 to 7, an HTTP status
 * (after "status" or "code", or written "200 status") a real one of its family, a port a well-known one, a percentage at most 100 (told apart by its nines when high), a power
 * of two among powers of two; anything else the same unit spread around the right value, taken from the
 * notes when one is near, else a round number.
 */
final class NumberChoices {

    private static final Pattern LAYER_BEFORE = Pattern.compile("(?i)\\b(layer|osi)\\s*$");
    /** The OSI layers by number, 1 to 7: the domain of a layer, and the names that give a layer's number away. */
    static final List<String> OSI_LAYER_NAMES = List.of("physical", "data link", "network", "transport", "session",
            "presentation", "application");
    private static final Pattern STATUS_BEFORE = Pattern.compile("(?i)\\b(code|http|status|error|returns?)\\W*$");
    /** A sentence about HTTP answers ("retry for 5xx errors and ___") makes any status-like number a status. */
    private static final Pattern ABOUT_STATUSES = Pattern.compile("(?i)\\b([1-5]xx|http|status codes?)\\b");
    private static final Pattern PORT_BEFORE = Pattern.compile("(?i)\\bports?\\s*(number\\s*)?$");
    private static final List<Integer> HTTP_STATUSES = List.of(200, 201, 202, 204, 301, 302, 304, 400, 401, 403, 404,
            405, 409, 429, 500, 502, 503, 504);
    private static final List<Integer> WELL_KNOWN_PORTS = List.of(20, 21, 22, 23, 25, 53, 80, 110, 123, 143, 389, 443,
            445, 465, 587, 636, 993, 1433, 1521, 2049, 3306, 3389, 5432, 5439, 6379, 8080, 8443, 9092, 11211, 27017);
    /** Where wrong values are sought, as multiples of the right one, in order of preference. */
    private static final double[] SPREAD = {2, 0.5, 4, 0.25, 10, 0.1, 3, 1.5, 0.75};
    /** A value from the notes counts as near a mark within this factor of it. */
    private static final double NOTES_TOLERANCE = 1.3;
    private static final List<Double> ROUND = List.of(1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 7.0, 7.5, 8.0);
    private static final List<String> NINES = List.of("90", "95", "99", "99.5", "99.9", "99.95", "99.99", "99.999",
            "99.9999", "99.99999999", "99.999999999");
    private static final List<Integer> ROUND_PERCENTS = List.of(1, 2, 5, 10, 15, 20, 25, 30, 40, 50, 60, 70, 75, 80, 90);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Times the wrong values are sought again when some of them read back as something else; three do it. */
    private static final int MAX_ROUNDS = 3;
    private static final Pattern NINES_CONTEXT = Pattern.compile("(?i)availab|durab|uptime|\\bsla\\b|nines");

    /** The notes' values of each unit, sorted: looked up by unit, never scanned. */
    private final Map<String, List<BigDecimal>> valuesByUnit = new HashMap<>();

    NumberChoices(Collection<Quantity> corpus) {
        Map<String, TreeSet<BigDecimal>> sorted = new HashMap<>();
        for (Quantity quantity : corpus) {
            if (!quantity.unit().isEmpty() && quantity.value().signum() > 0) {
                sorted.computeIfAbsent(quantity.unit(), unit -> new TreeSet<>()).add(quantity.value().stripTrailingZeros());
            }
        }
        sorted.forEach((unit, values) -> valuesByUnit.put(unit, List.copyOf(values)));
    }


    /** Three wrong values written like the answer, or fewer when its domain has no room for three. */
    List<String> wrong(Quantity answer, String text) {
        BigDecimal value = answer.value();
        if (value.signum() <= 0) {
            return List.of();
        }
        // A value the sentence itself states ("10, 30 or ___") would be a second right answer or a giveaway.
        Set<BigDecimal> excluded = new HashSet<>();
        Quantity.findAll(text).forEach(q -> excluded.add(q.value().stripTrailingZeros()));
        List<BigDecimal> chosen = candidates(answer, text, excluded);
        for (int round = 1; round < MAX_ROUNDS; round++) {
            // "100s" reads as hundreds, "2000" as a year, "1 operation" as another word than "2 operations":
            // such a value is no choice of the answer's type, so the next one in line takes its place.
            List<BigDecimal> misread = chosen.stream().filter(v -> !readsAsItsUnit(answer.withValue(v), answer)).toList();
            if (misread.isEmpty()) {
                break;
            }
            excluded.addAll(misread);
            chosen = candidates(answer, text, excluded);
        }
        return chosen.stream().map(answer::withValue).filter(choice -> !choice.equals(answer.text()))
                .filter(choice -> readsAsItsUnit(choice, answer)).distinct().toList();
    }

    /** Whether the number after {@code before} ("... layer", "OSI") is an OSI layer. */
    static boolean isLayer(String before) {
        return LAYER_BEFORE.matcher(before).find();
    }

    private List<BigDecimal> candidates(Quantity answer, String text, Set<BigDecimal> excluded) {
        BigDecimal value = answer.value();
        String before = text.substring(0, answer.start());
        if (isLayer(before)) { // "layer 4 attacks" counts attacks by layer: still a layer, 1 to 7
            return nearestIn(IntStream.rangeClosed(1, OSI_LAYER_NAMES.size()).boxed().toList(), value, excluded);
        } else if (answer.unit().equals(Quantity.STATUS)
                || answer.unit().isEmpty() && (STATUS_BEFORE.matcher(before).find() || ABOUT_STATUSES.matcher(text).find()
                && value.compareTo(BigDecimal.valueOf(100)) >= 0 && value.compareTo(BigDecimal.valueOf(599)) <= 0)) {
            return HTTP_STATUSES.contains(value.intValue()) ? sameClassFirst(value, excluded) : List.of();
        } else if (answer.unit().isEmpty() && PORT_BEFORE.matcher(before).find()) {
            return nearestIn(WELL_KNOWN_PORTS, value, excluded);
        } else if (answer.unit().equals("%")) {
            return percentages(value, NINES_CONTEXT.matcher(text).find() || value.compareTo(BigDecimal.valueOf(99)) >= 0, excluded);
        } else if (isPowerOfTwo(value)) {
            return nearestIn(IntStream.range(1, 31).mapToObj(p -> 1 << p).toList(), value, excluded);
        }
        return spread(value, valuesByUnit.getOrDefault(answer.unit(), List.of()), excluded);
    }

    /** Whether a choice as written reads back as one quantity of the answer's unit, as the quality gates read it. */
    private static boolean readsAsItsUnit(String choice, Quantity answer) {
        List<Quantity> read = Quantity.findAll(choice);
        return read.size() == 1 && read.get(0).text().equals(choice.strip()) && read.get(0).unit().equals(answer.unit());
    }

    private static boolean isPowerOfTwo(BigDecimal value) {
        return value.stripTrailingZeros().scale() <= 0 && value.compareTo(BigDecimal.valueOf(8)) >= 0
                && value.compareTo(BigDecimal.valueOf(1L << 30)) <= 0 && Long.bitCount(value.longValue()) == 1;
    }

    /** The three values of a domain nearest the answer (by ratio), the answer left out. */
    private static List<BigDecimal> nearestIn(List<Integer> domain, BigDecimal value, Set<BigDecimal> excluded) {
        return domain.stream().map(BigDecimal::valueOf)
                .filter(candidate -> candidate.compareTo(value) != 0 && !excluded.contains(candidate.stripTrailingZeros()))
                .sorted(Comparator.comparingDouble(candidate -> distance(candidate, value)))
                .limit(3)
                .toList();
    }

    /**
     * Real statuses of the same class first (403 with 401, 404, 400), then the nearest others of its family: a
     * success or redirect (2xx, 3xx) among those, an error (4xx, 5xx) among errors.
     */
    private static List<BigDecimal> sameClassFirst(BigDecimal value, Set<BigDecimal> excluded) {
        int status = value.intValue();
        return HTTP_STATUSES.stream()
                .filter(other -> other != status && other >= 400 == status >= 400
                        && !excluded.contains(BigDecimal.valueOf(other).stripTrailingZeros()))
                .sorted(Comparator.comparingInt((Integer other) -> other / 100 == status / 100 ? 0 : 1)
                        .thenComparingInt(other -> Math.abs(other - status)))
                .limit(3).map(BigDecimal::valueOf).toList();
    }

    /**
     * Availability and durability differ by their nines (99.9% against 99.99%), other shares by round
     * steps; never 100% or more.
     */
    private static List<BigDecimal> percentages(BigDecimal value, boolean nines, Set<BigDecimal> excluded) {
        if (value.compareTo(HUNDRED) >= 0) {
            return List.of(); // "until 100%" is all of it, not a figure to learn
        }
        if (nines && value.compareTo(BigDecimal.valueOf(90)) >= 0) {
            double missing = Math.max(1e-12, 100 - value.doubleValue());
            return NINES.stream().map(BigDecimal::new)
                    .filter(candidate -> candidate.compareTo(value) != 0 && !excluded.contains(candidate.stripTrailingZeros()))
                    .sorted(Comparator.comparingDouble((BigDecimal c) ->
                            Math.abs(Math.log10(100 - c.doubleValue()) - Math.log10(missing))))
                    .limit(3).toList();
        }
        return nearestIn(ROUND_PERCENTS, value, excluded);
    }

    private static List<BigDecimal> spread(BigDecimal value, List<BigDecimal> fromNotes, Set<BigDecimal> excluded) {
        List<BigDecimal> round = roundAround(value);
        List<BigDecimal> chosen = new ArrayList<>();
        for (double factor : SPREAD) {
            if (chosen.size() == 3) {
                break;
            }
            double target = value.doubleValue() * factor;
            BigDecimal pick = closest(fromNotes, target, NOTES_TOLERANCE, value, chosen, excluded);
            if (pick == null) {
                pick = closest(round, target, Double.MAX_VALUE, value, chosen, excluded);
            }
            if (pick != null) {
                chosen.add(pick);
            }
        }
        return chosen;
    }

    /** The candidate nearest the target within the tolerance, apart from the answer and from those chosen. */
    private static BigDecimal closest(List<BigDecimal> candidates, double target, double tolerance, BigDecimal answer,
                                      List<BigDecimal> chosen, Set<BigDecimal> excluded) {
        BigDecimal best = null;
        double bestDistance = Math.log(tolerance);
        for (BigDecimal candidate : candidates) {
            if (excluded.contains(candidate.stripTrailingZeros())) {
                continue;
            }
            double distance = Math.abs(Math.log(candidate.doubleValue() / target));
            boolean apart = farEnough(candidate, answer) && chosen.stream().allMatch(c -> farEnough(candidate, c));
            if (apart && distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** Round numbers around the value, with no more decimals than it has. */
    private static List<BigDecimal> roundAround(BigDecimal value) {
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
