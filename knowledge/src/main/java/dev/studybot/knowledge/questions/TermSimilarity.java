package dev.studybot.knowledge.questions;

import java.util.List;

/**
 * How alike in meaning two short texts are (a term and its description, say), for choosing the wrong
 * choices nearest the right one. The lexical implementation compares words; an embedding model can take
 * its place without the generators knowing.
 */
public interface TermSimilarity {

    /** The indexes of {@code candidates}, most alike to {@code anchor} first; ties keep their order. */
    List<Integer> rank(String anchor, List<String> candidates);
}
