package dev.studybot.study;

import dev.studybot.chat.Markup;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Time zone names as members type them: region names in any case ("europe/berlin"), UTC, offsets. */
final class ZoneNames {

    private static final Map<String, String> REGIONS_BY_LOWER_CASE = ZoneId.getAvailableZoneIds().stream()
            .collect(Collectors.toMap(id -> id.toLowerCase(Locale.ROOT), Function.identity(), (a, b) -> a));
    /** Words meant as a zone even when misspelt, so a typo gets an error instead of being read as a topic. */
    private static final Pattern ZONE_LIKE = Pattern.compile("(?i).*/.*|(utc|gmt|ut|z)?[+-]\\d.*|utc|gmt");

    private ZoneNames() {
    }

    static Optional<ZoneId> parse(String name) {
        String id = REGIONS_BY_LOWER_CASE.getOrDefault(name.toLowerCase(Locale.ROOT), name.toUpperCase(Locale.ROOT));
        try {
            return Optional.of(ZoneId.of(id));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    static boolean meantAsZone(String word) {
        return ZONE_LIKE.matcher(word).matches() || parse(word).isPresent();
    }

    static String unknown(String name) {
        return "\"" + Markup.literal(name) + "\" is not a time zone I know. Use a name like Europe/Berlin, America/New_York or UTC.";
    }
}
