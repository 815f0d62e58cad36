package dev.studybot.qotd;

import dev.studybot.chat.Poster;
import dev.studybot.chat.Reply;
import dev.studybot.config.DatabaseLocation;
import dev.studybot.domain.MessageRef;
import dev.studybot.domain.Place;
import dev.studybot.knowledge.questions.Question;
import dev.studybot.store.SqlStudyStore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

/**
 * One replica of a cluster for {@link ClusteredSchedulerTest}, in a process of its own (Quartz allows one scheduler
 * of a name per JVM): the real store on PostgreSQL and the real clustered scheduler, posting to stdout. Each channel
 * gets a cron trigger every 2 seconds, so both replicas see many fires of a question that is due. The first delivery
 * to a channel named in {@code HANG} hangs (cluster-wide: whoever creates the marker file first), as a replica
 * does that dies in the middle of a post.
 *
 * <p>Arguments: the database location, the marker folder, then the channel ids. Password in the usual variable.
 */
public final class ClusterReplica {

    static final Duration REVEAL_AFTER = Duration.ofSeconds(8);
    static final String HANG = "HANG_FIRST_POST_IN";

    private ClusterReplica() {
    }

    static Place place(String channel) {
        return new Place("console", "team", "team", channel, channel);
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        DatabaseLocation location = DatabaseLocation.parse(args[0]);
        Path markers = Path.of(args[1]);
        List<String> channels = List.of(args).subList(2, args.length);
        String hang = System.getenv().getOrDefault(HANG, "");
        SqlStudyStore store = SqlStudyStore.open(location, ZoneId.of("UTC"),
                System.getenv(DatabaseLocation.PASSWORD_VARIABLE));
        // No grace (nothing missed to catch up), and a reveal REVEAL_AFTER after posting (no next fire before it).
        QuestionOfTheDay.Settings settings = new QuestionOfTheDay.Settings(Duration.ofDays(2), REVEAL_AFTER,
                Duration.ZERO);
        QuestionOfTheDay daily = new QuestionOfTheDay(store, store, pool(), new StdoutPoster(out, markers, hang),
                Clock.systemUTC(), settings, 7);
        DailyScheduler scheduler = DailyScheduler.start(daily, store,
                QuartzJobStore.clustered(store.serverPool().orElseThrow()));
        for (String channel : channels) {
            scheduler.armCron(place(channel), "0/2 * * * * ?", "UTC");
        }
        out.println("READY");
        new CountDownLatch(1).await(); // until killed
    }

    private static List<Question> pool() {
        List<Question> questions = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            questions.add(new Question("q" + i, "fact", List.of("Queues"), "Question " + i + " ___?",
                    List.of("right", "wrong a", "wrong b", "wrong c"), 0, "n.md", i + 1, "explanation " + i));
        }
        return questions;
    }

    /** One line per call: POST, EDIT, REVEAL or THREAD and the channel. */
    private record StdoutPoster(PrintStream out, Path markers, String hang) implements Poster {
        @Override
        public MessageRef post(Place channel, Reply message) {
            if (hang.contains(channel.channelId()) && firstCallFor(channel)) {
                out.println("POSTING " + channel.channelId());
                try {
                    new CountDownLatch(1).await(); // until killed, in the middle of the job
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("interrupted");
            }
            out.println("POST " + channel.channelId());
            return new MessageRef(channel.channelId(), UUID.randomUUID().toString());
        }

        private boolean firstCallFor(Place channel) {
            try {
                Files.createFile(markers.resolve(channel.channelId()));
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void edit(Place channel, MessageRef message, Reply updated) {
            out.println((RecordingPoster.heading(updated).endsWith("answer revealed") ? "REVEAL " : "EDIT ")
                    + channel.channelId());
        }

        @Override
        public void inThread(Place channel, MessageRef message, Reply reply) {
            out.println("THREAD " + channel.channelId());
        }
    }
}
