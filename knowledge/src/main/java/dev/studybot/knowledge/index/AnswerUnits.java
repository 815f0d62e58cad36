package dev.studybot.knowledge.index;

import dev.studybot.knowledge.notes.Passage;
import dev.studybot.knowledge.notes.Span;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.util.BytesRef;

/**
 * The lines (bullets, sentences of a paragraph line) of a passage that can each answer a question on
 * their own, and their embeddings, stored with the passage so that a lookup can point at the line that
 * answers it without embedding anything at query time.
 */
public final class AnswerUnits {

    /** Shorter lines ("-", "etc.") answer nothing. */
    private static final int MIN_CHARS = 3;

    private AnswerUnits() {
    }

    /** A line of a passage and its embedding (unit length). */
    public record Unit(Span span, float[] vector) {
    }

    /** The answerable lines of {@code text}, stripped of surrounding white space. */
    public static List<Span> spans(String text) {
        List<Span> spans = new ArrayList<>();
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end;
            int from = start;
            int to = end;
            while (from < to && Character.isWhitespace(text.charAt(from))) {
                from++;
            }
            while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
                to--;
            }
            if (to - from >= MIN_CHARS) {
                spans.add(new Span(from, to));
            }
            start = end + 1;
        }
        return spans;
    }

    /** What the model reads of one line: the heading path gives a bare bullet its subject. */
    static String embeddedText(Passage passage, Span span) {
        String line = span.of(passage.text());
        return passage.headingPath().isEmpty() ? line : passage.headingTrail() + ": " + line;
    }

    static BytesRef encode(List<Span> spans, List<float[]> vectors) {
        int dimension = vectors.isEmpty() ? 0 : vectors.get(0).length;
        ByteBuffer buffer = ByteBuffer.allocate(8 + spans.size() * (8 + 4 * dimension)).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(spans.size()).putInt(dimension);
        for (int i = 0; i < spans.size(); i++) {
            buffer.putInt(spans.get(i).start()).putInt(spans.get(i).end());
            for (float value : vectors.get(i)) {
                buffer.putFloat(value);
            }
        }
        return new BytesRef(buffer.array());
    }

    public static List<Unit> decode(BytesRef bytes) {
        if (bytes == null) {
            return List.of();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes.bytes, bytes.offset, bytes.length).order(ByteOrder.LITTLE_ENDIAN);
        int count = buffer.getInt();
        int dimension = buffer.getInt();
        List<Unit> units = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Span span = new Span(buffer.getInt(), buffer.getInt());
            float[] vector = new float[dimension];
            for (int d = 0; d < dimension; d++) {
                vector[d] = buffer.getFloat();
            }
            units.add(new Unit(span, vector));
        }
        return units;
    }
}
