package dev.studybot.game;

import dev.studybot.domain.Mode;
import java.time.Duration;
import java.time.Instant;

/**
 * The spaced-review schedule, Leitner boxes 1 to 5.
 *
 * <ul>
 *   <li>A wrong answer, in any mode, puts the question in box 1, due at once (again, if it was already
 *       scheduled).</li>
 *   <li>A correct {@link Mode#REVIEW} answer moves it up one box: box 2 is due 1 day later, box 3 after
 *       3 days, box 4 after 7, box 5 after 14. A correct review answer in box 5 takes it off the
 *       schedule.</li>
 *   <li>A correct daily or practice answer leaves the schedule as it is.</li>
 * </ul>
 */
public final class Leitner {

    public static final int FIRST_BOX = 1;
    public static final int LAST_BOX = 5;
    /** Days until due after moving into box 2, 3, 4 and 5. */
    private static final int[] DAYS = {0, 0, 1, 3, 7, 14};

    private Leitner() {
    }

    /** What to do with a member's schedule entry for a question after an answer. */
    public sealed interface Step {
        /** Leave the schedule as it is. */
        record Keep() implements Step {
        }

        /** Put (or keep) the question in {@code box}, due at {@code dueAt}. */
        record Schedule(int box, Instant dueAt) implements Step {
        }

        /** Take the question off the schedule: learnt. */
        record Remove() implements Step {
        }
    }

    /** How long after a promotion into {@code box} (2..5) the question is due. */
    public static Duration interval(int box) {
        if (box < 2 || box > LAST_BOX) {
            throw new IllegalArgumentException("box " + box + " has no interval");
        }
        return Duration.ofDays(DAYS[box]);
    }

    /**
     * @param currentBox the question's box for this member now, or null when it is not scheduled
     */
    public static Step after(Mode mode, boolean correct, Integer currentBox, Instant at) {
        if (!correct) {
            return new Step.Schedule(FIRST_BOX, at);
        }
        if (mode != Mode.REVIEW || currentBox == null) {
            return new Step.Keep();
        }
        int next = currentBox + 1;
        if (next > LAST_BOX) {
            return new Step.Remove();
        }
        return new Step.Schedule(next, at.plus(interval(Math.max(2, next))));
    }
}
