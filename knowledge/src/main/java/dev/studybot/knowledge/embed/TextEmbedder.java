package dev.studybot.knowledge.embed;

import java.util.List;

/**
 * A sentence-embedding model: text in, a unit-length vector out, so the dot product of two vectors is
 * their cosine similarity. Queries and passages are embedded apart because some models phrase them
 * differently (a query instruction).
 */
public interface TextEmbedder {

    /** Name and version of the model; vectors from two different ids are not comparable. */
    String id();

    float[] embedQuery(String query);

    List<float[]> embedPassages(List<String> passages);

    /**
     * Whether {@code word} (lower case) is a whole word of the model's vocabulary: an English word as the
     * model learnt it, so not a misspelling, even where the notes never use it ("difference").
     */
    boolean isWord(String word);

    /** When this model's nearest neighbours mean the notes really are about a query. */
    SalienceFloors salienceFloors();

    /** Cosine similarity of two unit-length vectors. */
    static float similarity(float[] a, float[] b) {
        float dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }
}
