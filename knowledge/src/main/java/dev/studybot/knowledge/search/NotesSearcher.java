package dev.studybot.knowledge.search;

import dev.studybot.knowledge.analysis.StudyAnalyzers;
import dev.studybot.knowledge.analysis.Synonyms;
import dev.studybot.knowledge.embed.TextEmbedder;
import dev.studybot.knowledge.index.PassageFields;
import dev.studybot.knowledge.notes.Passage;
import dev.studybot.knowledge.notes.Span;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.similarities.BM25Similarity;

/** Answers lookups against one point-in-time view of the notes index. Safe for concurrent use. */
public final class NotesSearcher {

    /** The most results one lookup returns, whatever is asked. */
    public static final int MAX_LIMIT = 20;
    /**
     * When no passage covers this much of the query (rare words weigh more), the notes are only near
     * the query, not about it: "nothing in the notes" is the honest answer.
     */
    static final double MIN_COVERAGE = 0.3;
    /** When a word of the query appears nowhere in the notes, the rest of it must be covered well. */
    static final double MIN_COVERAGE_WITH_UNKNOWN_WORD = 0.5;
    private static final int SUGGESTED_TOPICS = 3;
    /** How many of BM25's best are reweighed by coverage. */
    static final int RERANK_DEPTH = 50;
    /** How strongly coverage reorders BM25's ranking. */
    static final double COVERAGE_WEIGHT = 1.0;
    private static final float BM25_K1 = 1.2f;
    /** Less length normalisation than BM25's usual 0.75: a longer passage is usually a fuller answer. */
    private static final float BM25_B = 0.4f;

    private final IndexReader reader;
    private final IndexSearcher searcher;
    private final Synonyms synonyms;
    private final Analyzer queryAnalyzer;

    private final TextEmbedder embedder;

    public NotesSearcher(IndexReader reader, Synonyms synonyms, TextEmbedder embedder) {
        this.reader = reader;
        this.embedder = embedder;
        this.searcher = new IndexSearcher(reader);
        searcher.setSimilarity(new BM25Similarity(BM25_K1, BM25_B));
        this.synonyms = synonyms;
        this.queryAnalyzer = StudyAnalyzers.query(synonyms);
    }

    public SearchResponse search(String rawQuery, int limit, SearchMode mode) {
        String query = QueryText.clean(rawQuery);
        if (query.isEmpty()) {
            return refusal(query, SearchResponse.Status.EMPTY_QUERY,
                    "Type what you are looking for, for example: spot instance interruption.");
        }
        if (query.length() > QueryText.MAX_CHARS) {
            return refusal(query, SearchResponse.Status.TOO_LONG, "That is " + query.length()
                    + " characters; a search takes at most " + QueryText.MAX_CHARS + ". Try a few key words.");
        }
        QueryWords words = QueryWords.of(query, reader, synonyms, embedder::isWord);
        if (words.words().isEmpty()) {
            return refusal(query, SearchResponse.Status.EMPTY_QUERY,
                    "There is no topic word in \"" + query + "\" to search for. Try naming a service or feature.");
        }
        try {
            return search(query, words, Math.max(1, Math.min(limit, MAX_LIMIT)), mode);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SearchResponse search(String query, QueryWords words, int limit, SearchMode mode) throws IOException {
        LookupQuery lookup = LookupQuery.build(words, queryAnalyzer, searcher);
        ScoreDoc[] candidates = searcher.search(lookup.query(), Math.max(RERANK_DEPTH, limit)).scoreDocs;
        String suggestion = words.suggestion(query);
        double[] coverage = lookup.coverage(candidates, reader);
        ScoreDoc[] lexical = rerank(candidates, coverage, candidates.length);
        boolean about = isAbout(coverage, words);
        ScoreDoc[] best;
        Meanings meanings = null;
        if (mode == SearchMode.LEXICAL) {
            best = Arrays.copyOf(lexical, Math.min(limit, lexical.length));
        } else {
            // Meaning is read from the query as corrected, so "memchached" is as close as "memcached".
            meanings = new Meanings(searcher, embedder.embedQuery(suggestion == null ? query : suggestion));
            HybridRanking hybrid = HybridRanking.fuse(lexical, meanings, embedder.salienceFloors(), limit);
            best = hybrid.best();
            about = hybrid.isAbout(about, !words.unknown().isEmpty(), embedder.salienceFloors());
        }
        if (best.length == 0 || !about) {
            return new SearchResponse(query, SearchResponse.Status.NO_MATCH, List.of(), suggestion,
                    nothingFound(query, best.length == 0 ? candidates : best));
        }
        StoredFields storedFields = searcher.storedFields();
        Snippets snippets = new Snippets(lookup.query());
        List<SearchResult> results = new ArrayList<>();
        for (ScoreDoc shown : best) {
            Document stored = storedFields.document(shown.doc);
            Passage passage = PassageFields.fromDocument(stored);
            List<Span> answer = List.of();
            if (meanings != null) {
                Meanings.Lines lines = meanings.lines(stored);
                answer = AnswerLines.of(lines, snippets.distinctTermsIn(passage.text(), lines.spans()));
            }
            results.add(new SearchResult(passage, snippets.of(passage.text()), shown.score, answer));
        }
        String message = words.truncated()
                ? "Your query was long: only its first " + QueryText.MAX_WORDS + " words were searched." : null;
        return new SearchResponse(query, SearchResponse.Status.FOUND, results, suggestion, message);
    }

    /** BM25's order, reweighed by how much of the query each passage covers. */
    private static ScoreDoc[] rerank(ScoreDoc[] candidates, double[] coverage, int limit) {
        ScoreDoc[] rescored = new ScoreDoc[candidates.length];
        for (int i = 0; i < candidates.length; i++) {
            float score = (float) (candidates[i].score * Math.pow(coverage[i], COVERAGE_WEIGHT));
            rescored[i] = new ScoreDoc(candidates[i].doc, score, i);
        }
        // ties keep BM25's order (shardIndex holds the original rank)
        Arrays.sort(rescored, Comparator.comparingDouble((ScoreDoc d) -> -d.score).thenComparingInt(d -> d.shardIndex));
        return Arrays.copyOf(rescored, Math.min(limit, rescored.length));
    }

    /**
     * Whether the notes really speak of the query. Not when the passages nearest to it share only a
     * small, common part of it; and when some word of the query appears nowhere in the notes
     * ("lightsail instance pricing" in notes that never name Lightsail), the rest must be matched well.
     */
    private static boolean isAbout(double[] coverage, QueryWords words) {
        double best = 0;
        for (double each : coverage) {
            best = Math.max(best, each);
        }
        return best >= (words.unknown().isEmpty() ? MIN_COVERAGE : MIN_COVERAGE_WITH_UNKNOWN_WORD);
    }

    private String nothingFound(String query, ScoreDoc[] near) throws IOException {
        Set<String> topics = new LinkedHashSet<>();
        StoredFields storedFields = searcher.storedFields();
        // Reading a passage costs a stored-fields lookup: stop once there are enough topics to suggest.
        for (int i = 0; i < near.length && topics.size() < SUGGESTED_TOPICS; i++) {
            Passage passage = PassageFields.fromDocument(storedFields.document(near[i].doc));
            if (!passage.headingPath().isEmpty()) {
                topics.add(passage.headingTrail());
            }
        }
        String message = "Nothing in the notes about \"" + query + "\".";
        if (!topics.isEmpty()) {
            message += " Nearby topics: " + String.join("; ", topics) + ".";
        }
        return message + " Try other words, or check the spelling.";
    }

    private static SearchResponse refusal(String query, SearchResponse.Status status, String message) {
        return new SearchResponse(query, status, List.of(), null, message);
    }
}
