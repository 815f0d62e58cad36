package dev.studybot.knowledge.questions;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybot.knowledge.analysis.Synonyms;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GiveawaysTest {

    private static final Giveaways GIVEAWAYS = new Giveaways(Synonyms.none(), ServiceCatalogue.none());

    private static boolean reveals(String answer, String text) {
        Set<String> terms = GIVEAWAYS.of(answer, "");
        return Giveaways.reveals(text, terms);
    }

    @Test
    void aCloseSpellingOfTheAnswerGivesItAway() {
        assertTrue(reveals("Fail or Succeed state", "stop an execution with failure or success"));
        assertTrue(reveals("Direct Connect", "the connection is private"));
        assertTrue(reveals("Data Migration", "migrate a database while it runs"));
        assertTrue(reveals("Metric Streams", "send metrics on as they come"));
    }

    @Test
    void aCommonShortWordOrALongerWordStartingLikeTheAnswerDoesNot() {
        assertFalse(reveals("DataSync", "copies data between stores"), "data is only the start of the name");
        assertFalse(reveals("Timestream", "a database for time series"), "time is only the start of the name");
        assertFalse(reveals("Standard queue", "a standby takes over"), "four shared letters are no root");
    }

    @Test
    void anAcronymTheAnswerIsBuiltOnGivesItAway() {
        assertTrue(reveals("FSx OpenZFS", "move workloads running on ZFS to the cloud"));
        assertFalse(reveals("FSx OpenZFS", "move workloads running on DB servers to the cloud"));
    }
}
