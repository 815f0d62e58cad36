package dev.studybot.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;
import dev.studybot.chat.Caller;
import dev.studybot.domain.Member;
import dev.studybot.domain.Place;
import java.time.Duration;

/**
 * Who acts: the member from the payload's user, named as Slack shows them (the profile's display name, else their
 * full name; payloads carry only the legacy username), and whether Slack says they are an admin: a workspace admin
 * or owner. Both come from one {@code users.info} call, cached briefly. The configured admins are added by the
 * middleware, as on every platform.
 */
final class SlackCallers {

    static final Duration CACHE_FOR = Duration.ofMinutes(5);
    /** A failed lookup is retried sooner, so a Slack hiccup does not keep an admin out for long. */
    static final Duration FAILURE_CACHE_FOR = Duration.ofSeconds(30);

    private final SlackClients clients;
    private final Cache<String, Profile> profiles = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfter(Expiry.creating((String key, Profile profile) -> profile.found() ? CACHE_FOR : FAILURE_CACHE_FOR))
            .build();

    /** What users.info said: their name as shown (null if unknown) and whether they are an admin. */
    private record Profile(boolean found, String displayName, boolean admin) {
        static final Profile UNKNOWN = new Profile(false, null, false);
    }

    SlackCallers(SlackClients clients) {
        this.clients = clients;
    }

    Caller caller(Place place, String userId, String userName) {
        Profile profile = profile(place.groupId(), userId);
        String name = profile.displayName() != null ? profile.displayName()
                : userName == null || userName.isBlank() ? userId : userName;
        return new Caller(new Member(SlackAdapter.PLATFORM, userId, name), place, profile.admin());
    }

    boolean admin(String teamId, String userId) {
        return profile(teamId, userId).admin();
    }

    private Profile profile(String teamId, String userId) {
        return profiles.get(teamId + ":" + userId, key -> lookUp(teamId, userId));
    }

    private Profile lookUp(String teamId, String userId) {
        try {
            UsersInfoResponse response = clients.of(teamId).usersInfo(r -> r.user(userId));
            User user = response.getUser();
            if (!response.isOk() || user == null) {
                return Profile.UNKNOWN;
            }
            return new Profile(true, shownName(user), user.isAdmin() || user.isOwner() || user.isPrimaryOwner());
        } catch (Exception e) {
            return Profile.UNKNOWN;
        }
    }

    /** Slack's own order: the display name a member chose, else their full name. */
    private static String shownName(User user) {
        User.Profile profile = user.getProfile();
        if (profile != null && notBlank(profile.getDisplayName())) {
            return profile.getDisplayName();
        }
        if (profile != null && notBlank(profile.getRealName())) {
            return profile.getRealName();
        }
        return notBlank(user.getRealName()) ? user.getRealName() : null;
    }

    private static boolean notBlank(String text) {
        return text != null && !text.isBlank();
    }
}
