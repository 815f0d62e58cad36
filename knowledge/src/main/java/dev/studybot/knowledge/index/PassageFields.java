package dev.studybot.knowledge.index;

import dev.studybot.knowledge.analysis.StudyAnalyzers;
import dev.studybot.knowledge.notes.Passage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;

/** How a passage is laid out as a Lucene document, and read back. */
public final class PassageFields {

    /** Notes file, relative path: also the key for replacing a changed file's passages. */
    public static final String FILE = "file";
    public static final String LINE = "line";
    /** Heading path elements, stored, joined by {@link #PATH_SEPARATOR}. */
    public static final String PATH = "path";
    public static final String LINKS = "links";
    /** Passage text: stored (it is what is shown) and analysed with stemming. */
    public static final String BODY = "body";
    /** Heading path, analysed with stemming, boosted at search time. */
    public static final String HEADING = "heading";
    /** The passage's sentence embedding (unit length, so dot product is cosine), searched by HNSW. */
    public static final String VECTOR = "vector";
    /** The passage's answerable lines and their embeddings ({@link AnswerUnits}), stored. */
    public static final String UNITS = "units";
    /** Heading and text, unstemmed: the vocabulary for did-you-mean. */
    public static final String SPELL = "spell";

    private static final String PATH_SEPARATOR = "\u001f";

    private PassageFields() {
    }

    public static Analyzer analyzer() {
        return StudyAnalyzers.perField(Map.of(SPELL, StudyAnalyzers.spelling()));
    }

    /** What the embedding model reads of a passage: its heading path gives a bare bullet its subject. */
    static String embeddedText(Passage passage) {
        return passage.headingPath().isEmpty() ? passage.text() : passage.headingTrail() + "\n" + passage.text();
    }

    static Document toDocument(Passage passage, float[] vector, BytesRef units) {
        Document doc = new Document();
        doc.add(new StringField(FILE, passage.file(), Field.Store.YES));
        doc.add(new StoredField(LINE, passage.line()));
        doc.add(new StoredField(PATH, String.join(PATH_SEPARATOR, passage.headingPath())));
        doc.add(new StoredField(LINKS, String.join("\n", passage.links())));
        doc.add(new TextField(BODY, passage.text(), Field.Store.YES));
        String heading = String.join(" ", passage.headingPath());
        doc.add(new TextField(HEADING, heading, Field.Store.NO));
        doc.add(new TextField(SPELL, heading + "\n" + passage.text(), Field.Store.NO));
        doc.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
        doc.add(new StoredField(UNITS, units));
        return doc;
    }

    public static Passage fromDocument(Document doc) {
        return new Passage(doc.get(FILE), doc.getField(LINE).numericValue().intValue(),
                split(doc.get(PATH), PATH_SEPARATOR), doc.get(BODY), split(doc.get(LINKS), "\n"));
    }

    private static List<String> split(String joined, String separator) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(separator, -1));
    }
}
