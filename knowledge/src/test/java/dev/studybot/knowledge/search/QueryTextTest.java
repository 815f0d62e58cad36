package dev.studybot.knowledge.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class QueryTextTest {

    @Test
    void controlCharactersAndWhiteSpaceRunsAreCleaned() {
        assertEquals("", QueryText.clean(null));
        assertEquals("", QueryText.clean(" \t\r\n "));
        assertEquals("spot instance interruption", QueryText.clean("  spot\t\tinstance\u0000\n interruption \u0007"));
        assertEquals("归档 层", QueryText.clean("归档\u3000层"));
    }
}
