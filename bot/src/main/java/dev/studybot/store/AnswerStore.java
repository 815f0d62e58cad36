package dev.studybot.store;

import java.util.function.Function;

/**
 * The rows an answer reads and writes, for the rules that decide what it is worth ({@code game.AnswerService}):
 * each answer runs in one write transaction, so it counts whole or not at all.
 */
public interface AnswerStore {

    /**
     * Runs {@code work} in one write transaction and commits what it wrote; an exception from it rolls all back.
     * The views it is given are valid only during the call.
     */
    <T> T inTransaction(Function<Transaction, T> work);

    /** One transaction's view of each aggregate an answer touches. */
    interface Transaction {

        PostedAnswers answers();

        ReviewBoxes reviews();
    }
}
