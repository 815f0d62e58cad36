package dev.studybot.slack;

import com.google.gson.Gson;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.chat.ChatPostEphemeralResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import dev.studybot.chat.Poster;
import dev.studybot.chat.Reply;
import dev.studybot.domain.MessageRef;
import dev.studybot.domain.Place;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the adapter sends to Slack: replies through a request's {@code response_url} (without waiting for Slack's
 * answer), ephemeral messages, and posts on the bot's own initiative with {@code chat.postMessage}, kept up to date
 * with {@code chat.update} and threaded on with {@code thread_ts}.
 */
final class SlackReplies implements Poster {

    private static final Logger LOG = LoggerFactory.getLogger(SlackReplies.class);
    private static final Gson JSON = GsonFactory.createSnakeCase();
    /** Threads for the reply client's own work; its sends wait on no thread, so a few suffice. */
    private static final int REPLY_THREADS = 2;

    private final SlackClients clients;
    /**
     * HTTP/1.1: over plain http (a proxy, the loopback stand-in) the client's default HTTP/2 upgrade headers make some
     * servers close the connection after answering while the client keeps it for the next reply, which then fails.
     * A fixed pool: the client's default one starts a thread for nearly every reply under load, and starting threads
     * took more of the workers' time than the bot did.
     */
    private final ExecutorService replyThreads = Executors.newFixedThreadPool(REPLY_THREADS, runnable -> {
        Thread thread = new Thread(runnable, "slack-replies");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient responses = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(replyThreads).connectTimeout(Duration.ofSeconds(10)).build();
    private final SlackFiles files;
    private final Set<CompletableFuture<?>> underWay = ConcurrentHashMap.newKeySet();

    SlackReplies(SlackClients clients) {
        this.clients = clients;
        this.files = new SlackFiles(clients);
    }

    /**
     * Posts to a Slack channel (the question of the day, its reveal) and returns the channel and {@code ts} Slack
     * gave it; throws with a hint when Slack refuses.
     */
    @Override
    public MessageRef post(Place channel, Reply message) {
        ChatPostMessageResponse response = call(channel, "post to", () -> clients.of(channel.groupId()).chatPostMessage(r ->
                r.channel(channel.channelId()).text(SlackBlocks.fallbackText(message)).blocks(SlackBlocks.render(message))));
        share(message, channel.groupId(), channel.channelId());
        return new MessageRef(response.getChannel() == null ? channel.channelId() : response.getChannel(), response.getTs());
    }

    /**
     * Shares a reply's files (the leaderboard chart) under it in the channel; only a reply for everyone carries
     * them, since Slack has no file only one member sees. The upload takes three calls, the reply one, so the reply
     * is there first.
     */
    void share(Reply reply, String teamId, String channelId) {
        if (reply.privateTo()) {
            return;
        }
        for (Reply.Attachment file : reply.attachments()) {
            try {
                files.share(teamId, channelId, file);
            } catch (IOException | SlackApiException | RuntimeException e) {
                LOG.warn("Could not share {} in a Slack channel: {}", file.fileName(), e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Replaces a message the bot posted ({@code chat.update}, which {@code chat:write} allows). */
    @Override
    public void edit(Place channel, MessageRef message, Reply updated) {
        call(channel, "edit a message in", () -> clients.of(channel.groupId()).chatUpdate(r -> r.channel(message.channelId())
                .ts(message.messageId()).text(SlackBlocks.fallbackText(updated)).blocks(SlackBlocks.render(updated))));
    }

    /** Replies in the thread on a message the bot posted ({@code chat.postMessage} with {@code thread_ts}). */
    @Override
    public void inThread(Place channel, MessageRef message, Reply reply) {
        call(channel, "reply in a thread in", () -> clients.of(channel.groupId()).chatPostMessage(r -> r.channel(message.channelId())
                .threadTs(message.messageId()).text(SlackBlocks.fallbackText(reply)).blocks(SlackBlocks.render(reply))));
    }

    private interface WebApiCall<T extends SlackApiTextResponse> {
        T call() throws IOException, SlackApiException;
    }

    private static <T extends SlackApiTextResponse> T call(Place channel, String what, WebApiCall<T> call) {
        try {
            T response = call.call();
            if (!response.isOk()) {
                throw new IllegalStateException("Slack refused to " + what + " #" + channel.channelName() + ": "
                        + response.getError() + hint(response.getError()));
            }
            return response;
        } catch (IOException | SlackApiException e) {
            throw new IllegalStateException("Could not " + what + " Slack #" + channel.channelName() + ": "
                    + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * Posts a reply in a channel without a {@code response_url} to answer through: for everyone, or only for
     * {@code user} ({@code chat.postEphemeral}); a refusal is logged.
     */
    void inChannel(String teamId, String channel, String user, boolean privately, String text, List<LayoutBlock> blocks)
            throws IOException, SlackApiException {
        if (privately) {
            ephemeral(teamId, channel, user, text, blocks);
            return;
        }
        ChatPostMessageResponse response = clients.of(teamId).chatPostMessage(r -> r.channel(channel).text(text)
                .blocks(blocks));
        if (!response.isOk()) {
            LOG.warn("Slack chat.postMessage failed: {}{}", response.getError(), hint(response.getError()));
        }
    }

    void ephemeral(String teamId, String channel, String user, String text, List<LayoutBlock> blocks)
            throws IOException, SlackApiException {
        ChatPostEphemeralResponse response = clients.of(teamId).chatPostEphemeral(r -> r.channel(channel).user(user).text(text).blocks(blocks));
        if (!response.isOk()) {
            LOG.warn("Slack chat.postEphemeral failed: {}{}", response.getError(), hint(response.getError()));
        }
    }

    /**
     * Posts a reply to a {@code response_url} without waiting for Slack's answer, so a worker is free again at once
     * (with Slack's ~100 ms round trip, blocking posts capped the replies of 8 workers near 80 a second);
     * {@link #close} waits for the posts still under way.
     */
    void respond(String url, Object body, String what) {
        if (url == null || url.isBlank()) {
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.toJson(body), StandardCharsets.UTF_8)).build();
        send(request, what, true);
    }

    private void send(HttpRequest request, String what, boolean mayRetry) {
        CompletableFuture<HttpResponse<Void>> sent = responses.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        underWay.add(sent);
        sent.whenComplete((response, failure) -> {
            if (failure != null && mayRetry && failure.getCause() instanceof IOException) {
                // Mostly a kept-alive connection the other end had closed: the post never arrived. Once more, anew.
                send(request, what, false);
            } else if (failure != null) {
                LOG.warn("Sending the {} through response_url failed: {}", what, failure.toString());
            } else if (response.statusCode() != 200) {
                LOG.warn("Sending the {} through response_url failed with HTTP {}", what, response.statusCode());
            }
            underWay.remove(sent);
        });
    }

    /** How many replies have been sent and not yet answered by Slack. */
    int underWay() {
        return underWay.size();
    }

    /** Waits at most {@code grace} for the replies under way (those still unsent then are dropped), then stops. */
    void close(Duration grace) throws InterruptedException {
        try {
            CompletableFuture.allOf(underWay.toArray(CompletableFuture[]::new)).get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Slack replies still unsent at close; stopping without them");
        } finally {
            replyThreads.shutdownNow();
        }
    }

    /** What to do about a Slack API error, as a parenthesis to append; empty when there is nothing to add. */
    static String hint(String error) {
        return switch (error == null ? "" : error) {
            case "not_in_channel", "channel_not_found" -> " (invite the app to the channel: /invite @studybot)";
            case "invalid_auth", "not_authed", "token_revoked" -> " (check SLACK_BOT_TOKEN)";
            case "missing_scope" -> " (reinstall the app from config/slack-app-manifest.yml)";
            default -> "";
        };
    }
}
