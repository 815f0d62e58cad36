package dev.studybot.command;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of typed command text: split on spaces, except that text in double quotes (straight or the curly ones
 * phones and Slack type) is one word, so a topic with a space in it can be given:
 * {@code schedule set 09:00 UTC daily "load balancers" s3}.
 */
final class CommandWords {

    private static final Pattern WORD = Pattern.compile("[\"“”]([^\"“”]*)[\"“”]?|(\\S+)");

    /** A word and where it starts in the text, so an option that takes the rest can take it as typed. */
    record Word(String text, int start) {
    }

    private CommandWords() {
    }

    static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            String word = matcher.group(1) != null ? matcher.group(1).strip() : matcher.group(2);
            if (!word.isEmpty()) {
                words.add(new Word(word, matcher.start()));
            }
        }
        return words;
    }
}
