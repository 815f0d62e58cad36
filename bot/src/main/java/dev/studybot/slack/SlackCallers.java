package dev.studybot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;
import dev.studybot.chat.Caller;
import dev.studybot.domain.Member;
import dev.studybot.domain.Place;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who acts: the member from the payload's user, and whether Slack says they are an admin: a workspace admin or
 * owner ({@code users.info}, cached briefly). The configured admins are added by the middleware, as on every platform.
 */
final class SlackCallers {

    static final Duration CACHE_FOR = Duration.ofMinutes(5);
    static final Duration FAILURE_CACHE_FOR = Duration.ofSeconds(30);

    private final MethodsClient client;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(boolean admin, Instant until) {
    }

    SlackCallers(MethodsClient client) {
        this(client, Clock.systemUTC());
    }

    SlackCallers(MethodsClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    Caller caller(Place place, String userId, String userName) {
        Member member = new Member(SlackAdapter.PLATFORM, userId, userName == null || userName.isBlank() ? userId : userName);
        return new Caller(member, place, admin(place.groupId(), userId));
    }

    boolean admin(String teamId, String userId) {
        String key = teamId + ":" + userId;
        Instant now = clock.instant();
        Cached cached = cache.get(key);
        if (cached != null && now.isBefore(cached.until())) {
            return cached.admin();
        }
        boolean admin;
        Duration keep = CACHE_FOR;
        try {
            UsersInfoResponse response = client.usersInfo(r -> r.user(userId));
            User user = response.getUser();
            admin = response.isOk() && user != null && (user.isAdmin() || user.isOwner() || user.isPrimaryOwner());
            if (!response.isOk()) {
                keep = FAILURE_CACHE_FOR;
            }
        } catch (Exception e) {
            admin = false;
            keep = FAILURE_CACHE_FOR;
        }
        if (cache.size() > 10_000) {
            cache.clear();
        }
        cache.put(key, new Cached(admin, now.plus(keep)));
        return admin;
    }
}
