package dev.studybot.discord;

import dev.studybot.chat.Caller;
import dev.studybot.chat.ChatHandler;
import dev.studybot.chat.Interaction;
import dev.studybot.chat.Reply;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.Mentions;
import net.dv8tion.jda.api.entities.channel.attribute.IThreadContainer;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * A mention of the bot with a question in a server channel, answered in a thread started from that message (or in
 * the thread it was written in). It needs only the Guild Messages intent, which is not privileged: Discord hands a
 * bot the text of the messages that mention it without the Message Content intent.
 */
final class DiscordMentions extends ListenerAdapter {

    /** Discord's markup of mentions: users, roles and channels; none of them are words to look up. */
    private static final Pattern MENTIONS = Pattern.compile("<(@[!&]?|#)\\d+>");
    private static final int THREAD_NAME_LIMIT = 100;

    private final Executor workers;
    private final Supplier<ChatHandler> chat;
    private final Consumer<RestAction<?>> send;

    DiscordMentions(Executor workers, Supplier<ChatHandler> chat, Consumer<RestAction<?>> send) {
        this.workers = workers;
        this.chat = chat;
        this.send = send;
    }

    @Override
    public void onMessageReceived(MessageReceivedEvent event) {
        Message message = event.getMessage();
        Mentions mentions = message.getMentions();
        if (!event.isFromGuild() || event.getAuthor().isBot() || event.getMember() == null
                || !mentions.isMentioned(event.getJDA().getSelfUser(), Message.MentionType.USER)) {
            return;
        }
        String words = MENTIONS.matcher(message.getContentRaw()).replaceAll(" ").strip();
        GuildMessageChannel channel = event.getGuildChannel();
        Caller caller = DiscordAdapter.caller(event.getGuild(), event.getMember(), channel);
        workers.execute(() -> {
            Reply reply = words.isEmpty() ? Reply.publicly(new Reply.Text("Ask me something after the mention, e.g. "
                    + "@studybot how long is the spot interruption notice")) : chat.get().handle(Interaction.lookUp(caller, words));
            MessageCreateData answer = DiscordRenderer.create(reply);
            if (channel instanceof ThreadChannel thread) {
                send.accept(thread.sendMessage(answer));
            } else if (channel instanceof IThreadContainer) {
                String name = words.isEmpty() ? "studybot" : words.substring(0, Math.min(words.length(), THREAD_NAME_LIMIT));
                send.accept(message.createThreadChannel(name).flatMap(thread -> thread.sendMessage(answer)));
            } else {
                send.accept(message.reply(answer));
            }
        });
    }
}
