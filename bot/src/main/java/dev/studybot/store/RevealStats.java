package dev.studybot.store;

import java.time.Instant;

/**
 * How a question of the day went, for its reveal.
 *
 * @param firstRight display name of the first member to answer right, or null when nobody did
 */
public record RevealStats(int answered, int correct, String firstRight, Instant firstRightAt) {
}
