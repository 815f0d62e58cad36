package dev.studybot.store;

import static dev.studybot.store.StoreFixtures.GENERAL;
import dev.studybot.config.DatabaseLocation;
import dev.studybot.domain.GroupKey;
import dev.studybot.game.AnswerOutcome;
import dev.studybot.domain.Place;
import dev.studybot.domain.Mode;
import dev.studybot.domain.Period;
import dev.studybot.domain.Scope;
import static dev.studybot.store.StoreFixtures.ANN;
import static dev.studybot.store.StoreFixtures.DAY;
import static dev.studybot.store.StoreFixtures.question;
import static dev.studybot.store.StoreFixtures.right;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Groups without a zone of their own follow the configured default, also when it changes between runs. */
@ParameterizedClass
@EnumSource(StoreEngine.class)
class DefaultTimeZoneTest {

    @Parameter
    StoreEngine engine;


    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Place FOLLOWS_DEFAULT = new Place("slack", "T1", "Acme", "C1", "general");
    private static final Place CHOSE_UTC = new Place("slack", "T2", "Beta", "C9", "general");
    // Sunday 2026-03-01 23:30 UTC: still week 9 in UTC, already Monday of week 10 in Berlin.
    private static final Instant ANSWERED = Instant.parse("2026-03-01T23:30:00Z");
    // Sunday 22:45 UTC: week 9 in both zones.
    private static final Instant SUNDAY_EVENING = Instant.parse("2026-03-01T22:45:00Z");

    @TempDir
    Path dir;

    @Test
    void groupsFollowTheDefaultZoneUntilOneIsChosenAndARecountFollowsAChangedDefault() {
        DatabaseLocation db = engine.freshDatabase(dir);
        try (SqlStudyStore store = engine.open(db, UTC)) {
            store.setTimeZone(new GroupKey("slack", "T2"), UTC);
            answer(store, FOLLOWS_DEFAULT, 1);
            answer(store, CHOSE_UTC, 2);
            assertEquals(List.of("U1"), weekLeaders(store, FOLLOWS_DEFAULT));
        }
        try (SqlStudyStore store = engine.open(db, BERLIN)) {
            assertEquals(BERLIN, store.timeZone(GENERAL.group()));
            assertEquals(UTC, store.timeZone(new GroupKey("slack", "T2")));
            assertEquals(BERLIN, store.timeZone(new GroupKey("slack", "T-unknown")));
            // Ann's answer moved to Berlin's week 10; the group that chose UTC still has it in week 9.
            assertEquals(List.of(), weekLeaders(store, FOLLOWS_DEFAULT));
            assertEquals(List.of("U1"), weekLeaders(store, CHOSE_UTC));

            Place newGroup = new Place("discord", "G1", "Gamma", "C1", "general");
            answer(store, newGroup, 3);
            assertEquals(BERLIN, store.timeZone(new GroupKey("discord", "G1")));
            assertEquals(List.of(), weekLeaders(store, newGroup));
        }
        try (SqlStudyStore store = engine.open(db, UTC)) {
            assertEquals(List.of("U1"), weekLeaders(store, FOLLOWS_DEFAULT));
        }
    }

    private static void answer(StudyStore store, Place place, int n) {
        long id = store.post(place, null, Mode.DAILY, question(n), ANSWERED.minusSeconds(600), ANSWERED.plus(DAY));
        assertInstanceOf(AnswerOutcome.Recorded.class, StoreFixtures.answer(store, id, ANN, place, right(question(n)), ANSWERED));
    }

    private static List<String> weekLeaders(StudyStore store, Place place) {
        return store.leaderboard(place, Scope.GROUP, Period.WEEK, null, 10, SUNDAY_EVENING).top().stream()
                .map(Leaderboard.Row::userId).toList();
    }
}
