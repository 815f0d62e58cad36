package dev.studybot.knowledge.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class OnnxEmbedderTest {

    @ParameterizedTest
    @EnumSource(BundledModel.class)
    void everyBundledModelLoadsFromTheClasspathOffline(BundledModel model) {
        OnnxEmbedder embedder = OnnxEmbedder.of(model);

        assertEquals("true", System.getProperty(OnnxEmbedder.DJL_OFFLINE), "DJL may not go to the network");
        URL weights = BundledModel.class.getResource("/" + model.modelName() + ".onnx");
        assertTrue(weights != null && weights.getProtocol().equals("jar"), "weights come from a jar: " + weights);
        assertTrue(embedder.id().startsWith(model.modelName() + "@"), embedder.id());
        assertTrue(embedder.id().matches(".*@\\d+\\.\\d+\\.\\d+.*"), "the artifact version is part of the id: " + embedder.id());
        assertEquals(384, embedder.embedQuery("spot instances").length);
        assertSame(embedder, OnnxEmbedder.of(model), "one instance per model and process");
    }

    @ParameterizedTest
    @EnumSource(BundledModel.class)
    void vectorsAreUnitLengthDeterministicAndCloseForCloseMeanings(BundledModel model) {
        OnnxEmbedder embedder = OnnxEmbedder.of(model);
        List<float[]> passages = embedder.embedPassages(List.of(
                "Spot instances can be reclaimed with a two-minute warning.",
                "Bake the bread for forty minutes until the crust is golden."));
        float[] query = embedder.embedQuery("how much notice before a spot instance is taken back");

        for (float[] vector : List.of(passages.get(0), passages.get(1), query)) {
            assertEquals(1.0, TextEmbedder.similarity(vector, vector), 1e-4, "unit length");
        }
        assertTrue(TextEmbedder.similarity(query, passages.get(0)) > TextEmbedder.similarity(query, passages.get(1)) + 0.1);
        assertArrayEquals(query, embedder.embedQuery("how much notice before a spot instance is taken back"), 1e-6f);
    }

    @Test
    void oddTextStillEmbeds() {
        OnnxEmbedder embedder = OnnxEmbedder.of(BundledModel.DEFAULT);
        for (String text : List.of("", "🚀🔥🤖", "冷数据放在归档层更便宜", "x".repeat(5000), "title:(s3 AND \"b\")~2^3 *")) {
            float[] vector = embedder.embedQuery(text);
            assertEquals(384, vector.length, text);
            assertNotEquals(Float.NaN, vector[0], text);
        }
        assertEquals(List.of(), embedder.embedPassages(List.of()));
    }

    @ParameterizedTest
    @EnumSource(BundledModel.class)
    void theVocabularyTellsEnglishWordsFromMisspellings(BundledModel model) {
        OnnxEmbedder embedder = OnnxEmbedder.of(model);
        for (String word : List.of("difference", "different", "archive", "instance")) {
            assertTrue(embedder.isWord(word), word);
        }
        for (String word : List.of("memchached", "cloudformaton", "kinesys", "diferent", "archve")) {
            assertFalse(embedder.isWord(word), word);
        }
    }

    @Test
    void modelsAreNamedAsPeopleTypeThem() {
        assertEquals(BundledModel.ALL_MINILM_L6_V2_Q, BundledModel.named(" All-MiniLM-L6-v2-q "));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> BundledModel.named("gpt"));
        assertTrue(unknown.getMessage().contains("bge-small-en-v1.5-q"), unknown.getMessage());
    }
}
