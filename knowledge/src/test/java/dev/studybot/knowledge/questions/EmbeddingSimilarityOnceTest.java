package dev.studybot.knowledge.questions;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.studybot.knowledge.embed.SalienceFloors;
import dev.studybot.knowledge.embed.TextEmbedder;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Drafts are made on several threads: a text they ask for at the same time is embedded once. */
class EmbeddingSimilarityOnceTest {

    private static final String DRAFTER = "drafter";

    /** Embeds each text to a vector of its own, counting per text; every batch waits for {@code release}. */
    private static final class CountingEmbedder implements TextEmbedder {
        final Map<String, AtomicInteger> embedded = new ConcurrentHashMap<>();
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public String id() {
            return "counting";
        }

        @Override
        public float[] embedQuery(String query) {
            return vector(query);
        }

        @Override
        public List<float[]> embedPassages(List<String> passages) {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            passages.forEach(text -> embedded.computeIfAbsent(text, t -> new AtomicInteger()).incrementAndGet());
            return passages.stream().map(CountingEmbedder::vector).toList();
        }

        private static float[] vector(String text) {
            float angle = Math.floorMod(text.hashCode(), 360) * (float) Math.PI / 180;
            return new float[] {(float) Math.cos(angle), (float) Math.sin(angle)};
        }

        @Override
        public boolean isWord(String word) {
            return true;
        }

        @Override
        public SalienceFloors salienceFloors() {
            throw new UnsupportedOperationException("not used by question similarity");
        }
    }

    @Test
    void twoThreadsAskingForTheSameTextsAtOnceEmbedEachOnceAndGetTheSameScores() throws Exception {
        CountingEmbedder embedder = new CountingEmbedder();
        EmbeddingSimilarity similarity = new EmbeddingSimilarity(embedder);
        List<String> candidates = List.of("Work queue", "Topic fan-out", "Log stream");
        ExecutorService threads = Executors.newFixedThreadPool(2, runnable -> new Thread(runnable, DRAFTER));
        try {
            Future<double[]> first = threads.submit(() -> similarity.scores("one consumer per message", candidates));
            Future<double[]> second = threads.submit(() -> similarity.scores("one consumer per message", candidates));
            await("both threads waiting for the vectors").atMost(Duration.ofSeconds(10))
                    .until(() -> waitingDrafters() == 2);
            embedder.release.countDown();

            assertArrayEquals(first.get(), second.get());
            for (String text : List.of("one consumer per message", "Work queue", "Topic fan-out", "Log stream")) {
                assertEquals(1, embedder.embedded.get(text).get(), text + " embedded once: " + embedder.embedded);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** How many drafting threads are parked inside the similarity (in the embedder, or waiting for another's batch). */
    private static long waitingDrafters() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals(DRAFTER) && thread.getState() == Thread.State.WAITING)
                .filter(thread -> Arrays.stream(thread.getStackTrace())
                        .anyMatch(frame -> frame.getClassName().equals(EmbeddingSimilarity.class.getName())))
                .count();
    }
}
