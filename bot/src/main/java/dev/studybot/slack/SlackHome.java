package dev.studybot.slack;

import com.slack.api.methods.response.views.ViewsPublishResponse;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.view.View;
import dev.studybot.chat.Caller;
import dev.studybot.chat.ChatHandler;
import dev.studybot.chat.Interaction;
import dev.studybot.chat.Reply;
import dev.studybot.domain.Place;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The App Home tab: each member's {@code /study home} (points, streak, weak spots, reviews due, the board), published
 * with {@code views.publish} whenever they open the tab, and again when a button on it switches the board's period.
 */
final class SlackHome {

    private static final Logger LOG = LoggerFactory.getLogger(SlackHome.class);
    static final String TAB = "home";

    private final SlackClients clients;
    private final SlackCallers callers;

    SlackHome(SlackClients clients, SlackCallers callers) {
        this.clients = clients;
        this.callers = callers;
    }

    void opened(ChatHandler chat, String teamId, AppHomeOpenedEvent event) {
        if (!TAB.equals(event.getTab())) {
            return;   // the Messages tab: nothing to publish
        }
        Caller caller = callers.caller(place(teamId, event.getUser()), event.getUser(), null);
        publish(teamId, event.getUser(), chat.handle(Interaction.home(caller)));
    }

    /**
     * Where a member's home is: their workspace, and as its channel the member themself, which is where Slack posts
     * a message to them from the app (chat.postMessage to a user id lands in the app's Messages tab).
     */
    static Place place(String teamId, String userId) {
        return new Place(SlackAdapter.PLATFORM, teamId, teamId, userId, TAB);
    }

    void publish(String teamId, String userId, Reply home) {
        View view = View.builder().type(TAB).blocks(SlackBlocks.render(home)).build();
        try {
            ViewsPublishResponse response = clients.of(teamId).viewsPublish(r -> r.userId(userId).view(view));
            if (!response.isOk()) {
                LOG.warn("Slack refused to publish a member's home: {}{}", response.getError(), SlackReplies.hint(response.getError()));
            }
        } catch (Exception e) {
            LOG.warn("Could not publish a member's home on Slack: {}", e.getClass().getSimpleName());
        }
    }
}
