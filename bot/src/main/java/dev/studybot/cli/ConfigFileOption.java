package dev.studybot.cli;

import dev.studybot.config.ConfigLoader;
import dev.studybot.config.StudybotConfig;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --config FILE}: which configuration file a command reads, for commands that need its settings. */
final class ConfigFileOption {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file. Default: $STUDYBOT_CONFIG, else config/studybot.yml if present,"
                    + " else built-in defaults")
    Path file;

    /** The configuration file with the environment applied. */
    StudybotConfig load(Map<String, String> env) {
        return ConfigLoader.load(file, env);
    }
}
