package dev.studybot.store;

import static dev.studybot.store.SqlRows.memberById;
import static dev.studybot.store.SqlRows.moveGroupZone;
import static dev.studybot.store.SqlRows.question;
import static dev.studybot.store.SqlRows.upsertGroup;

import dev.studybot.domain.GroupKey;
import dev.studybot.domain.Member;
import dev.studybot.domain.MemberKey;
import dev.studybot.knowledge.questions.Question;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Members, the review schedule, and groups' time zones. */
final class SqlMembers extends SqlAggregate {

    SqlMembers(Database database, ZoneId defaultZone) {
        super(database, defaultZone);
    }

    public Optional<Member> findMember(String platform, String nameOrId) {
        if (platform == null || nameOrId == null) {
            return Optional.empty();
        }
        return read(c -> {
            Optional<Member> byId = memberById(c, new MemberKey(platform, nameOrId));
            if (byId.isPresent()) {
                return byId;
            }
            try (PreparedStatement s = c.prepareStatement("SELECT platform, user_id, display_name FROM members"
                    + " WHERE platform = ? AND " + dialect().caselessEquals("display_name") + " ORDER BY id LIMIT 1")) {
                s.setString(1, platform);
                s.setString(2, nameOrId);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new Member(rs.getString(1), rs.getString(2), rs.getString(3)))
                            : Optional.empty();
                }
            }
        });
    }

    public Optional<Question> nextReview(Member member, Instant now) {
        return read(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT r.question_id, r.kind, r.topic, r.prompt, r.choices, r.answer, r.file, r.line, r.explanation
                    FROM reviews r JOIN members m ON m.id = r.member_ref
                    WHERE m.platform = ? AND m.user_id = ? AND r.due_at <= ?
                      AND NOT EXISTS (SELECT 1 FROM question_status q
                                      WHERE q.question_id = r.question_id AND q.status = 'RETIRED')
                    ORDER BY r.due_at, r.question_id
                    LIMIT 1""")) {
                s.setString(1, member.platform());
                s.setString(2, member.userId());
                s.setLong(3, now.toEpochMilli());
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(question(rs, 1)) : Optional.empty();
                }
            }
        });
    }

    public ZoneId timeZone(GroupKey group) {
        return read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT time_zone FROM study_groups WHERE platform = ? AND group_id = ?")) {
                s.setString(1, group.platform());
                s.setString(2, group.groupId());
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? ScoreTotals.zone(rs.getString(1)) : defaultZone;
                }
            }
        });
    }

    /**
     * Sets the group's time zone (from now on it no longer follows the default). Week and month totals already
     * kept for the group are recomputed in the new zone, so past answers count for the weeks and months the
     * group now sees.
     */
    public void setTimeZone(GroupKey group, ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        write(c -> {
            long groupRef = upsertGroup(c, group, null, defaultZone);
            try (PreparedStatement s = c.prepareStatement("UPDATE study_groups SET zone_chosen = 1 WHERE id = ?")) {
                s.setLong(1, groupRef);
                s.executeUpdate();
            }
            moveGroupZone(c, groupRef, zone);
            return null;
        });
    }

    /** Groups that follow the default zone but were counted in another one (the default changed) move to it. */
    void applyDefaultZone() {
        write(c -> {
            List<Long> moved = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT id FROM study_groups WHERE zone_chosen = 0 AND time_zone IS DISTINCT FROM ?")) {
                s.setString(1, defaultZone.getId());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        moved.add(rs.getLong(1));
                    }
                }
            }
            for (long groupRef : moved) {
                moveGroupZone(c, groupRef, defaultZone);
            }
            return null;
        });
    }
}
