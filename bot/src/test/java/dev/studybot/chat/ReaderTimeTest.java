package dev.studybot.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ReaderTimeTest {

    private static final Instant AT = Instant.parse("2026-12-01T17:11:00Z");

    @Test
    void thePlainFormIsInTheChannelsZoneAndEveryTokenInATextIsRendered() {
        ReaderTime berlin = ReaderTime.of(AT, ZoneId.of("Europe/Berlin"));
        assertEquals("Tue 1 Dec at 18:11 (Europe/Berlin)", berlin.plain());
        String text = "from " + berlin.token() + " to " + ReaderTime.of(AT.plusSeconds(3600), ZoneId.of("UTC")).token();

        assertTrue(ReaderTime.in(text));
        assertEquals("from Tue 1 Dec at 18:11 (Europe/Berlin) to Tue 1 Dec at 18:11 (UTC)", ReaderTime.plain(text));
        assertEquals("from <" + AT.getEpochSecond() + "> to <" + (AT.getEpochSecond() + 3600) + ">",
                ReaderTime.render(text, time -> "<" + time.epochSecond() + ">"));
        assertFalse(ReaderTime.in("no time here"));
        assertEquals("no time here", ReaderTime.plain("no time here"));
    }
}
