package dev.studybot.itemanalysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How one question has fared with the members who answered it, as test writers judge an item: how often it is
 * answered right, which wrong choices draw people, and its discrimination: whether getting it right goes with
 * doing well overall. A negative discrimination means the stronger members get it wrong more often than the
 * weaker ones, the mark of a question whose key is wrong or whose wording misleads.
 *
 * @param picks          how many answers chose each choice, in the question's order
 * @param discrimination the point-biserial correlation between answering this question right and the member's
 *                       accuracy on every other question; empty while no answer comes from a member with other
 *                       answers, or when either side does not vary
 * @param discriminating how many answers the discrimination is computed over
 */
public record ItemAnalysis(String correctChoice, int answered, int right, Map<String, Integer> picks,
                           OptionalDouble discrimination, int discriminating) {

    public ItemAnalysis {
        picks = Map.copyOf(picks);
    }

    /**
     * One answer to the question.
     *
     * @param otherAnswered how many answers the same member gave to other questions
     * @param otherRight    how many of those were right
     */
    public record Response(String chosen, boolean right, int otherAnswered, int otherRight) {
    }

    public static ItemAnalysis of(String correctChoice, List<String> choices, List<Response> responses) {
        Map<String, Integer> picks = new LinkedHashMap<>();
        choices.forEach(choice -> picks.put(choice, 0));
        int right = 0;
        for (Response response : responses) {
            picks.merge(response.chosen(), 1, Integer::sum);
            right += response.right() ? 1 : 0;
        }
        List<Response> withOthers = responses.stream().filter(r -> r.otherAnswered() > 0).toList();
        return new ItemAnalysis(correctChoice, responses.size(), right, picks, pointBiserial(withOthers),
                withOthers.size());
    }

    /** Pearson's correlation of right (1 or 0) with the member's accuracy elsewhere. */
    private static OptionalDouble pointBiserial(List<Response> responses) {
        int n = responses.size();
        if (n < 2) {
            return OptionalDouble.empty();
        }
        double meanX = 0;
        double meanY = 0;
        for (Response r : responses) {
            meanX += r.right() ? 1 : 0;
            meanY += accuracyElsewhere(r);
        }
        meanX /= n;
        meanY /= n;
        double covariance = 0;
        double varianceX = 0;
        double varianceY = 0;
        for (Response r : responses) {
            double dx = (r.right() ? 1 : 0) - meanX;
            double dy = accuracyElsewhere(r) - meanY;
            covariance += dx * dy;
            varianceX += dx * dx;
            varianceY += dy * dy;
        }
        if (varianceX == 0 || varianceY == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(covariance / Math.sqrt(varianceX * varianceY));
    }

    private static double accuracyElsewhere(Response response) {
        return (double) response.otherRight() / response.otherAnswered();
    }

    public double shareRight() {
        return answered == 0 ? 0 : (double) right / answered;
    }

    /** The wrong choice picked most, if any wrong choice was picked at all. */
    public Optional<Map.Entry<String, Integer>> mostPickedWrong() {
        return picks.entrySet().stream()
                .filter(pick -> !pick.getKey().equals(correctChoice) && pick.getValue() > 0)
                .max(Map.Entry.comparingByValue());
    }
}
