package dev.studybot.store;

import static dev.studybot.store.SqlRows.upsertPlace;

import dev.studybot.domain.ChannelKey;
import dev.studybot.domain.Mention;
import dev.studybot.domain.Place;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/** {@link MentionStore} on {@code daily_mentions} (migration V11): one row per channel that mentions someone. */
final class SqlMentions extends SqlAggregate implements MentionStore {

    /** The channel's row, found by platform, group id and channel id (the key of a channel). */
    private static final String CHANNEL_REF = """
            SELECT ch.id FROM channels ch JOIN study_groups g ON g.id = ch.group_ref
            WHERE g.platform = ? AND g.group_id = ? AND ch.channel_id = ?""";

    SqlMentions(Database database, ZoneId defaultZone) {
        super(database, defaultZone);
    }

    @Override
    public void saveMention(Place place, Mention mention) {
        Objects.requireNonNull(mention, "mention");
        write(c -> {
            long channelRef = upsertPlace(c, place, defaultZone)[1];
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO daily_mentions (channel_ref, mention_id, mention_name) VALUES (?, ?, ?)
                    ON CONFLICT (channel_ref) DO UPDATE SET
                        mention_id = excluded.mention_id, mention_name = excluded.mention_name""")) {
                s.setLong(1, channelRef);
                s.setString(2, mention.id());
                s.setString(3, mention.name());
                s.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<Mention> mention(ChannelKey channel) {
        return read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT mention_id, mention_name FROM daily_mentions WHERE channel_ref IN (" + CHANNEL_REF + ")")) {
                bind(s, channel);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(new Mention(rs.getString(1), rs.getString(2))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public boolean removeMention(ChannelKey channel) {
        return write(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "DELETE FROM daily_mentions WHERE channel_ref IN (" + CHANNEL_REF + ")")) {
                bind(s, channel);
                return s.executeUpdate() > 0;
            }
        });
    }

    private static void bind(PreparedStatement s, ChannelKey channel) throws java.sql.SQLException {
        s.setString(1, channel.platform());
        s.setString(2, channel.groupId());
        s.setString(3, channel.channelId());
    }
}
