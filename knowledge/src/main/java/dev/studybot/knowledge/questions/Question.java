package dev.studybot.knowledge.questions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A multiple-choice question made from the notes (or written by the team in a question bank).
 *
 * @param id          stable for the same notes: derived from the kind, source and correct answer
 * @param kind        how it was made: {@code identify}, {@code fact}, {@code term}, or {@code bank}
 * @param topic       heading path of the source, outermost first
 * @param prompt      the question, readable on its own
 * @param choices     the choices as shown, in order
 * @param answer      index of the correct choice in {@code choices}
 * @param file        notes file of the source, relative to the notes folder
 * @param line        1-based line of the source in that file
 * @param explanation shown after answering: the source passage (or the bank's own explanation)
 * @param score       how far to trust it, 0 to 1, from the quality gates it passed and the doubts it raised;
 *                    the team's own bank questions are 1
 */
public record Question(String id, String kind, List<String> topic, String prompt, List<String> choices, int answer,
                       String file, int line, String explanation, double score) {

    public Question {
        topic = List.copyOf(topic);
        choices = List.copyOf(choices);
        if (answer < 0 || answer >= choices.size()) {
            throw new IllegalArgumentException("answer " + answer + " is not one of " + choices.size() + " choices");
        }
    }

    /** A question with nothing to doubt: the team's own, or one made before scores. */
    public Question(String id, String kind, List<String> topic, String prompt, List<String> choices, int answer,
                    String file, int line, String explanation) {
        this(id, kind, topic, prompt, choices, answer, file, line, explanation, 1.0);
    }

    public String correctChoice() {
        return choices.get(answer);
    }

    /** A short stable id from the parts that identify a question, whatever order its choices are in. */
    public static String idOf(String kind, String file, int line, String prompt, String correctChoice) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    String.join("\u0000", kind, file, Integer.toString(line), prompt, correctChoice)
                            .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
