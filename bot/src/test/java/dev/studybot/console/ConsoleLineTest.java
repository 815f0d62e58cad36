package dev.studybot.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.studybot.chat.Button;
import org.junit.jupiter.api.Test;

class ConsoleLineTest {

    @Test
    void userAndChannelPrefixesInEitherOrder() {
        assertEquals(new ConsoleLine("alice", "general", "/study quiz"), ConsoleLine.parse("@alice #general /study quiz"));
        assertEquals(new ConsoleLine("bob", "random", "12b"), ConsoleLine.parse("  #random @bob 12b"));
        assertEquals(new ConsoleLine(null, null, "what is #1 @ aws"), ConsoleLine.parse("what is #1 @ aws"));
        assertEquals(new ConsoleLine("carol", null, ""), ConsoleLine.parse("@carol"));
    }

    @Test
    void buttonKeysMapToAnswerActionsAndBack() {
        Button button = Button.answer(12, 1, "60 days");
        assertEquals("12b", button.key());
        assertEquals(button.action(), Button.answerActionForKey("12b"));
        long[] parsed = Button.parseAnswer(button.action());
        assertEquals(12, parsed[0]);
        assertEquals(1, parsed[1]);
        assertNull(Button.answerActionForKey("12z"));
        assertNull(Button.answerActionForKey("hello"));
        assertNull(Button.parseAnswer("answer:x:1"));
        assertNull(Button.parseAnswer(null));
    }
}
