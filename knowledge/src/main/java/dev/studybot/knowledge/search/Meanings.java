package dev.studybot.knowledge.search;

import dev.studybot.knowledge.embed.TextEmbedder;
import dev.studybot.knowledge.index.AnswerUnits;
import dev.studybot.knowledge.index.PassageFields;
import dev.studybot.knowledge.notes.Span;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;

/**
 * How close passages are in meaning to one query: its nearest neighbours by the HNSW graph in the index,
 * the exact cosine similarity of any other passage asked about, and of a shown passage's lines.
 */
final class Meanings {

    private final IndexSearcher searcher;
    private final float[] query;

    Meanings(IndexSearcher searcher, float[] queryVector) {
        this.searcher = searcher;
        this.query = queryVector;
    }

    /** The {@code k} passages nearest the query, nearest first, each scored with its cosine similarity. */
    ScoreDoc[] nearest(int k) throws IOException {
        ScoreDoc[] top = searcher.search(new KnnFloatVectorQuery(PassageFields.VECTOR, query, k), k).scoreDocs;
        for (ScoreDoc doc : top) {
            // Lucene scores a dot-product match as (1 + cosine) / 2, to keep scores positive.
            doc.score = 2 * doc.score - 1;
        }
        return top;
    }

    /**
     * How close each answerable line of a passage is to the query.
     *
     * @param units   the passage's answerable lines
     * @param cosines for each of {@code units}, its cosine similarity
     */
    record Lines(List<AnswerUnits.Unit> units, float[] cosines) {

        List<Span> spans() {
            return units.stream().map(AnswerUnits.Unit::span).toList();
        }
    }

    /** The lines of a shown passage (its stored document, read once for text and lines alike). */
    Lines lines(Document stored) {
        List<AnswerUnits.Unit> units = AnswerUnits.decode(stored.getBinaryValue(PassageFields.UNITS));
        float[] cosines = new float[units.size()];
        for (int i = 0; i < cosines.length; i++) {
            cosines[i] = TextEmbedder.similarity(query, units.get(i).vector());
        }
        return new Lines(units, cosines);
    }

    /** The cosine similarity of each of {@code docs} to the query (0 for a passage without a vector). */
    Map<Integer, Float> cosines(Collection<Integer> docs) throws IOException {
        int[] sorted = docs.stream().mapToInt(Integer::intValue).sorted().toArray();
        Map<Integer, Float> cosines = new HashMap<>();
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        FloatVectorValues values = null;
        int leafIndex = -1;
        for (int doc : sorted) {
            int leaf = ReaderUtil.subIndex(doc, leaves);
            if (leaf != leafIndex) {
                leafIndex = leaf;
                values = leaves.get(leaf).reader().getFloatVectorValues(PassageFields.VECTOR);
            }
            int target = doc - leaves.get(leaf).docBase;
            float cosine = 0;
            if (values != null && values.docID() <= target && (values.docID() == target || values.advance(target) == target)) {
                cosine = TextEmbedder.similarity(query, values.vectorValue());
            }
            cosines.put(doc, cosine);
        }
        return cosines;
    }
}
