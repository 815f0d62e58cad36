package dev.studybot.knowledge.search;

import dev.studybot.knowledge.embed.TextEmbedder;
import dev.studybot.knowledge.index.AnswerUnits;
import dev.studybot.knowledge.index.PassageFields;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;

/**
 * How close passages are in meaning to one query: its nearest neighbours by the HNSW graph in the index,
 * and the exact cosine similarity of any other passage asked about.
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
     * How close a passage is to the query: as a whole, and line by line.
     *
     * @param passage cosine similarity of the whole passage
     * @param units   the passage's answerable lines
     * @param lines   for each of {@code units}, its cosine similarity
     */
    record Closeness(float passage, List<AnswerUnits.Unit> units, float[] lines) {
    }

    /** How close each of {@code docs} is to the query, whole and line by line. */
    Map<Integer, Closeness> closeness(Collection<Integer> docs) throws IOException {
        Map<Integer, Float> passages = cosines(docs.stream().mapToInt(Integer::intValue).toArray());
        StoredFields stored = searcher.storedFields();
        Map<Integer, Closeness> closeness = new HashMap<>();
        for (int doc : docs) {
            List<AnswerUnits.Unit> units = AnswerUnits.decode(
                    stored.document(doc, Set.of(PassageFields.UNITS)).getBinaryValue(PassageFields.UNITS));
            float[] lines = new float[units.size()];
            for (int i = 0; i < lines.length; i++) {
                lines[i] = TextEmbedder.similarity(query, units.get(i).vector());
            }
            closeness.put(doc, new Closeness(passages.get(doc), units, lines));
        }
        return closeness;
    }

    /** The cosine similarity of each of {@code docs} to the query (0 for a passage without a vector). */
    private Map<Integer, Float> cosines(int[] docs) throws IOException {
        int[] sorted = docs.clone();
        Arrays.sort(sorted);
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
