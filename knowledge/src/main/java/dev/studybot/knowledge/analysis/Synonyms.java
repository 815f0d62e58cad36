package dev.studybot.knowledge.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * The acronym and synonym list (Solr format: {@code asg, auto scaling group}), expanded at query time
 * so the list can change without re-indexing.
 */
public final class Synonyms {

    /** The list shipped with studybot, a copy of {@code config/synonyms.txt}. */
    public static final String BUNDLED_RESOURCE = "/studybot/synonyms.txt";

    private final SynonymMap map;
    private final Set<String> words;

    private Synonyms(SynonymMap map, Set<String> words) {
        this.map = map;
        this.words = Set.copyOf(words);
    }

    public static Synonyms none() {
        return parse("", "no synonyms");
    }

    public static Synonyms bundled() {
        try (InputStream in = Synonyms.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The bundled synonym list " + BUNDLED_RESOURCE + " is missing from the build");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "the bundled synonym list");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Synonyms load(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the synonym list " + file, e);
        }
    }

    /**
     * @param origin where the text came from, for error messages
     * @throws IllegalArgumentException naming the line when the list is malformed
     */
    public static Synonyms parse(String text, String origin) {
        Analyzer entries = StudyAnalyzers.synonymEntries();
        SolrSynonymParser parser = new SolrSynonymParser(true, true, entries);
        try (Reader reader = new StringReader(text)) {
            parser.parse(reader);
            return new Synonyms(parser.build(), wordsOf(text));
        } catch (ParseException e) {
            // The parser's message names the line ("Invalid synonym rule at line 2"); its offset does not.
            throw new IllegalArgumentException("The synonym list " + origin + " has an error: " + e.getMessage()
                    + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The synonym list " + origin + " has an error: " + e.getMessage(), e);
        }
    }

    private static Set<String> wordsOf(String text) {
        Set<String> words = new HashSet<>();
        for (String line : text.split("\n")) {
            String entry = line.replaceFirst("#.*", "").toLowerCase(Locale.ROOT);
            for (String word : entry.split("[\\s,=>]+")) {
                if (!word.isBlank()) {
                    words.add(word.strip());
                }
            }
        }
        return words;
    }

    /** The map, or null when the list has no entries (Lucene's synonym filter refuses an empty map). */
    SynonymMap map() {
        return map.fst == null ? null : map;
    }

    /** Whether a word appears in the list: such a word is known even when no note uses it. */
    public boolean knows(String word) {
        return words.contains(word.toLowerCase(Locale.ROOT));
    }
}
