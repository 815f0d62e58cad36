package dev.studybot.console;

import dev.studybot.chat.Caller;
import dev.studybot.chat.Interaction;
import dev.studybot.chat.Reply;
import dev.studybot.domain.Member;
import dev.studybot.domain.Place;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * The console adapter: a chat in a terminal, or a script on stdin. Each line may start with
 * {@code @user} and {@code #channel}; {@code /study ...} is a command, a button key like {@code 12b}
 * presses that button, any other text is looked up in the notes. Everyone is an admin here, unless
 * the session names its admins.
 */
public final class ConsoleChat {

    public static final String PLATFORM = "console";
    private static final String GROUP = "console";

    private final Function<Interaction, Reply> bot;
    private final PrintWriter out;
    private final boolean echo;
    private final Set<String> admins;
    private final ConsoleButtons buttons;
    private String user = "you";
    private String channel = "general";

    /**
     * @param echo   print each line before its reply, so a scripted session reads as a transcript
     * @param admins  who may change the schedule; empty: everyone
     * @param buttons the buttons shown so far, also by the scheduled posts, whose keys a line may type
     */
    public ConsoleChat(Function<Interaction, Reply> bot, PrintWriter out, boolean echo, Set<String> admins,
                       ConsoleButtons buttons) {
        this.bot = bot;
        this.buttons = buttons;
        this.out = out;
        this.echo = echo;
        this.admins = Set.copyOf(admins);
    }

    /** Reads lines until the end of input or {@code quit}. */
    public void run(BufferedReader in, boolean prompt) throws IOException {
        while (true) {
            if (prompt) {
                out.print("@" + user + " #" + channel + "> ");
                out.flush();
            }
            String line = in.readLine();
            if (line == null || !handle(line)) {
                break;
            }
        }
        out.flush();
    }

    /** Handles one line; false when it asks to quit. */
    boolean handle(String raw) {
        ConsoleLine line = ConsoleLine.parse(raw);
        if (line.user() != null) {
            user = line.user();
        }
        if (line.channel() != null) {
            channel = line.channel();
        }
        String text = line.text();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("quit") || lower.equals("exit")) {
            return false;
        }
        if (text.isEmpty()) {
            return true;
        }
        if (echo) {
            synchronized (out) {
                out.println("> @" + user + " #" + channel + " " + text);
            }
        }
        Caller caller = new Caller(new Member(PLATFORM, user, user), new Place(PLATFORM, GROUP, GROUP, channel, channel),
                admins.isEmpty() || admins.contains(user));
        Reply reply = bot.apply(interaction(caller, text, lower));
        buttons.remember(reply);
        synchronized (out) {
            out.println(ConsoleRenderer.render(reply, user, channel));
            out.flush();
        }
        return true;
    }

    private Interaction interaction(Caller caller, String text, String lower) {
        if (lower.equals("/study") || lower.startsWith("/study ")) {
            return new Interaction.Text(caller, text.substring("/study".length()).strip());
        }
        String key = lower.startsWith("press ") ? lower.substring("press ".length()).strip() : lower;
        if (key.equals("more")) {
            return new Interaction.Press(caller, "more-results");
        }
        String action = buttons.action(key);
        if (action != null) {
            return new Interaction.Press(caller, action);
        }
        if (lower.equals("help") || lower.equals("/help")) {
            return new Interaction.Text(caller, "help");
        }
        if (lower.startsWith("/")) {
            return new Interaction.Text(caller, text.substring(1));
        }
        return new Interaction.Text(caller, "search " + text);
    }
}
