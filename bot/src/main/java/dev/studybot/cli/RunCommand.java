package dev.studybot.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Starts the bot on the platforms whose tokens are configured; the console when there are none. */
@Command(name = "run", description = "Start the bot: Slack and Discord when their tokens are set, else the console.")
final class RunCommand implements Callable<Integer> {

    @Mixin
    ConsoleCommand console;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        boolean tokens = System.getenv("SLACK_BOT_TOKEN") != null || System.getenv("DISCORD_TOKEN") != null;
        String banner = tokens ? "Slack and Discord are not supported yet; starting the console instead." : null;
        console.spec = spec;
        return console.run(spec.commandLine().getOut(), banner);
    }
}
