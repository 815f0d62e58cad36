package dev.studybot.store;

import dev.studybot.domain.MessageRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link DailyDeliveryStore} on the delivery columns of {@code daily_posts} (migrations V6 and V7). */
final class SqlDailyDeliveries implements DailyDeliveryStore {

    private final Database database;

    SqlDailyDeliveries(Database database) {
        this.database = database;
    }

    @Override
    public void delivered(long postedId, Instant at, MessageRef message) {
        database.write(c -> Jdbis.with(c, h -> h.createUpdate("""
                        UPDATE daily_posts SET delivered_at = :at, message_channel = :channel, message_id = :message
                        WHERE posted_ref = :posted AND delivered_at IS NULL""")
                .bind("at", at.toEpochMilli()).bind("channel", message.channelId()).bind("message", message.messageId())
                .bind("posted", postedId).execute()));
    }

    @Override
    public Optional<MessageRef> message(long postedId) {
        return database.read(c -> Jdbis.with(c, h -> h.createQuery(
                        "SELECT message_channel, message_id FROM daily_posts WHERE posted_ref = ? AND message_id IS NOT NULL")
                .bind(0, postedId).map((rs, ctx) -> new MessageRef(rs.getString(1), rs.getString(2))).findOne()));
    }

    @Override
    public Optional<Instant> deliveredAt(long postedId) {
        return database.read(c -> Jdbis.with(c, h -> h.createQuery(
                        "SELECT delivered_at FROM daily_posts WHERE posted_ref = ? AND delivered_at IS NOT NULL")
                .bind(0, postedId).mapTo(Long.class).findOne().map(Instant::ofEpochMilli)));
    }

    @Override
    public int failed(long postedId, Stage stage) {
        String column = stage == Stage.POST ? "post_attempts" : "reveal_attempts";
        return database.write(c -> Jdbis.with(c, h -> h.createQuery(
                        "UPDATE daily_posts SET " + column + " = " + column + " + 1 WHERE posted_ref = ? RETURNING " + column)
                .bind(0, postedId).mapTo(Integer.class).findOne().orElse(0)));
    }

    @Override
    public List<Long> undelivered() {
        return database.read(c -> Jdbis.with(c, h -> h.createQuery("""
                        SELECT posted_ref FROM daily_posts WHERE delivered_at IS NULL AND revealed_at IS NULL
                        ORDER BY posted_ref""")
                .mapTo(Long.class).list()));
    }

    @Override
    public void closeAnswers(long postedId, Instant at) {
        database.write(c -> Jdbis.with(c, h -> h.createUpdate(
                        "UPDATE posted SET expires_at = :at WHERE id = :posted AND expires_at > :at")
                .bind("at", at.toEpochMilli()).bind("posted", postedId).execute()));
    }
}
