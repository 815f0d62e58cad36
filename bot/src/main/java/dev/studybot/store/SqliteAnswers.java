package dev.studybot.store;

import static dev.studybot.store.SqliteRows.insertPosted;
import static dev.studybot.store.SqliteRows.isUniqueViolation;
import static dev.studybot.store.SqliteRows.loadPosted;
import static dev.studybot.store.SqliteRows.memberRef;
import static dev.studybot.store.SqliteRows.question;
import static dev.studybot.store.SqliteRows.toJson;
import static dev.studybot.store.SqliteRows.upsertMember;
import static dev.studybot.store.SqliteRows.upsertPlace;

import dev.studybot.domain.Member;
import dev.studybot.domain.Place;
import dev.studybot.domain.Mode;
import dev.studybot.config.ScoringRules;
import dev.studybot.game.Leitner;
import dev.studybot.game.PeriodKeys;
import dev.studybot.game.Scoring;
import dev.studybot.knowledge.questions.Question;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import dev.studybot.store.SqliteRows.PostedRow;

/** Posted questions and the answers to them, with the game rules applied in the answer's transaction. */
final class SqliteAnswers extends SqliteAggregate {

    private final ScoringRules scoring;

    SqliteAnswers(SqliteConnections connections, ZoneId defaultZone, ScoringRules scoring) {
        super(connections, defaultZone);
        this.scoring = scoring;
    }

    public long post(Place place, Member owner, Mode mode, Question question, Instant postedAt, Instant expiresAt) {
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(postedAt, "postedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        return write(c -> {
            Long ownerRef = owner == null ? null : upsertMember(c, owner);
            long channelRef = upsertPlace(c, place, defaultZone)[1];
            return insertPosted(c, mode, channelRef, ownerRef, question, postedAt, expiresAt);
        });
    }

    public Optional<Posted> posted(long id) {
        return read(c -> loadPosted(c, id).map(PostedRow::posted));
    }

    public AnswerOutcome answer(long postedId, Member member, Place place, int choice, Instant at) {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(at, "at");
        return write(c -> {
            long memberRef = upsertMember(c, member);
            if (place != null) {
                upsertPlace(c, place, defaultZone);
            }
            Optional<PostedRow> found = loadPosted(c, postedId);
            if (found.isEmpty()) {
                return new AnswerOutcome.Unknown();
            }
            PostedRow row = found.get();
            Posted posted = row.posted();
            Question question = posted.question();
            if (choice < 0 || choice >= question.choices().size()) {
                return new AnswerOutcome.NoSuchChoice(posted, choice);
            }
            if (row.ownerRef() != null && row.ownerRef() != memberRef) {
                return new AnswerOutcome.NotYours(posted);
            }
            if (at.isAfter(posted.expiresAt())) {
                return new AnswerOutcome.Expired(posted);
            }
            boolean correct = choice == question.answer();
            int streak = posted.mode() == Mode.DAILY && correct ? dailyStreak(c, row, memberRef) : 0;
            Scoring.Score score = Scoring.score(scoring, posted.mode(), correct, posted.postedAt(), at, streak);
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO answers (posted_ref, member_ref, choice, correct, points, streak, answered_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
                s.setLong(1, postedId);
                s.setLong(2, memberRef);
                s.setInt(3, choice);
                s.setInt(4, correct ? 1 : 0);
                s.setInt(5, score.points());
                s.setInt(6, score.streak());
                s.setLong(7, at.toEpochMilli());
                s.executeUpdate();
            } catch (SQLException e) {
                if (!isUniqueViolation(e)) {
                    throw e;
                }
                // Answered before (a double press, or a race with another process): the failed statement
                // changed nothing; keep the name updates and report the first answer.
                return new AnswerOutcome.AlreadyAnswered(posted, previousChoice(c, postedId, memberRef));
            }
            ScoreTotals.add(c, row.groupRef(), row.channelRef(), memberRef, PeriodKeys.keys(at, row.zone()),
                    score.dailyPoints(), score.practicePoints(), correct);
            updateReview(c, memberRef, posted.mode(), question, correct, at);
            return new AnswerOutcome.Recorded(posted, choice, correct, score.points(), score.streak());
        });
    }

    private static int previousChoice(Connection c, long postedId, long memberRef) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT choice FROM answers WHERE posted_ref = ? AND member_ref = ?")) {
            s.setLong(1, postedId);
            s.setLong(2, memberRef);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getInt(1) : -1;
            }
        }
    }

    /** The streak a correct answer to this daily question reaches (see {@link Scoring}). */
    private static int dailyStreak(Connection c, PostedRow row, long memberRef) throws SQLException {
        long postedAt = row.posted().postedAt().toEpochMilli();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT p.id, a.correct, a.streak
                FROM posted p
                LEFT JOIN answers a ON a.posted_ref = p.id AND a.member_ref = ?
                WHERE p.channel_ref = ? AND p.mode = 'DAILY'
                  AND (p.posted_at < ? OR (p.posted_at = ? AND p.id < ?))
                ORDER BY p.posted_at DESC, p.id DESC
                LIMIT 1""")) {
            s.setLong(1, memberRef);
            s.setLong(2, row.channelRef());
            s.setLong(3, postedAt);
            s.setLong(4, postedAt);
            s.setLong(5, row.posted().id());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Scoring.streak(true, false, false, 0);
                }
                boolean previousCorrect = rs.getInt(2) == 1;
                return Scoring.streak(true, true, previousCorrect, rs.getInt(3));
            }
        }
    }

    private static void updateReview(Connection c, long memberRef, Mode mode, Question question, boolean correct,
                                     Instant at) throws SQLException {
        Integer box = null;
        try (PreparedStatement s = c.prepareStatement(
                "SELECT box FROM reviews WHERE member_ref = ? AND question_id = ?")) {
            s.setLong(1, memberRef);
            s.setString(2, question.id());
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    box = rs.getInt(1);
                }
            }
        }
        Leitner.Step step = Leitner.after(mode, correct, box, at);
        if (step instanceof Leitner.Step.Schedule schedule) {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO reviews (member_ref, question_id, box, due_at, kind, topic, prompt, choices, answer,
                                         file, line, explanation)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (member_ref, question_id) DO UPDATE SET
                        box = excluded.box, due_at = excluded.due_at, kind = excluded.kind, topic = excluded.topic,
                        prompt = excluded.prompt, choices = excluded.choices, answer = excluded.answer,
                        file = excluded.file, line = excluded.line, explanation = excluded.explanation""")) {
                s.setLong(1, memberRef);
                s.setString(2, question.id());
                s.setInt(3, schedule.box());
                s.setLong(4, schedule.dueAt().toEpochMilli());
                s.setString(5, question.kind());
                s.setString(6, toJson(question.topic()));
                s.setString(7, question.prompt());
                s.setString(8, toJson(question.choices()));
                s.setInt(9, question.answer());
                s.setString(10, question.file());
                s.setInt(11, question.line());
                s.setString(12, question.explanation());
                s.executeUpdate();
            }
        } else if (step instanceof Leitner.Step.Remove) {
            try (PreparedStatement s = c.prepareStatement(
                    "DELETE FROM reviews WHERE member_ref = ? AND question_id = ?")) {
                s.setLong(1, memberRef);
                s.setString(2, question.id());
                s.executeUpdate();
            }
        }
    }
}
