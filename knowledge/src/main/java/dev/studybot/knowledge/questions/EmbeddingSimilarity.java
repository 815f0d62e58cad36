package dev.studybot.knowledge.questions;

import dev.studybot.knowledge.embed.TextEmbedder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

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
    /**
     * Each text's vector, or the batch still embedding it: drafts are made on several threads at once, and without
     * this a text two of them asked for at the same time was embedded twice (ten copies of the notes embedded 2.8
     * times the texts of one).
     */
    private final Map<String, CompletableFuture<float[]>> vectors = new ConcurrentHashMap<>();

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

    /**
     * Embeds those of {@code texts} no one has asked for before, in one batch (the model runs a batch across the
     * cores); those another thread is embedding are left to it.
     */
    private void prepare(Collection<String> texts) {
        if (vectors.size() > MAX_REMEMBERED) {
            vectors.clear(); // a long-running bot reloads edited notes: old texts must not pile up
        }
        Map<String, CompletableFuture<float[]>> mine = new LinkedHashMap<>();
        for (String text : texts) {
            String key = cut(text);
            CompletableFuture<float[]> pending = new CompletableFuture<>();
            if (!mine.containsKey(key) && vectors.putIfAbsent(key, pending) == null) {
                mine.put(key, pending);
            }
        }
        if (mine.isEmpty()) {
            return;
        }
        List<String> missing = List.copyOf(mine.keySet());
        try {
            List<float[]> embedded = embedder.embedPassages(missing);
            for (int i = 0; i < missing.size(); i++) {
                mine.get(missing.get(i)).complete(embedded.get(i));
            }
        } catch (RuntimeException e) {
            // Whoever waits on these fails too, and a later ask embeds them anew.
            mine.forEach((key, pending) -> {
                vectors.remove(key, pending);
                pending.completeExceptionally(e);
            });
            throw e;
        }
    }

    @Override
    public OptionalDouble confusableWithin() {
        return OptionalDouble.of(CONFUSABLE_WITHIN);
    }

    private float[] vector(String text) {
        String key = cut(text);
        CompletableFuture<float[]> vector;
        while ((vector = vectors.get(key)) == null) {
            prepare(List.of(key)); // again only if the vectors were cleared in between
        }
        return vector.join();
    }

    private static String cut(String text) {
        return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS);
    }
}
