package dev.studybot.knowledge.questions;

import dev.studybot.knowledge.embed.TextEmbedder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Texts are alike by the cosine of their sentence embeddings: "separate accounts, consolidated billing" is near
 * a text about Organizations though they share no word. Each text is embedded once, in batches where it can be.
 */
public final class EmbeddingSimilarity implements TermSimilarity {

    /**
     * Cosines this close fit a clue about as well. Calibrated with bge-small-en-v1.5 on the examples of
     * EmbeddingSimilarityTest: a heading's text holding the clue scores about 0.85, another heading restating the
     * clue within 0.01 of it, siblings that only share its subject (paraphrases included) 0.1 and more below.
     */
    static final double CONFUSABLE_WITHIN = 0.05;
    /** Longer texts say little more about what they describe and cost the model time. */
    private static final int MAX_CHARS = 300;
    /** Texts whose vectors are remembered at most; more than a large notes folder has. */
    private static final int MAX_REMEMBERED = 100_000;

    private final TextEmbedder embedder;
    private final Map<String, float[]> vectors = new ConcurrentHashMap<>();

    public EmbeddingSimilarity(TextEmbedder embedder) {
        this.embedder = embedder;
    }

    @Override
    public double[] scores(String anchor, List<String> candidates) {
        List<String> texts = new ArrayList<>(candidates.size() + 1);
        texts.add(anchor);
        texts.addAll(candidates);
        prepare(texts);
        float[] a = vector(anchor);
        return candidates.stream().mapToDouble(candidate -> TextEmbedder.similarity(a, vector(candidate))).toArray();
    }

    /** Embeds those of {@code texts} not seen before, in one batch: the model runs a batch across the cores. */
    private void prepare(Collection<String> texts) {
        if (vectors.size() > MAX_REMEMBERED) {
            vectors.clear(); // a long-running bot reloads edited notes: old texts must not pile up
        }
        List<String> missing = List.copyOf(texts.stream().map(EmbeddingSimilarity::cut)
                .filter(text -> !vectors.containsKey(text)).collect(Collectors.toCollection(LinkedHashSet::new)));
        List<float[]> embedded = embedder.embedPassages(missing);
        for (int i = 0; i < missing.size(); i++) {
            vectors.put(missing.get(i), embedded.get(i));
        }
    }

    @Override
    public OptionalDouble confusableWithin() {
        return OptionalDouble.of(CONFUSABLE_WITHIN);
    }

    private float[] vector(String text) {
        String key = cut(text);
        float[] vector = vectors.get(key);
        return vector != null ? vector : vectors.computeIfAbsent(key, t -> embedder.embedPassages(List.of(t)).get(0));
    }

    private static String cut(String text) {
        return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS);
    }
}
