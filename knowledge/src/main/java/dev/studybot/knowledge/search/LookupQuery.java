package dev.studybot.knowledge.search;

import dev.studybot.knowledge.index.PassageFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.QueryBuilder;

/**
 * The Lucene query for a lookup, built from analysed words (never parsed, so no user text is ever
 * syntax), and the means to tell how much of the query a passage really covers.
 */
final class LookupQuery {

    /** A word in the heading path says more about a passage than the same word in its text. */
    static final float HEADING_BOOST = 2.0f;
    /** Two query words next to each other in a passage say more than the same words apart. */
    static final float PAIR_BOOST = 0.5f;
    static final int PAIR_SLOP = 2;
    private static final int MAX_PAIRS = 8;
    private static final int MAX_SYNONYM_WORDS = 4;
    private static final double ABSENT = -1;

    private final Query query;
    private final List<Concept> concepts;

    /** One query word (or synonym phrase), its synonyms included, and how rare (telling) it is. */
    private record Concept(String phrase, Weight weight, double idf) {
    }

    private LookupQuery(Query query, List<Concept> concepts) {
        this.query = query;
        this.concepts = concepts;
    }

    static LookupQuery build(QueryWords words, Analyzer queryAnalyzer, IndexSearcher searcher) {
        QueryBuilder builder = new SynonymPhraseQueryBuilder(queryAnalyzer);
        String text = String.join(" ", words.words());
        BooleanQuery.Builder main = new BooleanQuery.Builder();
        addIfPresent(main, builder.createBooleanQuery(PassageFields.BODY, text), 1f);
        addIfPresent(main, builder.createBooleanQuery(PassageFields.HEADING, text), HEADING_BOOST);
        List<String> list = words.words();
        for (int i = 0; i + 1 < list.size() && i < MAX_PAIRS; i++) {
            String pair = list.get(i) + " " + list.get(i + 1);
            addIfPresent(main, builder.createPhraseQuery(PassageFields.BODY, pair, PAIR_SLOP), PAIR_BOOST);
        }
        List<Concept> concepts = new ArrayList<>();
        for (String phrase : conceptPhrases(list, queryAnalyzer)) {
            concepts.add(concept(phrase, words.docFreqs(), builder, searcher));
        }
        return new LookupQuery(main.build(), weighAbsentWords(concepts));
    }

    /**
     * The query's words, with runs that the synonym list knows as one term ("direct connect", which
     * also means "dx") kept together, so a passage saying "dx" covers both words.
     */
    static List<String> conceptPhrases(List<String> words, Analyzer queryAnalyzer) {
        List<String> phrases = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            int length = Math.min(MAX_SYNONYM_WORDS, words.size() - i);
            while (length > 1 && !isSynonymPhrase(String.join(" ", words.subList(i, i + length)), queryAnalyzer)) {
                length--;
            }
            phrases.add(String.join(" ", words.subList(i, i + length)));
            i += length;
        }
        return phrases;
    }

    /** Whether the synonym list has an entry for the whole of {@code phrase}. */
    private static boolean isSynonymPhrase(String phrase, Analyzer queryAnalyzer) {
        try (TokenStream stream = queryAnalyzer.tokenStream(PassageFields.BODY, phrase)) {
            TypeAttribute type = stream.addAttribute(TypeAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            boolean whole = false;
            while (stream.incrementToken()) {
                whole |= SynonymGraphFilter.TYPE_SYNONYM.equals(type.type())
                        && offset.startOffset() == 0 && offset.endOffset() == phrase.length();
            }
            stream.end();
            return whole;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void addIfPresent(BooleanQuery.Builder main, Query clause, float boost) {
        if (clause != null) {
            main.add(boost == 1f ? clause : new BoostQuery(clause, boost), BooleanClause.Occur.SHOULD);
        }
    }

    private static Concept concept(String phrase, Map<String, Integer> docFreqs, QueryBuilder builder,
                                   IndexSearcher searcher) {
        BooleanQuery.Builder either = new BooleanQuery.Builder();
        addIfPresent(either, builder.createBooleanQuery(PassageFields.BODY, phrase), 1f);
        addIfPresent(either, builder.createBooleanQuery(PassageFields.HEADING, phrase), 1f);
        try {
            Query rewritten = searcher.rewrite(either.build());
            Weight weight = searcher.createWeight(rewritten, ScoreMode.COMPLETE_NO_SCORES, 1f);
            double idf = ABSENT;
            for (String word : phrase.split(" ")) {
                double each = idf(docFreqs.get(word), searcher.getIndexReader());
                idf = each == ABSENT ? idf : (idf == ABSENT ? 0 : idf) + each;
            }
            return new Concept(phrase, weight, idf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A word absent from the notes weighs as much as the query's rarest word that is present: it
     * matters, but how much cannot be read off the notes, and a small folder would otherwise let
     * one unknown word outweigh everything else.
     */
    private static List<Concept> weighAbsentWords(List<Concept> concepts) {
        double rarestPresent = concepts.stream().mapToDouble(Concept::idf).filter(idf -> idf != ABSENT).max()
                .orElse(1);
        return concepts.stream()
                .map(c -> c.idf() == ABSENT ? new Concept(c.phrase(), c.weight(), rarestPresent) : c)
                .toList();
    }

    /** BM25's idf of a word whose commonest stem is in {@code docFreq} passages, or {@link #ABSENT}. */
    private static double idf(int docFreq, IndexReader reader) {
        if (docFreq == 0) {
            return ABSENT;
        }
        int docs = reader.numDocs();
        return Math.log(1 + (docs - docFreq + 0.5) / (docFreq + 0.5));
    }

    Query query() {
        return query;
    }

    /**
     * For each passage, the share of the query's weight (rare words weigh more) that it matches. A
     * passage that mentions every word of a question is about the question; one that repeats a
     * single common word is merely near it, however well BM25 scores it.
     */
    double[] coverage(ScoreDoc[] docs, IndexReader reader) {
        Integer[] byDocId = new Integer[docs.length];
        for (int i = 0; i < docs.length; i++) {
            byDocId[i] = i;
        }
        Arrays.sort(byDocId, Comparator.comparingInt(i -> docs[i].doc));
        double total = concepts.stream().mapToDouble(Concept::idf).sum();
        double[] matched = new double[docs.length];
        List<LeafReaderContext> leaves = reader.leaves();
        for (Concept concept : concepts) {
            DocIdSetIterator iterator = null;
            int leafIndex = -1;
            for (int i : byDocId) {
                int doc = docs[i].doc;
                int leaf = ReaderUtil.subIndex(doc, leaves);
                if (leaf != leafIndex) {
                    leafIndex = leaf;
                    iterator = matchesIn(concept.weight(), leaves.get(leaf));
                }
                int target = doc - leaves.get(leaf).docBase;
                if (iterator != null && iterator.docID() <= target && advance(iterator, target) == target) {
                    matched[i] += concept.idf();
                }
            }
        }
        for (int i = 0; i < matched.length; i++) {
            matched[i] = total == 0 ? 0 : matched[i] / total;
        }
        return matched;
    }

    private static DocIdSetIterator matchesIn(Weight weight, LeafReaderContext leaf) {
        try {
            Scorer scorer = weight.scorer(leaf);
            return scorer == null ? null : scorer.iterator();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int advance(DocIdSetIterator iterator, int target) {
        try {
            return iterator.docID() == target ? target : iterator.advance(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
