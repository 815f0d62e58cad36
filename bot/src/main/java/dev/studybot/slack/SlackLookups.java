package dev.studybot.slack;

import com.slack.api.app_backend.interactive_components.payload.MessageShortcutPayload;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.event.AppMentionEvent;
import dev.studybot.chat.Caller;
import dev.studybot.chat.ChatHandler;
import dev.studybot.chat.Interaction;
import dev.studybot.chat.Reply;
import dev.studybot.domain.Place;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notes one click away: the "Look up in notes" message shortcut looks the message's words up and answers only
 * the member who asked; a mention of the bot with a question is answered in the message's thread, for everyone
 * following it.
 */
final class SlackLookups {

    /** The shortcut's callback id, as config/slack-app-manifest.yml declares it. */
    static final String SHORTCUT = "lookup_in_notes";
    private static final Logger LOG = LoggerFactory.getLogger(SlackLookups.class);
    private static final String NO_WORDS = "That message has no words to look up in the notes.";

    private final SlackClients clients;
    private final SlackCallers callers;
    private final SlackReplies replies;

    SlackLookups(SlackClients clients, SlackCallers callers, SlackReplies replies) {
        this.clients = clients;
        this.callers = callers;
        this.replies = replies;
    }

    void shortcut(ChatHandler chat, MessageShortcutPayload payload) {
        String teamId = payload.getTeam() != null ? payload.getTeam().getId() : payload.getUser().getTeamId();
        String teamName = payload.getTeam() != null ? SlackAdapter.firstNonBlank(payload.getTeam().getDomain(), teamId) : teamId;
        String channelId = payload.getChannel().getId();
        String channelName = SlackAdapter.firstNonBlank(payload.getChannel().getName(), channelId);
        Caller caller = callers.caller(new Place(SlackAdapter.PLATFORM, teamId, teamName, channelId, channelName),
                payload.getUser().getId(), payload.getUser().getName());
        String words = SlackText.plain(payload.getMessage() != null ? payload.getMessage().getText() : null);
        Reply reply = words.isEmpty() ? Reply.privately(new Reply.Text(NO_WORDS))
                : chat.handle(Interaction.lookUp(caller, words));
        replies.respond(payload.getResponseUrl(), ActionResponse.builder().responseType("ephemeral").replaceOriginal(false)
                .text(SlackBlocks.fallbackText(reply)).blocks(SlackBlocks.render(reply)).build(), "Look up in notes reply");
    }

    void mention(ChatHandler chat, String teamId, AppMentionEvent event) {
        Caller caller = callers.caller(new Place(SlackAdapter.PLATFORM, teamId, teamId, event.getChannel(), event.getChannel()),
                event.getUser(), event.getUsername());
        String words = SlackText.plain(event.getText());
        Reply reply = words.isEmpty() ? Reply.privately(new Reply.Text("Ask me something after the mention, e.g. "
                + "@studybot how long is the spot interruption notice")) : chat.handle(Interaction.lookUp(caller, words));
        // A reply in the thread the mention started (or is in), so the channel itself stays quiet.
        String thread = event.getThreadTs() != null ? event.getThreadTs() : event.getTs();
        List<LayoutBlock> blocks = SlackBlocks.render(reply);
        try {
            ChatPostMessageResponse response = clients.of(teamId).chatPostMessage(r -> r.channel(event.getChannel()).threadTs(thread)
                    .text(SlackBlocks.fallbackText(reply)).blocks(blocks));
            if (!response.isOk()) {
                LOG.warn("Slack refused the answer to a mention: {}{}", response.getError(), SlackReplies.hint(response.getError()));
            }
        } catch (Exception e) {
            LOG.warn("Could not answer a Slack mention: {}", e.getClass().getSimpleName());
        }
    }
}
