package dev.studybot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybot.domain.Mention;
import dev.studybot.domain.Place;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Each channel's mention for its question of the day, on both engines: one per channel, replaced, removed. */
@ParameterizedClass
@EnumSource(StoreEngine.class)
class MentionStoreTest {

    private static final Place GENERAL = new Place("slack", "T1", "team", "C1", "general");
    private static final Place RANDOM = new Place("slack", "T1", "team", "C2", "random");
    private static final Place OTHER_TEAM = new Place("slack", "T2", "other", "C1", "general");

    @Parameter
    StoreEngine engine;

    @TempDir
    Path dir;
    private dev.studybot.config.DatabaseLocation database;
    private SqlStudyStore store;
    private MentionStore mentions;

    @BeforeEach
    void open() {
        database = engine.freshDatabase(dir);
        store = engine.open(database);
        mentions = store.mentions();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aChannelHasAtMostOneMentionWhichReplacesAndIsRemoved() {
        assertEquals(Optional.empty(), mentions.mention(GENERAL.channel()));
        assertFalse(mentions.removeMention(GENERAL.channel()), "nothing to remove");

        mentions.saveMention(GENERAL, new Mention("S0123ABCD", "@oncall"));
        mentions.saveMention(RANDOM, new Mention("S9999ZZZZ", "@random"));
        mentions.saveMention(GENERAL, new Mention("S0456EFGH", "@study"));
        assertEquals(Optional.of(new Mention("S0456EFGH", "@study")), mentions.mention(GENERAL.channel()));
        assertEquals(Optional.empty(), mentions.mention(OTHER_TEAM.channel()), "the same channel id in another team");

        assertTrue(mentions.removeMention(GENERAL.channel()));
        assertEquals(Optional.empty(), mentions.mention(GENERAL.channel()));
        assertEquals(Optional.of(new Mention("S9999ZZZZ", "@random")), mentions.mention(RANDOM.channel()),
                "other channels keep theirs");
    }

    @Test
    void aMentionOutlivesReopeningTheStore() {
        mentions.saveMention(GENERAL, new Mention("S0123ABCD", "@oncall"));
        store.close();
        store = engine.open(database);
        assertEquals(Optional.of(new Mention("S0123ABCD", "@oncall")), store.mentions().mention(GENERAL.channel()));
    }
}
