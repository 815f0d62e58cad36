package dev.studybot.chat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A moment inside the bot's text that each platform shows in the reader's own time zone (Slack's
 * {@code <!date^…>}, Discord's {@code <t:…>}), with a plain form in the channel's zone for the console, notifications
 * and clients that cannot. The core puts {@link #token()} into a reply's text; each renderer replaces it.
 *
 * @param plain the moment as text in the channel's zone, e.g. {@code Wed 2 Dec at 18:11 (Europe/Berlin)}
 */
public record ReaderTime(Instant at, String plain) {

    /** Private-use characters around a token: never in notes, and kept apart from {@link Markup}'s characters. */
    private static final char START = '\uE0F0';
    private static final char END = '\uE0F1';
    private static final Pattern TOKEN = Pattern.compile(START + "(-?\\d{1,12})\\|([^" + END + "]*)" + END);
    private static final DateTimeFormatter PLAIN = DateTimeFormatter.ofPattern("EEE d MMM 'at' HH:mm", Locale.ENGLISH);

    public ReaderTime {
        plain = plain.replace(String.valueOf(END), "");
    }

    /** The moment, with its plain form in {@code zone}. */
    public static ReaderTime of(Instant at, ZoneId zone) {
        return new ReaderTime(at, PLAIN.format(at.atZone(zone)) + " (" + zone.getId() + ")");
    }

    /** What to put into a reply's text. */
    public String token() {
        return START + String.valueOf(at.getEpochSecond()) + "|" + plain + END;
    }

    public long epochSecond() {
        return at.getEpochSecond();
    }

    /** {@code text} with each moment in it as {@code shown} renders it. */
    public static String render(String text, Function<ReaderTime, String> shown) {
        if (text.indexOf(START) < 0) {
            return text;
        }
        Matcher token = TOKEN.matcher(text);
        StringBuilder out = new StringBuilder();
        while (token.find()) {
            ReaderTime time = new ReaderTime(Instant.ofEpochSecond(Long.parseLong(token.group(1))), token.group(2));
            token.appendReplacement(out, Matcher.quoteReplacement(shown.apply(time)));
        }
        token.appendTail(out);
        return out.toString();
    }

    /** {@code text} with each moment in its plain form. */
    public static String plain(String text) {
        return render(text, ReaderTime::plain);
    }

    /** Whether {@code text} holds a moment. */
    public static boolean in(String text) {
        return text.indexOf(START) >= 0 && TOKEN.matcher(text).find();
    }
}
