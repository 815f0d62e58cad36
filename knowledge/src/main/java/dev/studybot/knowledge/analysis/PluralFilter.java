package dev.studybot.knowledge.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishMinimalStemmer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Strips a plural "s" from words of five letters or more. KStem leaves "days", "years", "regions" as
 * they are, so "3 days" would never meet "1 day"; shorter words are left alone because they are mostly
 * acronyms ("ebs", "ecs", "sqs", "aws") that a plural rule would wreck.
 */
final class PluralFilter extends TokenFilter {

    private static final int MIN_LENGTH = 5;

    private final EnglishMinimalStemmer stemmer = new EnglishMinimalStemmer();
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

    PluralFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        if (!keyword.isKeyword() && term.length() >= MIN_LENGTH) {
            term.setLength(stemmer.stem(term.buffer(), term.length()));
        }
        return true;
    }
}
