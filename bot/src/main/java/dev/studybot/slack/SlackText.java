package dev.studybot.slack;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The words of a Slack message as a person reads them: its mention, channel and link markup taken out. */
final class SlackText {

    /** {@code <...>} markup: {@code <@U1>}, {@code <#C1|general>}, {@code <!here>}, {@code <https://x|label>}. */
    private static final Pattern MARKUP = Pattern.compile("<([^<>|]*)(?:\\|([^<>]*))?>");

    private SlackText() {
    }

    static String plain(String text) {
        if (text == null) {
            return "";
        }
        Matcher markup = MARKUP.matcher(text);
        StringBuilder out = new StringBuilder();
        while (markup.find()) {
            String target = markup.group(1);
            String label = markup.group(2);
            String shown;
            if (target.startsWith("@") || target.startsWith("!")) {
                shown = "";   // people and @here are not words to look up
            } else if (label != null) {
                shown = label;
            } else {
                shown = target.startsWith("#") ? "" : target;
            }
            markup.appendReplacement(out, Matcher.quoteReplacement(shown));
        }
        markup.appendTail(out);
        // Slack escapes only these three in message text.
        return out.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").strip();
    }
}
