package dev.studybot.slack;

import com.slack.api.bolt.service.OAuthStateService;
import dev.studybot.store.Installations;
import java.time.Clock;
import java.time.Duration;

/**
 * Bolt's {@link OAuthStateService} on the database, so that the redirect may reach another process than the install
 * link did. Bolt also checks the state against its cookie in the browser. Checking a state takes it: each is good for
 * one redirect, whether the code exchange then succeeds or not, and for {@link #EXPIRES_AFTER} at most.
 */
final class SlackOAuthStates implements OAuthStateService {

    static final Duration EXPIRES_AFTER = Duration.ofMinutes(10);

    private final Installations installations;
    private final Clock clock;

    SlackOAuthStates(Installations installations, Clock clock) {
        this.installations = installations;
        this.clock = clock;
    }

    @Override
    public long getExpirationInSeconds() {
        return EXPIRES_AFTER.toSeconds();
    }

    @Override
    public void addNewStateToDatastore(String state) {
        installations.addState(state, clock.instant().plus(EXPIRES_AFTER), clock.instant());
    }

    @Override
    public boolean isAvailableInDatabase(String state) {
        return installations.takeState(state, clock.instant());
    }

    /** Already taken by {@link #isAvailableInDatabase}. */
    @Override
    public void deleteStateFromDatastore(String state) {
    }
}
