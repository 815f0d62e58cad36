package dev.studybot.cli;

import dev.studybot.ops.Heartbeat;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "health", description = "Exit 0 when a bot using this data folder is running (for container health checks).")
final class HealthCommand implements Callable<Integer> {

    @Mixin
    ConfigFileOption config;

    @Option(names = "--data", paramLabel = "DIR",
            description = "The bot's data folder. Default: $STUDYBOT_DATA, else data in the configuration, else data")
    Path data;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path folder = data != null ? data : config.load(System.getenv()).data();
        String problem = Heartbeat.problem(folder, Clock.systemUTC());
        if (problem != null) {
            spec.commandLine().getErr().println("unhealthy: " + problem);
            return 1;
        }
        spec.commandLine().getOut().println("healthy");
        return 0;
    }
}
