package dev.studybot.store;

import dev.studybot.domain.GroupKey;
import dev.studybot.domain.Member;
import dev.studybot.domain.MemberKey;
import dev.studybot.domain.Place;
import dev.studybot.domain.Mode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.studybot.knowledge.questions.Question;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Row-level steps every aggregate's store shares inside its transactions: upserts, look-ups, JSON lists. */
final class SqlRows {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UNIQUE_VIOLATION = "23505";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private SqlRows() {
    }

    static long upsertMember(Connection c, Member member) throws SQLException {
        String name = member.displayName() == null || member.displayName().isBlank()
                ? member.userId() : member.displayName();
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO members (platform, user_id, display_name) VALUES (?, ?, ?)
                ON CONFLICT (platform, user_id) DO UPDATE SET display_name = excluded.display_name
                WHERE members.display_name IS DISTINCT FROM excluded.display_name""")) {
            s.setString(1, member.platform());
            s.setString(2, member.userId());
            s.setString(3, name);
            s.executeUpdate();
        }
        return memberRef(c, member.key());
    }

    static Long memberRef(Connection c, MemberKey member) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM members WHERE platform = ? AND user_id = ?")) {
            s.setString(1, member.platform());
            s.setString(2, member.userId());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    /** Creates or renames the place's group and channel; returns {group ref, channel ref}. */
    static long[] upsertPlace(Connection c, Place place, ZoneId defaultZone) throws SQLException {
        long groupRef = upsertGroup(c, place.group(), place.groupName(), defaultZone);
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO channels (group_ref, channel_id, name) VALUES (?, ?, ?)
                ON CONFLICT (group_ref, channel_id) DO UPDATE SET name = excluded.name
                WHERE excluded.name IS NOT NULL AND channels.name IS DISTINCT FROM excluded.name""")) {
            s.setLong(1, groupRef);
            s.setString(2, place.channelId());
            s.setString(3, place.channelName());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM channels WHERE group_ref = ? AND channel_id = ?")) {
            s.setLong(1, groupRef);
            s.setString(2, place.channelId());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new long[] {groupRef, rs.getLong(1)};
            }
        }
    }

    /** A new group starts in the default zone, and follows it until someone sets another. */
    static long upsertGroup(Connection c, GroupKey group, String name, ZoneId defaultZone) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO study_groups (platform, group_id, name, time_zone) VALUES (?, ?, ?, ?)
                ON CONFLICT (platform, group_id) DO UPDATE SET name = excluded.name
                WHERE excluded.name IS NOT NULL AND study_groups.name IS DISTINCT FROM excluded.name""")) {
            s.setString(1, group.platform());
            s.setString(2, group.groupId());
            s.setString(3, name);
            s.setString(4, defaultZone.getId());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement(
                "SELECT id FROM study_groups WHERE platform = ? AND group_id = ?")) {
            s.setString(1, group.platform());
            s.setString(2, group.groupId());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** {group ref, channel ref or -1} of an existing place, or empty when the group is unknown. */
    static Optional<long[]> findPlace(Connection c, Place place) throws SQLException {
        long groupRef;
        try (PreparedStatement s = c.prepareStatement(
                "SELECT id FROM study_groups WHERE platform = ? AND group_id = ?")) {
            s.setString(1, place.platform());
            s.setString(2, place.groupId());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                groupRef = rs.getLong(1);
            }
        }
        long channelRef = -1;
        if (place.channelId() != null) {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT id FROM channels WHERE group_ref = ? AND channel_id = ?")) {
                s.setLong(1, groupRef);
                s.setString(2, place.channelId());
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        channelRef = rs.getLong(1);
                    }
                }
            }
        }
        return Optional.of(new long[] {groupRef, channelRef});
    }

    /** The first two elements of a topic path joined with " › " (the unit of "weakest topics"); null when empty. */
    static String topicKey(List<String> topic) {
        if (topic.isEmpty()) {
            return null;
        }
        return String.join(" › ", topic.subList(0, Math.min(2, topic.size())));
    }

    static String toJson(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A list of strings is always JSON", e);
        }
    }

    static List<String> fromJson(String json) {
        try {
            return JSON.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new StoreException("A stored list is not JSON: " + json, e);
        }
    }

    static long insertPosted(Connection c, Mode mode, long channelRef, Long ownerRef, Question question,
                                     Instant postedAt, Instant expiresAt) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO posted (mode, channel_ref, owner_ref, posted_at, expires_at, question_id, kind,
                                    topic, topic_key, prompt, choices, answer, file, line, explanation)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, mode.name());
            s.setLong(2, channelRef);
            if (ownerRef == null) {
                s.setNull(3, Types.INTEGER);
            } else {
                s.setLong(3, ownerRef);
            }
            s.setLong(4, postedAt.toEpochMilli());
            s.setLong(5, expiresAt.toEpochMilli());
            s.setString(6, question.id());
            s.setString(7, question.kind());
            s.setString(8, toJson(question.topic()));
            s.setString(9, topicKey(question.topic()));
            s.setString(10, question.prompt());
            s.setString(11, toJson(question.choices()));
            s.setInt(12, question.answer());
            s.setString(13, question.file());
            s.setInt(14, question.line());
            s.setString(15, question.explanation());
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** A posted question with the internal references answer() needs. */
    record PostedRow(Posted posted, long channelRef, long groupRef, ZoneId zone, Long ownerRef) {
    }

    static Optional<PostedRow> loadPosted(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT p.id, p.mode, p.channel_ref, ch.group_ref, g.platform, g.group_id, ch.channel_id, g.time_zone,
                       p.owner_ref, o.user_id, p.posted_at, p.expires_at,
                       p.question_id, p.kind, p.topic, p.prompt, p.choices, p.answer, p.file, p.line, p.explanation
                FROM posted p
                JOIN channels ch ON ch.id = p.channel_ref
                JOIN study_groups g ON g.id = ch.group_ref
                LEFT JOIN members o ON o.id = p.owner_ref
                WHERE p.id = ?""")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Question question = question(rs, 13);
                long ownerRef = rs.getLong(9);
                Long owner = rs.wasNull() ? null : ownerRef;
                Posted posted = new Posted(rs.getLong(1), Mode.valueOf(rs.getString(2)), question, rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(10), Instant.ofEpochMilli(rs.getLong(11)),
                        Instant.ofEpochMilli(rs.getLong(12)));
                return Optional.of(new PostedRow(posted, rs.getLong(3), rs.getLong(4),
                        ScoreTotals.zone(rs.getString(8)), owner));
            }
        }
    }

    /** Reads id, kind, topic, prompt, choices, answer, file, line, explanation from {@code first} on. */
    static Question question(ResultSet rs, int first) throws SQLException {
        return new Question(rs.getString(first), rs.getString(first + 1), fromJson(rs.getString(first + 2)),
                rs.getString(first + 3), fromJson(rs.getString(first + 4)), rs.getInt(first + 5),
                rs.getString(first + 6), rs.getInt(first + 7), rs.getString(first + 8));
    }

    /** SQLite's own result codes; the SQL standard's state 23505 on PostgreSQL. */
    static boolean isUniqueViolation(SQLException e) {
        if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
            return true;
        }
        if (e instanceof SQLiteException sqlite) {
            SQLiteErrorCode code = sqlite.getResultCode();
            if (code == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE || code == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY) {
                return true;
            }
        }
        String message = e.getMessage();
        return message != null && message.contains("UNIQUE constraint failed");
    }

    static void moveGroupZone(Connection c, long groupRef, ZoneId zone) throws SQLException {
        if (zone.getId().equals(groupZoneName(c, groupRef))) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE study_groups SET time_zone = ? WHERE id = ?")) {
            s.setString(1, zone.getId());
            s.setLong(2, groupRef);
            s.executeUpdate();
        }
        ScoreTotals.rebuildPeriods(c, groupRef, zone);
    }

    static ZoneId groupZone(Connection c, long groupRef) throws SQLException {
        return ScoreTotals.zone(groupZoneName(c, groupRef));
    }

    static String groupZoneName(Connection c, long groupRef) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT time_zone FROM study_groups WHERE id = ?")) {
            s.setLong(1, groupRef);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    static Optional<Member> memberById(Connection c, MemberKey member) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT platform, user_id, display_name FROM members WHERE platform = ? AND user_id = ?")) {
            s.setString(1, member.platform());
            s.setString(2, member.userId());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next()
                        ? Optional.of(new Member(rs.getString(1), rs.getString(2), rs.getString(3)))
                        : Optional.empty();
            }
        }
    }
}
