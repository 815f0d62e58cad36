package dev.studybot.command;

import dev.studybot.domain.Place;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word of a command that may name a channel: "here", {@code #name}, or a platform's channel mention
 * ({@code <#C123|name>} on Slack, {@code <#123>} on Discord). Commands work on the channel they are run in,
 * so a named channel counts only when it is that one.
 */
public final class ChannelWord {

    private static final Pattern MENTION = Pattern.compile("<#([A-Za-z0-9]+)(?:\\|([^>]*))?>");

    public enum Meaning { THIS_CHANNEL, OTHER_CHANNEL, NOT_A_CHANNEL }

    private ChannelWord() {
    }

    public static Meaning read(String word, Place here) {
        if (word.equalsIgnoreCase("here") || word.equalsIgnoreCase("channel")) {
            return Meaning.THIS_CHANNEL;
        }
        Matcher mention = MENTION.matcher(word);
        if (mention.matches()) {
            return mention.group(1).equals(here.channelId()) ? Meaning.THIS_CHANNEL : Meaning.OTHER_CHANNEL;
        }
        if (word.startsWith("#") && word.length() > 1) {
            return word.substring(1).equalsIgnoreCase(here.channelName()) ? Meaning.THIS_CHANNEL : Meaning.OTHER_CHANNEL;
        }
        return Meaning.NOT_A_CHANNEL;
    }
}
