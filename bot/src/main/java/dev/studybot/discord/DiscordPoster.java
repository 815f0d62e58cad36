package dev.studybot.discord;

import dev.studybot.chat.Poster;
import dev.studybot.chat.Reply;
import dev.studybot.domain.MessageRef;
import dev.studybot.domain.Place;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.attribute.IThreadContainer;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.MiscUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts to Discord channels on the bot's own initiative (the question of the day), edits those posts
 * ({@code PATCH /channels/{id}/messages/{id}}) and replies in a thread started from them
 * ({@code POST /channels/{id}/messages/{id}/threads}, then a message in the thread).
 */
final class DiscordPoster implements Poster {

    private static final Logger LOG = LoggerFactory.getLogger(DiscordPoster.class);
    private static final long TIMEOUT_S = 30;
    /** Discord wants a name for a thread; the thread holds the answer's explanation. */
    static final String THREAD_NAME = "Answer and explanation";

    private final Supplier<ShardManager> shards;
    private final IntPredicate runsShard;

    /**
     * @param shards    the shards this process runs, or null while not connected
     * @param runsShard whether this process runs a shard
     */
    DiscordPoster(Supplier<ShardManager> shards, IntPredicate runsShard) {
        this.shards = shards;
        this.runsShard = runsShard;
    }

    @Override
    public MessageRef post(Place channel, Reply message) {
        GuildMessageChannel target = channel(channel);
        Message sent = await(channel, "post to", target.sendMessage(DiscordRenderer.create(message)));
        return new MessageRef(target.getId(), sent.getId());
    }

    @Override
    public void edit(Place channel, MessageRef message, Reply updated) {
        await(channel, "edit a message in", channel(channel).editMessageById(message.messageId(),
                DiscordRenderer.edit(updated)));
    }

    /**
     * Starts a thread from the message and posts in it. Where the bot lacks the thread permissions (invited with an
     * older link) it says so in the log and posts nothing: retrying could never succeed.
     */
    @Override
    public void inThread(Place channel, MessageRef message, Reply reply) {
        if (!(channel(channel) instanceof IThreadContainer threads)) {
            throw new IllegalStateException("Discord channel #" + channel.channelName() + " cannot have threads.");
        }
        try {
            ThreadChannel thread = await(channel, "start a thread in",
                    threads.createThreadChannel(THREAD_NAME, message.messageId()));
            await(channel, "reply in a thread in", thread.sendMessage(DiscordRenderer.create(reply)));
        } catch (InsufficientPermissionException e) {
            LOG.warn("No thread on the question of the day in #{}: the bot lacks {}; grant it Create Public Threads and"
                    + " Send Messages in Threads, or invite it again with the link in the log", channel.channelName(),
                    e.getPermission().getName());
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof ErrorResponseException refused
                    && refused.getErrorResponse() == ErrorResponse.THREAD_WITH_THIS_MESSAGE_ALREADY_EXISTS) {
                // A retry after the thread was made: what it lacks is not worth a loop that could never end.
                LOG.warn("The thread on Discord message {} in #{} exists already; not posting in it again",
                        message.messageId(), channel.channelName());
                return;
            }
            throw e;
        }
    }

    /** The channel, on whichever of this process's shards holds its guild. */
    private GuildMessageChannel channel(Place channel) {
        ShardManager connected = shards.get();
        if (connected == null) {
            throw new IllegalStateException("Discord is not connected yet.");
        }
        GuildMessageChannel target = connected.getChannelById(GuildMessageChannel.class, channel.channelId());
        if (target == null) {
            int home = MiscUtil.getShardForGuild(channel.groupId(), connected.getShardsTotal());
            if (!runsShard.test(home)) {
                throw new IllegalStateException("Discord channel #" + channel.channelName() + " is in a server on shard "
                        + home + ", which another replica runs (discord.shards.range); only that one can post there.");
            }
            throw new IllegalStateException("The bot cannot see Discord channel #" + channel.channelName()
                    + " (" + channel.channelId() + "); invite it there or give it View Channel.");
        }
        return target;
    }

    private static <T> T await(Place channel, String what, RestAction<T> action) {
        try {
            return action.submit().get(TIMEOUT_S, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while posting to Discord.", e);
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("Could not " + what + " Discord channel #" + channel.channelName() + ": "
                    + cause.getMessage(), cause);
        }
    }
}
