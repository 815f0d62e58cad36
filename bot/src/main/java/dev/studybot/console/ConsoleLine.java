package dev.studybot.console;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One typed line: optional {@code @user} and {@code #channel} in front (either order), then the text.
 *
 * @param user    who acts, or null for the session's current user
 * @param channel where, or null for the current channel
 */
record ConsoleLine(String user, String channel, String text) {

    private static final Pattern PREFIX = Pattern.compile("^([@#])([\\p{L}\\p{N}._-]{1,40})(?:\\s+|$)");

    static ConsoleLine parse(String line) {
        String rest = line.strip();
        String user = null;
        String channel = null;
        for (int i = 0; i < 2; i++) {
            Matcher m = PREFIX.matcher(rest);
            if (!m.find()) {
                break;
            }
            if (m.group(1).equals("@") && user == null) {
                user = m.group(2);
            } else if (m.group(1).equals("#") && channel == null) {
                channel = m.group(2);
            } else {
                break;
            }
            rest = rest.substring(m.end());
        }
        return new ConsoleLine(user, channel, rest.strip());
    }
}
