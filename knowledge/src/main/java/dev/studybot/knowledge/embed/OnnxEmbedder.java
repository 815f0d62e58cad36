package dev.studybot.knowledge.embed;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A bundled model run in process by ONNX Runtime. Thread-safe. Loading takes a second or two and the
 * weights are held once per process, so {@link #of} hands out one instance per model.
 */
public final class OnnxEmbedder implements TextEmbedder {

    static final String DJL_OFFLINE = "ai.djl.offline";
    private static final Map<BundledModel, OnnxEmbedder> LOADED = new ConcurrentHashMap<>();

    static {
        // The tokenizer's native library ships in its jar; offline, DJL never tries to fetch a missing one.
        if (System.getProperty(DJL_OFFLINE) == null) {
            System.setProperty(DJL_OFFLINE, "true");
        }
    }

    private final BundledModel model;
    private final String id;
    /** Loading starts at once in the background: a start-up reads the notes and the index meanwhile. */
    private final CompletableFuture<EmbeddingModel> onnx;

    private OnnxEmbedder(BundledModel model) {
        this.model = model;
        this.id = model.versionedId();
        // Passages are embedded in parallel batches: one worker per core keeps ONNX's own threads busy
        // without oversubscribing a small machine.
        ExecutorService workers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), runnable -> {
            Thread thread = new Thread(runnable, "embedder");
            thread.setDaemon(true);
            return thread;
        });
        this.onnx = CompletableFuture.supplyAsync(() -> model.load(workers), workers);
    }

    /** The model's own tokenizer, read once when a word is first looked up. */
    private volatile HuggingFaceTokenizer vocabulary;

    @Override
    public boolean isWord(String word) {
        HuggingFaceTokenizer tokenizer = vocabulary;
        if (tokenizer == null) {
            synchronized (this) {
                if (vocabulary == null) {
                    vocabulary = loadTokenizer(model);
                }
                tokenizer = vocabulary;
            }
        }
        String[] tokens = tokenizer.encode(word, false, false).getTokens();
        return tokens.length == 1 && tokens[0].equals(word);
    }

    private static HuggingFaceTokenizer loadTokenizer(BundledModel model) {
        try (InputStream in = model.tokenizer()) {
            return HuggingFaceTokenizer.newInstance(in, Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the tokenizer of " + model.modelName(), e);
        }
    }

    private EmbeddingModel onnx() {
        try {
            return onnx.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** The model, loaded from the classpath (in the background) the first time it is asked for. */
    public static OnnxEmbedder of(BundledModel model) {
        return LOADED.computeIfAbsent(model, OnnxEmbedder::new);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public float[] embedQuery(String query) {
        return unit(onnx().embed(model.queryInstruction() + query).content());
    }

    @Override
    public List<float[]> embedPassages(List<String> passages) {
        if (passages.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = passages.stream().map(TextSegment::from).toList();
        return onnx().embedAll(segments).content().stream().map(OnnxEmbedder::unit).toList();
    }

    @Override
    public SalienceFloors salienceFloors() {
        return model.salienceFloors();
    }

    private static float[] unit(Embedding embedding) {
        float[] vector = embedding.vector().clone();
        double norm = 0;
        for (float value : vector) {
            norm += value * value;
        }
        if (norm > 0) {
            float scale = (float) (1 / Math.sqrt(norm));
            for (int i = 0; i < vector.length; i++) {
                vector[i] *= scale;
            }
        }
        return vector;
    }
}
