package dev.studybot.qotd;

import dev.studybot.chat.Poster;
import dev.studybot.chat.Reply;
import dev.studybot.domain.MessageRef;
import dev.studybot.domain.Place;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/**
 * A poster that remembers what it posted, edited and put in threads, for assertions; it can refuse posts (by their
 * heading) as a platform would.
 */
public final class RecordingPoster implements Poster {

    /** What happened to a message: posted, edited or replied to in its thread. */
    public enum Kind { POST, EDIT, THREAD }

    /** One call: its kind, the message it was about (for a post: the new one), and the content. */
    public record Sent(Kind kind, MessageRef message, Reply reply) {
    }

    private final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
    /** Which calls the platform refuses, by kind, and how many of them are left to refuse. */
    private final Map<Kind, AtomicInteger> refusals = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    /** The next {@code times} calls of that kind fail as a platform's refusal would. */
    public void refuse(Kind kind, int times) {
        refusals.put(kind, new AtomicInteger(times));
    }

    @Override
    public MessageRef post(Place channel, Reply message) {
        refuseIfAsked(channel, Kind.POST);
        MessageRef ref = new MessageRef(channel.channelId(), "m" + ids.incrementAndGet());
        sent.add(new Sent(Kind.POST, ref, message));
        return ref;
    }

    @Override
    public void edit(Place channel, MessageRef message, Reply updated) {
        refuseIfAsked(channel, Kind.EDIT);
        sent.add(new Sent(Kind.EDIT, message, updated));
    }

    @Override
    public void inThread(Place channel, MessageRef message, Reply reply) {
        refuseIfAsked(channel, Kind.THREAD);
        sent.add(new Sent(Kind.THREAD, message, reply));
    }

    private void refuseIfAsked(Place channel, Kind kind) {
        AtomicInteger left = refusals.get(kind);
        if (left != null && left.getAndDecrement() > 0) {
            throw new IllegalStateException("Slack refused to post to #" + channel.channelName() + ": ratelimited");
        }
    }

    /** The replies posted as messages of their own. */
    public List<Reply> posted() {
        return of(Kind.POST).stream().map(Sent::reply).toList();
    }

    public List<Sent> of(Kind kind) {
        synchronized (sent) {
            return sent.stream().filter(s -> s.kind() == kind).toList();
        }
    }

    public Reply last() {
        List<Reply> posted = posted();
        return posted.get(posted.size() - 1);
    }

    /** How many messages matching {@code which} were posted (not counting edits and thread replies). */
    public long count(Predicate<Reply> which) {
        return count(Kind.POST, which);
    }

    public long count(Kind kind, Predicate<Reply> which) {
        return of(kind).stream().filter(s -> which.test(s.reply())).count();
    }

    public Sent await(Kind kind, Predicate<Reply> which, Duration timeout) {
        return Awaitility.await("a " + kind + " matching the test").atMost(timeout)
                .until(() -> of(kind).stream().filter(s -> which.test(s.reply())).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    public Reply await(Predicate<Reply> which, Duration timeout) {
        return await(Kind.POST, which, timeout).reply();
    }

    public static String heading(Reply reply) {
        return reply.parts().isEmpty() || !(reply.parts().get(0) instanceof Reply.Heading heading) ? "" : heading.text();
    }
}
