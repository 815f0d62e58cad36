package dev.studybot.knowledge.questions;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number with its unit as written in notes ("256KB", "15 minutes", "5432", "99.9%"), and the
 * plausible wrong values a question can offer beside it.
 *
 * @param start index of the quantity in the text it was found in
 * @param end   index just past it
 * @param text  exactly as written
 * @param unit  normalised unit ("minute", "kb", "%"), or the noun counted ("instance"), or "" for none
 */
record Quantity(int start, int end, String text, BigDecimal value, String number, String unit, String spacing,
                String unitText) {

    private static final Pattern QUANTITY = Pattern.compile(
            "(?<![\\p{L}\\p{N}.,/:#$-])(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)(\\s?)"
                    + "(%|[KMGTP]i?B\\b|[kmgtp]b\\b|bytes?\\b|ms\\b|milliseconds?\\b|secs?\\b|seconds?\\b|s\\b|mins?\\b"
                    + "|minutes?\\b|hrs?\\b|hours?\\b|h\\b|days?\\b|weeks?\\b|months?\\b|years?\\b|yrs?\\b"
                    + "|[a-zA-Z][a-zA-Z-]{2,}\\b)?(?![\\p{L}\\p{N}]|[.,]\\d)");

    /** The unit of a number written as an HTTP status ("200 status", "503 code"). */
    static final String STATUS = "status";

    private static final Map<String, String> UNITS = Map.ofEntries(
            Map.entry("ms", "millisecond"), Map.entry("millisecond", "millisecond"), Map.entry("milliseconds", "millisecond"),
            Map.entry("s", "second"), Map.entry("sec", "second"), Map.entry("secs", "second"),
            Map.entry("second", "second"), Map.entry("seconds", "second"),
            Map.entry("min", "minute"), Map.entry("mins", "minute"), Map.entry("minute", "minute"),
            Map.entry("minutes", "minute"), Map.entry("h", "hour"), Map.entry("hr", "hour"), Map.entry("hrs", "hour"),
            Map.entry("hour", "hour"), Map.entry("hours", "hour"), Map.entry("day", "day"), Map.entry("days", "day"),
            Map.entry("week", "week"), Map.entry("weeks", "week"), Map.entry("month", "month"),
            Map.entry("months", "month"), Map.entry("year", "year"), Map.entry("years", "year"),
            Map.entry("yr", "year"), Map.entry("yrs", "year"), Map.entry("byte", "b"), Map.entry("bytes", "b"),
            // "200 status", "503 code": an HTTP status, not two hundred "statu"s
            Map.entry("status", STATUS), Map.entry("code", STATUS), Map.entry("codes", STATUS));

    /** Words after a number that are not what it counts. */
    private static final List<String> NOT_COUNTED = List.of("and", "or", "to", "of", "in", "per", "for", "the", "a",
            "an", "is", "are", "at", "by", "from", "with", "on", "as", "if", "than", "then", "but", "so", "max", "min",
            "default", "times", "more", "less", "up", "only", "not", "can", "will", "be", "was");

    private static final List<String> VERBS = List.of("shows", "means", "allows", "makes", "takes", "gives",
            "returns", "goes", "runs", "needs", "uses", "does", "has", "was", "is", "gets", "sets", "lets", "keeps",
            "becomes", "requires", "supports", "provides", "includes", "creates", "sends", "stores", "costs");

    /** A determiner right after the word following a number makes that word a verb taking an object. */
    private static final Pattern OBJECT_AFTER = Pattern.compile("\\s+(the|a|an|its|their|this|that|each|every)\\b");

    /** Texts scanned before, bounded so that the edited notes of a long-running bot do not pile up. */
    private static final Map<String, List<Quantity>> FOUND_BY_TEXT = new ConcurrentHashMap<>();
    private static final int MAX_REMEMBERED = 200_000;

    /**
     * Every quantity in the text, left to right; years and version-like numbers left out. Remembered per text:
     * a statement is scanned for the corpus of wrong values, for its own blank and by the gates, always the same.
     */
    static List<Quantity> findAll(String text) {
        if (FOUND_BY_TEXT.size() > MAX_REMEMBERED) {
            FOUND_BY_TEXT.clear();
        }
        return FOUND_BY_TEXT.computeIfAbsent(text, Quantity::scan);
    }

    private static List<Quantity> scan(String text) {
        List<Quantity> found = new ArrayList<>();
        Matcher m = QUANTITY.matcher(text);
        while (m.find()) {
            String number = m.group(1);
            String unitText = m.group(3) == null ? "" : m.group(3);
            String unit = normalise(unitText);
            if (unit != null && isCountedNoun(unitText) && m.group(2).isEmpty()) {
                unit = null; // "5reads" is a typo or a name, not five reads
            }
            if (unit != null && isCountedNoun(unitText) && OBJECT_AFTER.matcher(text).region(m.end(), text.length()).lookingAt()) {
                unit = null; // "1 overwrites the other": a verb with its object, not one "overwrite"
            }
            if ("s".equals(unitText) && (text.substring(m.end()).matches("(?s)\\s+\\p{L}.*")
                    || number.matches("10+") && number.length() >= 3)) {
                unit = null; // "10s of GB/s", "100s EC2", "up to 1000s": tens, hundreds, thousands, not seconds
            }
            if (unit == null) {
                unitText = "";
                unit = "";
            }
            BigDecimal value = new BigDecimal(number.replace(",", ""));
            if (unit.isEmpty() && value.scale() == 0 && value.intValue() >= 1990 && value.intValue() <= 2039) {
                continue; // a year, not a quantity
            }
            String spacing = unitText.isEmpty() ? "" : m.group(2);
            int end = m.start() + number.length() + spacing.length() + unitText.length();
            found.add(new Quantity(m.start(), end, text.substring(m.start(), end), value, number, unit, spacing,
                    unitText));
        }
        return List.copyOf(found);
    }

    private static String normalise(String unitText) {
        if (unitText.isEmpty()) {
            return "";
        }
        if (unitText.equals("%")) {
            return "%";
        }
        String lower = unitText.toLowerCase(Locale.ROOT);
        if (lower.matches("[kmgtp]i?b")) {
            return lower.replace("i", "");
        }
        if (UNITS.containsKey(lower)) {
            return UNITS.get(lower);
        }
        // Only a plural noun is what a number counts ("7 instances"); "10 managed", "200 shows" and
        // names ("5 Elastic IP") are not units.
        if (NOT_COUNTED.contains(lower) || !unitText.equals(lower) || !lower.endsWith("s") || lower.length() <= 3
                || lower.endsWith("ss") || VERBS.contains(lower)) {
            return null;
        }
        return lower.substring(0, lower.length() - 1);
    }

    private static boolean isCountedNoun(String unitText) {
        String lower = unitText.toLowerCase(Locale.ROOT);
        return !unitText.equals("%") && !lower.matches("[kmgtp]i?b|bytes?") && !UNITS.containsKey(lower);
    }

    /** The same unit written the same way around another number: "2 hours" gives "1 hour", "4 hours". */
    String withValue(BigDecimal other) {
        String formatted = other.stripTrailingZeros().toPlainString();
        if (number.contains(",") && other.compareTo(BigDecimal.valueOf(1000)) >= 0 && other.scale() <= 0) {
            formatted = String.format(Locale.ROOT, "%,d", other.longValue());
        }
        return formatted + spacing + inflected(other.compareTo(BigDecimal.ONE) == 0);
    }

    /** The unit as a word in the singular or plural; symbols ("ms", "KB", "%") stay as they are. */
    private String inflected(boolean singular) {
        boolean word = unitText.length() > 2 && unitText.chars().allMatch(Character::isLetter)
                && !unitText.matches("(?i)[kmgtp]i?b|secs?|mins?|hrs?|yrs?");
        if (!word) {
            return unitText;
        }
        boolean plural = unitText.endsWith("s") && !unitText.endsWith("ss");
        if (!plural && value.compareTo(BigDecimal.ONE) != 0) {
            return unitText; // the notes write "12 hour": every choice keeps that form, or the odd one is the answer
        }
        if (singular && plural) {
            return unitText.substring(0, unitText.length() - 1);
        }
        return !singular && !plural ? unitText + "s" : unitText;
    }

    boolean sameKindAs(Quantity other) {
        return unit.equals(other.unit);
    }
}
