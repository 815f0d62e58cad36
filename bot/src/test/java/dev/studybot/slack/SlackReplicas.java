package dev.studybot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.studybot.config.DatabaseLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Several {@code studybot run} processes in Slack HTTP mode on one PostgreSQL database, each with its own data folder
 * (its own search index of the same notes), all talking to one {@link FakeSlack}: the replicas a load balancer would
 * have behind it.
 */
final class SlackReplicas implements AutoCloseable {

    static final Duration START_WAIT = Duration.ofSeconds(120);

    /** One replica: its process, where its JSON log goes, and its HTTP port. */
    record Replica(String name, Process process, Path log, int port) {

        /** The log events of this replica with {@code message}. */
        List<JsonNode> events(String message) throws IOException {
            List<JsonNode> events = new ArrayList<>();
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                if (line.contains(message)) {
                    JsonNode event = FakeSlack.JSON.readTree(line);
                    if (event.path("message").asText().equals(message)) {
                        events.add(event);
                    }
                }
            }
            return events;
        }

        void kill() throws InterruptedException {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }

        String lastLogLines(int count) {
            try {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
            } catch (IOException e) {
                return "(no log: " + e.getMessage() + ")";
            }
        }
    }

    private final List<Replica> replicas = new ArrayList<>();

    private SlackReplicas() {
    }

    /**
     * Starts {@code count} replicas at once and waits until each listens. {@code env} adds settings (the same for
     * every replica) to the database, Slack and notes ones.
     */
    static SlackReplicas start(int count, FakeSlack slack, DatabaseLocation database, String password, Path notes,
                               Path dir, Map<String, String> env) throws IOException {
        SlackReplicas started = new SlackReplicas();
        List<Process> processes = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                String name = "replica-" + (i + 1);
                Path log = dir.resolve(name + ".log");
                ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                        "dev.studybot.cli.StudybotCommand", "run", "--notes", notes.toString(),
                        "--data", dir.resolve(name).toString())
                        .redirectOutput(dir.resolve(name + ".out").toFile())
                        .redirectError(log.toFile());
                Map<String, String> environment = builder.environment();
                onFakeSlack(environment, slack);
                environment.put("STUDYBOT_SLACK_BIND_ADDRESS", "127.0.0.1");
                environment.put("STUDYBOT_DB", database.toString());
                environment.put(DatabaseLocation.PASSWORD_VARIABLE, password);
                environment.putAll(env);
                processes.add(builder.start());
                started.replicas.add(new Replica(name, processes.get(i), log, -1));
            }
            for (int i = 0; i < count; i++) {
                Replica starting = started.replicas.get(i);
                started.replicas.set(i, new Replica(starting.name(), starting.process(), starting.log(),
                        awaitPort(starting)));
            }
            return started;
        } catch (IOException | RuntimeException | AssertionError e) {
            started.close();
            throw e;
        }
    }

    /**
     * Sets a {@code studybot run} process's environment for Slack HTTP mode on a free port, talking to {@code slack}
     * only: whatever Slack, Discord or studybot settings the environment had are dropped.
     */
    static void onFakeSlack(Map<String, String> environment, FakeSlack slack) {
        environment.keySet().removeIf(key -> key.startsWith("SLACK_") || key.startsWith("DISCORD_")
                || key.startsWith("STUDYBOT_"));
        environment.put("SLACK_BOT_TOKEN", SlackHttpModeTest.BOT_TOKEN);
        environment.put("SLACK_SIGNING_SECRET", SlackHttpModeTest.SIGNING_SECRET);
        environment.put("STUDYBOT_SLACK_PORT", "0");
        environment.put("STUDYBOT_SLACK_API_URL", slack.apiUrl());
    }

    private static int awaitPort(Replica replica) {
        try {
            return Awaitility.await(replica.name() + " listening").atMost(START_WAIT).pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        if (!replica.process().isAlive()) {
                            throw new AssertionError(replica.name() + " exited: " + replica.lastLogLines(40));
                        }
                        return replica.events("studybot is on Slack").stream().findFirst();
                    }, Optional::isPresent)
                    .orElseThrow().path("port").asInt();
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(replica.name() + " did not start within " + START_WAIT + ": "
                    + replica.lastLogLines(40), e);
        }
    }

    List<Replica> all() {
        return List.copyOf(replicas);
    }

    List<Integer> ports() {
        return replicas.stream().map(Replica::port).toList();
    }

    /** What each replica logged last, for a failure message. */
    String lastLogLines(int count) {
        StringBuilder out = new StringBuilder();
        for (Replica replica : replicas) {
            out.append("\n--- ").append(replica.name()).append(":\n").append(replica.lastLogLines(count));
        }
        return out.toString();
    }

    @Override
    public void close() {
        for (Replica replica : replicas) {
            replica.process().destroyForcibly();
        }
        for (Replica replica : replicas) {
            try {
                replica.process().waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
