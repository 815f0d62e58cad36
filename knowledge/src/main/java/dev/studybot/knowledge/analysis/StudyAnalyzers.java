package dev.studybot.knowledge.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;

/**
 * The analysis chains. Words are stemmed with KStem (which keeps them readable: "instances" becomes
 * "instance", not "instanc"), Chinese, Japanese and Korean text becomes overlapping bigrams so it is
 * searchable without a dictionary, and queries additionally drop question words and expand synonyms.
 */
public final class StudyAnalyzers {

    /** Words that carry no topic in a question typed into a chat box. */
    static final CharArraySet QUERY_STOP_WORDS = queryStopWords();

    private StudyAnalyzers() {
    }

    private static final Analyzer INDEX = newIndexAnalyzer();
    private static final Analyzer SPELLING = newSpellingAnalyzer();

    /** For passage text and headings in the index. Shared: analyzers are safe for concurrent use. */
    public static Analyzer index() {
        return INDEX;
    }

    /** Unstemmed words, the vocabulary that did-you-mean suggests from. Shared, like {@link #index()}. */
    public static Analyzer spelling() {
        return SPELLING;
    }

    private static Analyzer newIndexAnalyzer() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, stemmed(normalised(source)));
            }
        };
    }

    private static Analyzer newSpellingAnalyzer() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, normalised(source));
            }
        };
    }

    /** For the words of a query: the index chain without question words, with synonyms expanded. */
    public static Analyzer query(Synonyms synonyms) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new StopFilter(normalised(source), QUERY_STOP_WORDS);
                stream = stemmed(stream);
                if (synonyms.map() != null) {
                    stream = new SynonymGraphFilter(stream, synonyms.map(), true);
                }
                return new TokenStreamComponents(source, stream);
            }
        };
    }

    /** The index analyzer for every field of a passage document. */
    public static Analyzer perField(Map<String, Analyzer> byField) {
        return new PerFieldAnalyzerWrapper(index(), byField);
    }

    /** How the entries of the synonym list are read, so that they match analysed query words. */
    static Analyzer synonymEntries() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, stemmed(new LowerCaseFilter(source)));
            }
        };
    }

    /** KStem, then plurals that KStem keeps because they are also verbs or idioms ("days", "costs"). */
    private static TokenStream stemmed(TokenStream stream) {
        return new PluralFilter(new KStemFilter(stream));
    }

    private static TokenStream normalised(Tokenizer source) {
        TokenStream stream = new EnglishPossessiveFilter(source);
        stream = new CJKWidthFilter(stream);
        stream = new LowerCaseFilter(stream);
        return new CJKBigramFilter(stream);
    }

    /** The terms {@code analyzer} makes of {@code text}, in order. */
    public static List<String> terms(Analyzer analyzer, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("Analysing text in memory cannot fail", e);
        }
        return terms;
    }

    public static boolean isQueryStopWord(String word) {
        return QUERY_STOP_WORDS.contains(word);
    }

    private static CharArraySet queryStopWords() {
        CharArraySet words = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        words.addAll(List.of(
                "what", "whats", "which", "who", "whom", "whose", "why", "how", "when", "where",
                "do", "does", "did", "doing", "done", "can", "could", "should", "would", "will", "shall", "may",
                "might", "must", "i", "me", "my", "mine", "we", "our", "us", "you", "your", "am", "been", "being",
                "has", "have", "had", "having", "vs", "versus", "from", "about", "any", "some", "also", "so",
                "its", "it's", "i'm", "im", "get", "gets", "got", "via", "each", "very", "just", "than",
                "between", "over", "please", "tell", "explain", "mean", "means", "many", "much"));
        return CharArraySet.unmodifiableSet(words);
    }
}
