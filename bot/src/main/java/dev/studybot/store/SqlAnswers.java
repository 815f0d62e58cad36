package dev.studybot.store;

import static dev.studybot.store.SqlRows.insertPosted;
import static dev.studybot.store.SqlRows.loadPosted;
import static dev.studybot.store.SqlRows.upsertMember;
import static dev.studybot.store.SqlRows.upsertPlace;

import dev.studybot.domain.Member;
import dev.studybot.domain.MemberKey;
import dev.studybot.domain.Mode;
import dev.studybot.domain.Place;
import dev.studybot.knowledge.questions.Question;
import dev.studybot.store.SqlRows.PostedRow;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/** Posted questions and the answers to them: the SQL only; what an answer is worth is decided by its caller. */
final class SqlAnswers extends SqlAggregate implements AnswerStore {

    SqlAnswers(Database database, ZoneId defaultZone) {
        super(database, defaultZone);
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

    @Override
    public <T> T inTransaction(Function<Transaction, T> work) {
        return write(c -> Jdbis.with(c, h -> {
            Rows rows = new Rows(h);
            ReviewBoxes reviews = new SqlReviewBoxes(h);
            return work.apply(new Transaction() {
                @Override
                public PostedAnswers answers() {
                    return rows;
                }

                @Override
                public ReviewBoxes reviews() {
                    return reviews;
                }
            });
        }));
    }

    /** {@link PostedAnswers} on one transaction's handle. */
    private final class Rows implements PostedAnswers {

        private final Handle h;
        /** Posted rows read in this transaction, with the references recording an answer needs. */
        private final Map<Long, Optional<PostedRow>> loaded = new HashMap<>();

        Rows(Handle h) {
            this.h = h;
        }

        @Override
        public void keepNames(Member member, Place place) {
            Jdbis.unchecked(() -> {
                upsertMember(h.getConnection(), member);
                if (place != null) {
                    upsertPlace(h.getConnection(), place, defaultZone);
                }
                return null;
            });
        }

        @Override
        public Optional<Posted> posted(long postedId) {
            return row(postedId).map(PostedRow::posted);
        }

        private Optional<PostedRow> row(long postedId) {
            return loaded.computeIfAbsent(postedId, id -> Jdbis.unchecked(() -> loadPosted(h.getConnection(), id)));
        }

        @Override
        public Optional<EarlierDaily> earlierDaily(long postedId, MemberKey member) {
            PostedRow row = row(postedId).orElseThrow();
            return h.createQuery("""
                            SELECT a.correct, a.streak
                            FROM posted p
                            LEFT JOIN answers a ON a.posted_ref = p.id AND a.member_ref = (
                                SELECT id FROM members WHERE platform = :member.platform AND user_id = :member.userId)
                            WHERE p.channel_ref = :channel AND p.mode = 'DAILY'
                              AND (p.posted_at < :postedAt OR (p.posted_at = :postedAt AND p.id < :posted))
                            ORDER BY p.posted_at DESC, p.id DESC
                            LIMIT 1""")
                    .bindMethods("member", member)
                    .bind("channel", row.channelRef())
                    .bind("postedAt", row.posted().postedAt().toEpochMilli())
                    .bind("posted", postedId)
                    // No answer to it reads as 0 and 0: not correct, no streak.
                    .map((rs, ctx) -> new EarlierDaily(rs.getInt(1) == 1, rs.getInt(2)))
                    .findOne();
        }

        @Override
        public boolean record(Answer answer) {
            PostedRow row = row(answer.postedId()).orElseThrow();
            long memberRef = h.createQuery(
                            "SELECT id FROM members WHERE platform = :member.platform AND user_id = :member.userId")
                    .bindMethods("member", answer.member())
                    .mapTo(Long.class)
                    .one();
            int added = h.createUpdate("""
                            INSERT INTO answers (posted_ref, member_ref, choice, correct, points, streak, answered_at)
                            VALUES (:posted, :member, :choice, :correct, :points, :streak, :at)
                            ON CONFLICT (posted_ref, member_ref) DO NOTHING""")
                    .bind("posted", answer.postedId())
                    .bind("member", memberRef)
                    .bind("choice", answer.choice())
                    .bind("correct", answer.correct() ? 1 : 0)
                    .bind("points", answer.points())
                    .bind("streak", answer.streak())
                    .bind("at", answer.at().toEpochMilli())
                    .execute();
            if (added == 0) {
                return false;
            }
            boolean daily = row.posted().mode() == Mode.DAILY;
            Jdbis.unchecked(() -> {
                ScoreTotals.add(h.getConnection(), row.groupRef(), row.channelRef(), memberRef,
                        PeriodKeys.keys(answer.at(), row.zone()), daily ? answer.points() : 0,
                        daily ? 0 : answer.points(), answer.correct());
                return null;
            });
            return true;
        }

        @Override
        public int recordedChoice(long postedId, MemberKey member) {
            return h.createQuery("""
                            SELECT a.choice FROM answers a JOIN members m ON m.id = a.member_ref
                            WHERE a.posted_ref = :posted AND m.platform = :member.platform AND m.user_id = :member.userId""")
                    .bind("posted", postedId)
                    .bindMethods("member", member)
                    .mapTo(Integer.class)
                    .findOne()
                    .orElse(-1);
        }
    }
}
