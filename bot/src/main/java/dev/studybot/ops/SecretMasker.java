package dev.studybot.ops;

import com.fasterxml.jackson.core.JsonStreamContext;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import net.logstash.logback.mask.ValueMasker;

/**
 * Masks secrets in every string a log line carries (message, arguments, stack traces): the values of
 * environment variables named like secrets, and anything shaped like a Slack or Discord token, in case a
 * library or an error message repeats one that came from elsewhere.
 */
public final class SecretMasker implements ValueMasker {

    static final String MASK = "****";
    private static final Pattern SECRET_NAME = Pattern.compile(".*(TOKEN|SECRET|PASSWORD|API_KEY)");
    /** Short values (a "1" or "true") would mask ordinary words; real secrets are long. */
    private static final int MIN_SECRET_LENGTH = 8;
    private static final Pattern TOKEN_SHAPES = Pattern.compile(
            "\\bxox[a-z]-[A-Za-z0-9-]{8,}|\\bxapp-[A-Za-z0-9-]{8,}"
                    + "|\\b[A-Za-z0-9_-]{23,28}\\.[A-Za-z0-9_-]{6,7}\\.[A-Za-z0-9_-]{27,}");

    private final List<String> secrets;

    SecretMasker(Map<String, String> environment) {
        secrets = environment.entrySet().stream()
                .filter(e -> SECRET_NAME.matcher(e.getKey()).matches())
                .map(Map.Entry::getValue)
                .filter(value -> value != null && value.strip().length() >= MIN_SECRET_LENGTH)
                .map(String::strip)
                .distinct()
                // A secret that contains another must be masked first.
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    @Override
    public Object mask(JsonStreamContext context, Object value) {
        if (!(value instanceof CharSequence text)) {
            return null;
        }
        String original = text.toString();
        String masked = redact(original);
        return masked.equals(original) ? null : masked;
    }

    String redact(String text) {
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        return TOKEN_SHAPES.matcher(result).replaceAll(MASK);
    }
}
