package dev.studybot.console;

import dev.studybot.chat.Caller;
import dev.studybot.chat.ChatHandler;
import dev.studybot.chat.ChatPlatform;
import dev.studybot.chat.Interaction;
import dev.studybot.chat.Poster;
import dev.studybot.chat.Reply;
import dev.studybot.domain.Member;
import dev.studybot.domain.Place;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The console adapter: a chat in a terminal, or a script on stdin. Each line may start with
 * {@code @user} and {@code #channel}; {@code /study ...} is a command, a button key like {@code 12b}
 * presses that button, any other text is looked up in the notes. Everyone is an admin here, unless
 * the session names its admins (then the middleware's admin overrides say who is).
 */
public final class ConsoleChat implements ChatPlatform {

    public static final String PLATFORM = "console";
    private static final String GROUP = "console";

    private final BufferedReader in;
    private final PrintWriter out;
    private final boolean interactive;
    private final boolean everyoneIsAdmin;
    /** The buttons shown so far, also by the scheduled posts, whose keys a line may type. */
    private final ConsoleButtons buttons = new ConsoleButtons();
    private final ConsoleFiles files;
    private ChatHandler chat;
    private String user = "you";
    private String channel = "general";

    /**
     * @param interactive     a person at a terminal: show a prompt; otherwise print each line before its reply, so a
     *                        scripted session reads as a transcript
     * @param everyoneIsAdmin whether everyone may use the admin commands (no admins named)
     * @param dataDirectory   where the files replies carry (the leaderboard chart) are saved, in a folder of their own
     */
    public ConsoleChat(BufferedReader in, PrintWriter out, boolean interactive, boolean everyoneIsAdmin,
                       Path dataDirectory) {
        this.in = in;
        this.out = out;
        this.interactive = interactive;
        this.everyoneIsAdmin = everyoneIsAdmin;
        this.files = new ConsoleFiles(dataDirectory);
    }

    @Override
    public String name() {
        return PLATFORM;
    }

    /** Shows the bot's own posts between the replies. */
    @Override
    public Poster poster() {
        return new ConsolePoster(out, buttons);
    }

    /** Hands each line to {@code chat} until the end of input or {@code quit}: the console is the foreground. */
    @Override
    public void start(ChatHandler chat) {
        this.chat = chat;
        try {
            while (true) {
                if (interactive) {
                    out.print("@" + user + " #" + channel + "> ");
                    out.flush();
                }
                String line = in.readLine();
                if (line == null || !handle(line)) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the console's input: " + e.getMessage(), e);
        }
        out.flush();
    }

    @Override
    public void close() {
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
        if (!interactive) {
            synchronized (out) {
                out.println("> @" + user + " #" + channel + " " + text);
            }
        }
        Caller caller = new Caller(new Member(PLATFORM, user, user), new Place(PLATFORM, GROUP, GROUP, channel, channel),
                everyoneIsAdmin);
        Reply reply = files.saved(chat.handle(interaction(caller, text, lower)));
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
        String action = buttons.action(key);
        if (action != null) {
            return new Interaction.Press(caller, action);
        }
        if (key.equals("more")) {
            // No "More results" shown in this session (a restart): the bot takes it as the member's latest lookup.
            return new Interaction.Press(caller, "more-results");
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
