package dev.studybot.discord;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SIGTERM while a Discord reply is being worked on, in a separate JVM with two shards: JDA's own shutdown hooks must
 * not stop the shards' request queues before the adapter's graceful close has sent the reply, and the process must
 * exit soon after.
 */
@Timeout(60)
class DiscordSigtermTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private FakeDiscord discord;
    private Process child;
    private final Set<String> said = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void start() throws Exception {
        discord = new FakeDiscord();
        // Two shards, the interaction's guild on shard 1: closing must wait for the replies of every shard.
        discord.recommendedShards = 2;
        discord.maxConcurrency = 2;
    }

    @AfterEach
    void stop() throws Exception {
        if (child != null) {
            child.destroyForcibly().waitFor();
        }
        discord.close();
    }

    @Test
    void aReplyInFlightAtSigtermIsSentAndTheProcessExitsWithinSeconds() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DiscordShutdownChild.class.getName())
                .redirectErrorStream(true);
        builder.environment().put("DISCORD_TOKEN", FakeDiscord.TOKEN);
        builder.environment().put("DISCORD_GUILD_ID", FakeDiscord.GUILD_ID);
        builder.environment().put("STUDYBOT_DISCORD_API_URL", discord.apiUrl());
        builder.environment().put("STUDYBOT_DISCORD_GATEWAY_URL", discord.gatewayUrl());
        child = builder.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                out.lines().forEach(said::add);
            } catch (java.io.IOException | java.io.UncheckedIOException e) {
                // the child is gone
            }
        });
        reader.setDaemon(true);
        reader.start();
        await("the child is connected").atMost(WAIT).until(() -> said.contains("ready"));

        String id = FakeDiscord.snowflakeNow();
        discord.dispatch("INTERACTION_CREATE", discord.slash(id, "tok-sigterm", "study", null, "leaderboard",
                new ObjectMapper().createObjectNode().put("period", "all"), FakeDiscord.USER_ID, false));
        await("the bot is working on it").atMost(WAIT).until(() -> said.contains("working"));
        long terminated = System.nanoTime();
        // SIGTERM, as docker stop sends; through the handle, as Process.destroy() would also close the child's pipes.
        child.toHandle().destroy();
        await("the shutdown hook is closing the adapter").atMost(WAIT).until(() -> said.contains("closing"));
        // Only now does the command finish: its reply goes out during the graceful close.
        child.getOutputStream().write("done\n".getBytes(StandardCharsets.UTF_8));
        child.getOutputStream().flush();

        FakeDiscord.Request edit = discord.awaitRequest("PATCH",
                "webhooks/" + FakeDiscord.APP_ID + "/tok-sigterm/messages/@original", WAIT);
        assertEquals("Leaderboard", edit.body().path("embeds").get(0).path("title").asText());
        assertTrue(child.waitFor(8, TimeUnit.SECONDS), "the process exits within a few seconds of SIGTERM");
        assertTrue(Duration.ofNanos(System.nanoTime() - terminated).toSeconds() < 8);
    }
}
