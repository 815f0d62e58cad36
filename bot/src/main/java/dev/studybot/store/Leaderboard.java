package dev.studybot.store;

import dev.studybot.domain.Period;
import dev.studybot.domain.Scope;
import java.util.List;

/**
 * A ranking by points. Equal points share a rank and the next rank skips ("1, 2, 2, 4").
 *
 * @param top     the best rows, at most the number asked for
 * @param caller  the caller's own row when it is not among {@code top} (null when it is, or when the
 *                caller has no points in the period)
 * @param players how many members have an entry in the period
 */
public record Leaderboard(Scope scope, Period period, List<Row> top, Row caller, int players) {

    /** One member's line: daily and practice points are kept apart, the rank uses their sum. */
    public record Row(int rank, String userId, String displayName, int points, int dailyPoints, int practicePoints,
                      int answered, int correct) {
    }

    public Leaderboard {
        top = List.copyOf(top);
    }
}
