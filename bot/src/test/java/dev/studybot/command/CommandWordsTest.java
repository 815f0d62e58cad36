package dev.studybot.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandWordsTest {

    @Test
    void quotedTextIsOneWordAndTheRestSplitsOnSpaces() {
        assertEquals(List.of("schedule", "set", "09:00", "load balancers", "s3"),
                CommandWords.split("schedule  set 09:00 \"load balancers\" s3"));
        assertEquals(List.of("set", "Topic 05"), CommandWords.split("set “ Topic 05 ”"));
        assertEquals(List.of("a", "unclosed quote"), CommandWords.split("a \"unclosed quote"));
        assertEquals(List.of(), CommandWords.split("  \"\"  "));
    }
}
