package dev.studybot.console;

import dev.studybot.chat.Button;
import dev.studybot.chat.Reply;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The buttons shown in the console so far (the latest few hundred), by key: typing a key presses its button.
 * Shared by the replies and the scheduled posts, which print from different threads.
 */
public final class ConsoleButtons {

    private static final int REMEMBERED = 500;

    private final Map<String, String> actions = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED;
        }
    };

    synchronized void remember(Reply reply) {
        for (Button button : reply.buttons()) {
            if (button.live()) {
                actions.put(button.key().toLowerCase(Locale.ROOT), button.action());
            }
        }
    }

    /** The action of the button with this key; answer keys also for questions shown before a restart. */
    synchronized String action(String key) {
        String shown = actions.get(key.toLowerCase(Locale.ROOT));
        return shown != null ? shown : Button.answerActionForKey(key);
    }
}
