package dev.studybot.itemanalysis;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * When a question leaves the pool on its own: reported by enough members, or with a negative discrimination once
 * enough answers back it (fewer answers make the correlation mostly noise).
 *
 * @param reports                 distinct members' reports that retire a question
 * @param answersForDiscrimination answers from members with other answers before discrimination counts
 */
public record RetirementRules(int reports, int answersForDiscrimination) {

    public static final RetirementRules DEFAULTS = new RetirementRules(2, 10);

    public RetirementRules {
        if (reports < 1 || answersForDiscrimination < 2) {
            throw new IllegalArgumentException("reports must be at least 1 and answers at least 2");
        }
    }

    /** Why the question should be retired, or empty while it may stay. */
    public Optional<String> why(List<ReportReason> reasons, ItemAnalysis analysis) {
        if (reasons.size() >= reports) {
            return Optional.of("reported by " + reasons.size() + " members ("
                    + reasons.stream().map(ReportReason::phrase).distinct().collect(Collectors.joining(", ")) + ")");
        }
        if (analysis.discriminating() >= answersForDiscrimination && analysis.discrimination().isPresent()
                && analysis.discrimination().getAsDouble() < 0) {
            return Optional.of(String.format(Locale.ROOT,
                    "negative discrimination (%.2f over %d answers): members who do well overall get it wrong more often",
                    analysis.discrimination().getAsDouble(), analysis.discriminating()));
        }
        return Optional.empty();
    }
}
