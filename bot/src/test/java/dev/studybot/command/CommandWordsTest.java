package dev.studybot.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandWordsTest {

    private static List<String> texts(String typed) {
        return CommandWords.words(typed).stream().map(CommandWords.Word::text).toList();
    }

    @Test
    void quotedTextIsOneWordAndTheRestSplitsOnSpaces() {
        assertEquals(List.of("schedule", "set", "09:00", "load balancers", "s3"),
                texts("schedule  set 09:00 \"load balancers\" s3"));
        assertEquals(List.of("set", "Topic 05"), texts("set “ Topic 05 ”"));
        assertEquals(List.of("a", "unclosed quote"), texts("a \"unclosed quote"));
        assertEquals(List.of(), texts("  \"\"  "));
    }

    @Test
    void eachWordKnowsWhereItStartsSoTheRestCanBeTakenAsTyped() {
        assertEquals(List.of(0, 6, 14), CommandWords.words("find  \"spot\"  instance").stream()
                .map(CommandWords.Word::start).toList());
    }
}
