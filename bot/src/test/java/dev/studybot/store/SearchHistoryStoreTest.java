package dev.studybot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybot.domain.Member;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Lookups and the votes on them, on both engines: paging state, the latest lookup, one vote per member. */
@ParameterizedClass
@EnumSource(StoreEngine.class)
class SearchHistoryStoreTest {

    private static final Member ANN = new Member("slack", "U1", "Ann");
    private static final Member BOB = new Member("slack", "U2", "Bob");
    private static final Instant T0 = Instant.parse("2026-12-02T09:00:00Z");

    @Parameter
    StoreEngine engine;

    @TempDir
    Path dir;
    private SqlStudyStore store;
    private SearchHistory searches;

    @BeforeEach
    void open() {
        store = engine.open(engine.freshDatabase(dir));
        searches = store.searches();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aLookupIsKeptWithWhatItsMemberHasSeenAndTheLatestIsFound() {
        String first = searches.record(ANN, "spot notice", 3,
                Optional.of(new SearchHistory.TopResult("ec2.md:12", "two-minute warning")), T0);
        String second = searches.record(ANN, "gp3 iops", 3, Optional.empty(), T0.plusSeconds(60));
        assertFalse(first.equals(second), "each lookup its own id");

        searches.shown(first, 6);
        assertEquals(new SearchHistory.Lookup(first, ANN.key(), "spot notice", 6), searches.lookup(first).orElseThrow());
        assertEquals(second, searches.latest(ANN.key()).orElseThrow().id());
        assertTrue(searches.latest(BOB.key()).isEmpty());
        assertTrue(searches.lookup("nosuchlookup").isEmpty());
    }

    @Test
    void votesAreOnePerMemberAndAddUpPerLookup() {
        String spot = searches.record(ANN, "spot notice", 3,
                Optional.of(new SearchHistory.TopResult("ec2.md:12", "two-minute warning")), T0);
        String nothing = searches.record(BOB, "kubernetes", 3, Optional.empty(), T0.plusSeconds(5));
        searches.record(BOB, "not voted on", 3, Optional.empty(), T0.plusSeconds(9));

        assertTrue(searches.vote(spot, ANN, false, T0.plusSeconds(10)));
        assertTrue(searches.vote(spot, ANN, true, T0.plusSeconds(20)));
        assertTrue(searches.vote(spot, BOB, true, T0.plusSeconds(30)));
        assertTrue(searches.vote(nothing, BOB, false, T0.plusSeconds(40)));
        assertFalse(searches.vote("nosuchlookup", ANN, true, T0));

        assertEquals(List.of(
                new SearchHistory.Voted(spot, "spot notice", Optional.of(new SearchHistory.TopResult("ec2.md:12",
                        "two-minute warning")), 2, 0),
                new SearchHistory.Voted(nothing, "kubernetes", Optional.empty(), 0, 1)), searches.voted());
    }
}
