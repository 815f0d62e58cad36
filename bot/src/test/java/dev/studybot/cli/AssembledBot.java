package dev.studybot.cli;

import dev.studybot.chat.ChatHandler;
import dev.studybot.chat.ChatPlatform;
import dev.studybot.config.StudybotConfig;
import dev.studybot.store.SqlStudyStore;
import dev.studybot.study.StudyBot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import picocli.CommandLine;

/**
 * The bot as the program assembles it ({@link BotAssembly}: index, questions, SQLite, question of the day, notes
 * watcher, middleware chain) behind a platform of the test's: the options are the console's, read as the command
 * line reads them, and the environment is left out.
 */
public final class AssembledBot implements AutoCloseable {

    private final ChatPlatform platform;
    private final BotAssembly parts;
    private final ChatHandler chat;
    private final List<String> warnings = new CopyOnWriteArrayList<>();

    private AssembledBot(Function<SqlStudyStore, ChatPlatform> platform, Path notes, Path dir, String... options) {
        List<String> args = new ArrayList<>(List.of("--notes", notes.toString(), "--data", dir.resolve("data").toString(),
                "--db", dir.resolve("studybot.db").toString()));
        args.addAll(List.of(options));
        ConsoleCommand console = CommandLine.populateCommand(new ConsoleCommand(), args.toArray(String[]::new));
        StudybotConfig config = console.resolve(Map.of());
        this.parts = new BotAssembly(console.notes, console.db, config, console.seed, warnings::add);
        try {
            this.platform = platform.apply(parts.store);
            StudyBot bot = parts.start(this.platform.poster(), console.settings(), console.seed);
            this.chat = parts.chat(bot);
        } catch (RuntimeException e) {
            parts.close();
            throw e;
        }
    }

    /**
     * Assembles the bot over {@code notes}, with its data in {@code dir/data} and its database {@code dir/studybot.db},
     * and starts {@code platform} in front of it.
     *
     * @param options more of the console's options, e.g. {@code "--admins", "alice"}
     */
    public static AssembledBot on(ChatPlatform platform, Path notes, Path dir, String... options) {
        return on(store -> platform, notes, dir, options);
    }

    /** Like {@link #on(ChatPlatform, Path, Path, String...)}, with a platform made on the bot's store. */
    public static AssembledBot on(Function<SqlStudyStore, ChatPlatform> platform, Path notes, Path dir,
                                  String... options) {
        AssembledBot assembled = new AssembledBot(platform, notes, dir, options);
        try {
            assembled.platform.start(assembled.chat);
        } catch (RuntimeException e) {
            assembled.close();
            throw e;
        }
        return assembled;
    }

    /** The middleware chain in front of the bot, as the platform has it. */
    public ChatHandler chat() {
        return chat;
    }

    public SqlStudyStore store() {
        return parts.store;
    }

    /** What the assembly said about the notes (bad files, bank problems). */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** The platform first, then the rest, as the program shuts down. */
    @Override
    public void close() {
        try {
            platform.close();
        } finally {
            parts.close();
        }
    }
}
