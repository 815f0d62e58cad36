package dev.studybot.store;

import static dev.studybot.store.SqlRows.fromJson;
import static dev.studybot.store.SqlRows.insertPosted;
import static dev.studybot.store.SqlRows.isUniqueViolation;
import static dev.studybot.store.SqlRows.question;
import static dev.studybot.store.SqlRows.toJson;
import static dev.studybot.store.SqlRows.upsertPlace;

import dev.studybot.domain.ChannelKey;
import dev.studybot.domain.Place;
import dev.studybot.domain.Mode;
import dev.studybot.knowledge.questions.Question;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** Channels' question-of-the-day schedules and daily posts: one question per channel per day, by a UNIQUE key. */
final class SqlSchedules extends SqlAggregate {

    SqlSchedules(Database database, ZoneId defaultZone) {
        super(database, defaultZone);
    }

    /** Times of day are kept as 'HH:mm': seconds and below are dropped. */
    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm");

    private static final String SCHEDULE_COLUMNS = """
            SELECT g.platform, g.group_id, g.name, ch.channel_id, ch.name,
                   s.time_of_day, s.time_zone, s.weekdays_only, s.topics
            FROM schedules s
            JOIN channels ch ON ch.id = s.channel_ref
            JOIN study_groups g ON g.id = ch.group_ref
            """;

    private static final String DAILY_COLUMNS = """
            SELECT d.posted_ref, g.platform, g.group_id, g.name, ch.channel_id, ch.name,
                   d.day, d.posted_at, d.reveal_at, d.revealed_at
            FROM daily_posts d
            JOIN channels ch ON ch.id = d.channel_ref
            JOIN study_groups g ON g.id = ch.group_ref
            """;

    /** The channel's schedule, found by platform, group id and channel id (the key of a channel). */
    private static final String BY_CHANNEL = "g.platform = ? AND g.group_id = ? AND ch.channel_id = ?";

    /** Binds the channel's key to the three parameters of {@link #BY_CHANNEL}, from the first. */
    private static void bindChannel(PreparedStatement s, ChannelKey channel) throws SQLException {
        s.setString(1, channel.platform());
        s.setString(2, channel.groupId());
        s.setString(3, channel.channelId());
    }

    /** Creates or replaces the channel's schedule (the time of day is kept to the minute). */
    public void saveSchedule(Schedule schedule) {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(schedule.place(), "schedule.place");
        Objects.requireNonNull(schedule.time(), "schedule.time");
        Objects.requireNonNull(schedule.zone(), "schedule.zone");
        write(c -> {
            long channelRef = upsertPlace(c, schedule.place(), defaultZone)[1];
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO schedules (channel_ref, time_of_day, time_zone, weekdays_only, topics)
                    VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (channel_ref) DO UPDATE SET
                        time_of_day = excluded.time_of_day, time_zone = excluded.time_zone,
                        weekdays_only = excluded.weekdays_only, topics = excluded.topics""")) {
                s.setLong(1, channelRef);
                s.setString(2, TIME_OF_DAY.format(schedule.time()));
                s.setString(3, schedule.zone().getId());
                s.setInt(4, schedule.weekdaysOnly() ? 1 : 0);
                s.setString(5, toJson(schedule.topics()));
                s.executeUpdate();
            }
            return null;
        });
    }

    public Optional<Schedule> schedule(ChannelKey channel) {
        return read(c -> {
            try (PreparedStatement s = c.prepareStatement(SCHEDULE_COLUMNS + "WHERE " + BY_CHANNEL)) {
                bindChannel(s, channel);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(schedule(rs)) : Optional.empty();
                }
            }
        });
    }

    /** All schedules, by platform, group id and channel id. */
    public List<Schedule> schedules() {
        return read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    SCHEDULE_COLUMNS + "ORDER BY g.platform, g.group_id, ch.channel_id");
                 ResultSet rs = s.executeQuery()) {
                List<Schedule> all = new ArrayList<>();
                while (rs.next()) {
                    all.add(schedule(rs));
                }
                return List.copyOf(all);
            }
        });
    }

    private static Schedule schedule(ResultSet rs) throws SQLException {
        Place place = new Place(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
        return new Schedule(place, LocalTime.parse(rs.getString(6), TIME_OF_DAY), ZoneId.of(rs.getString(7)),
                rs.getInt(8) == 1, fromJson(rs.getString(9)));
    }

    public boolean removeSchedule(ChannelKey channel) {
        return write(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    DELETE FROM schedules WHERE channel_ref IN (
                        SELECT ch.id FROM channels ch JOIN study_groups g ON g.id = ch.group_ref
                        WHERE\s""" + BY_CHANNEL + ")")) {
                bindChannel(s, channel);
                return s.executeUpdate() > 0;
            }
        });
    }

    /**
     * Posts the channel's question of the day: in one BEGIN IMMEDIATE transaction, the posted question
     * (mode DAILY, no owner, answers close at {@code revealAt}) and its daily_posts row. When the day already
     * has its question, nothing is inserted (not even a new group or channel name): found by a look-up first,
     * and should a writer elsewhere (another process on the file) slip in between, by the UNIQUE (channel, day)
     * key, whose violation rolls the whole transaction back.
     */
    public OptionalLong postDaily(Place place, LocalDate day, Question question, Instant postedAt, Instant revealAt) {
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(postedAt, "postedAt");
        Objects.requireNonNull(revealAt, "revealAt");
        try {
            return write(c -> {
                long channelRef = upsertPlace(c, place, defaultZone)[1];
                try (PreparedStatement s = c.prepareStatement(
                        "SELECT 1 FROM daily_posts WHERE channel_ref = ? AND day = ?")) {
                    s.setLong(1, channelRef);
                    s.setString(2, day.toString());
                    try (ResultSet rs = s.executeQuery()) {
                        if (rs.next()) {
                            throw new RollBack();
                        }
                    }
                }
                long postedId = insertPosted(c, Mode.DAILY, channelRef, null, question, postedAt, revealAt);
                try (PreparedStatement s = c.prepareStatement("""
                        INSERT INTO daily_posts (posted_ref, channel_ref, day, posted_at, reveal_at, revealed_at)
                        VALUES (?, ?, ?, ?, ?, NULL)""")) {
                    s.setLong(1, postedId);
                    s.setLong(2, channelRef);
                    s.setString(3, day.toString());
                    s.setLong(4, postedAt.toEpochMilli());
                    s.setLong(5, revealAt.toEpochMilli());
                    s.executeUpdate();
                } catch (SQLException e) {
                    if (isUniqueViolation(e)) {
                        throw new RollBack(); // the day got its question meanwhile: drop ours too
                    }
                    throw e;
                }
                return OptionalLong.of(postedId);
            });
        } catch (RollBack alreadyThere) {
            return OptionalLong.empty();
        }
    }

    public Optional<DailyPost> daily(ChannelKey channel, LocalDate day) {
        Objects.requireNonNull(day, "day");
        return read(c -> {
            try (PreparedStatement s = c.prepareStatement(DAILY_COLUMNS + "WHERE " + BY_CHANNEL + " AND d.day = ?")) {
                bindChannel(s, channel);
                s.setString(4, day.toString());
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(dailyPost(rs)) : Optional.empty();
                }
            }
        });
    }

    public List<DailyPost> unrevealed() {
        return read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    DAILY_COLUMNS + "WHERE d.revealed_at IS NULL ORDER BY d.reveal_at, d.posted_ref");
                 ResultSet rs = s.executeQuery()) {
                List<DailyPost> open = new ArrayList<>();
                while (rs.next()) {
                    open.add(dailyPost(rs));
                }
                return List.copyOf(open);
            }
        });
    }

    private static DailyPost dailyPost(ResultSet rs) throws SQLException {
        Place place = new Place(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6));
        long revealedAt = rs.getLong(10);
        Instant revealed = rs.wasNull() ? null : Instant.ofEpochMilli(revealedAt);
        return new DailyPost(rs.getLong(1), place, LocalDate.parse(rs.getString(7)),
                Instant.ofEpochMilli(rs.getLong(8)), Instant.ofEpochMilli(rs.getLong(9)), revealed);
    }

    public boolean markRevealed(long postedId, Instant at) {
        Objects.requireNonNull(at, "at");
        return write(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE daily_posts SET revealed_at = ? WHERE posted_ref = ? AND revealed_at IS NULL")) {
                s.setLong(1, at.toEpochMilli());
                s.setLong(2, postedId);
                if (s.executeUpdate() != 1) {
                    return false;
                }
            }
            // Once the answer is out, answers stop counting, even when revealed before its time.
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE posted SET expires_at = ? WHERE id = ? AND expires_at > ?")) {
                s.setLong(1, at.toEpochMilli());
                s.setLong(2, postedId);
                s.setLong(3, at.toEpochMilli());
                s.executeUpdate();
            }
            return true;
        });
    }

    /** Question ids of every DAILY question posted in the channel (with or without a daily_posts row). */
    public Set<String> askedQuestionIds(ChannelKey channel) {
        return read(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT DISTINCT p.question_id
                    FROM posted p
                    JOIN channels ch ON ch.id = p.channel_ref
                    JOIN study_groups g ON g.id = ch.group_ref
                    WHERE p.mode = 'DAILY' AND\s""" + BY_CHANNEL)) {
                bindChannel(s, channel);
                try (ResultSet rs = s.executeQuery()) {
                    Set<String> ids = new HashSet<>();
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                    return Set.copyOf(ids);
                }
            }
        });
    }

    /** Answers and right answers so far, and the first right answer by answer time (ties: first recorded). */
    public RevealStats revealStats(long postedId) {
        return readTransaction(c -> {
            int answered;
            int correct;
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT COUNT(*), COALESCE(SUM(correct), 0) FROM answers WHERE posted_ref = ?")) {
                s.setLong(1, postedId);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    answered = rs.getInt(1);
                    correct = rs.getInt(2);
                }
            }
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT m.display_name, a.answered_at
                    FROM answers a JOIN members m ON m.id = a.member_ref
                    WHERE a.posted_ref = ? AND a.correct = 1
                    ORDER BY a.answered_at, a.id
                    LIMIT 1""")) {
                s.setLong(1, postedId);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next()
                            ? new RevealStats(answered, correct, rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)))
                            : new RevealStats(answered, correct, null, null);
                }
            }
        });
    }

    public List<Integer> answersPerChoice(long postedId, int choices) {
        return readTransaction(c -> {
            List<Integer> counts = new ArrayList<>(Collections.nCopies(choices, 0));
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT choice, COUNT(*) FROM answers WHERE posted_ref = ? GROUP BY choice")) {
                s.setLong(1, postedId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        if (rs.getInt(1) >= 0 && rs.getInt(1) < choices) {
                            counts.set(rs.getInt(1), rs.getInt(2));
                        }
                    }
                }
            }
            return counts;
        });
    }

    /** Thrown inside {@link #write} to roll its transaction back on purpose; never escapes this class. */
    private static final class RollBack extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RollBack() {
            super(null, null, false, false);
        }
    }
}
