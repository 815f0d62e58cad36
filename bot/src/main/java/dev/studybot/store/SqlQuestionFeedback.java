package dev.studybot.store;

import dev.studybot.domain.Member;
import dev.studybot.itemanalysis.ItemAnalysis;
import dev.studybot.itemanalysis.ReportReason;
import dev.studybot.itemanalysis.RetirementRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link QuestionFeedbackStore} on the tables of migration V5 ({@code question_reports}, {@code question_status}),
 * in the same database and transactions as the rest of the store. Reports are unique per member and question
 * by their primary key, so a double press or a race records once.
 */
final class SqlQuestionFeedback implements QuestionFeedbackStore {

    private static final Logger LOG = LoggerFactory.getLogger(SqlQuestionFeedback.class);
    private static final String RETIRED = "RETIRED";
    private static final String RESTORED = "RESTORED";
    private static final int REVIEW_EVERY = 5;

    private final Database database;
    private final RetirementRules rules;
    /** Read on every pick of a question, so kept in memory; changed only after a commit. */
    private final Set<String> retired = ConcurrentHashMap.newKeySet();

    SqlQuestionFeedback(Database database, RetirementRules rules) {
        this.database = database;
        this.rules = rules;
        retired.addAll(database.read(c -> Jdbis.with(c, h -> h.createQuery(
                "SELECT question_id FROM question_status WHERE status = 'RETIRED'").mapTo(String.class).list())));
    }

    @Override
    public ReportOutcome report(long postedId, Member member, ReportReason reason, Instant at) {
        ReportOutcome outcome = database.write(c -> {
            Optional<SqlRows.PostedRow> row = SqlRows.loadPosted(c, postedId);
            if (row.isEmpty()) {
                return new ReportOutcome.Unknown();
            }
            Posted posted = row.get().posted();
            String questionId = posted.question().id();
            long memberRef = SqlRows.upsertMember(c, member);
            return Jdbis.with(c, h -> {
                int added = h.createUpdate("""
                                INSERT INTO question_reports (question_id, member_ref, posted_ref, reason, reported_at)
                                VALUES (:question, :member, :posted, :reason, :at)
                                ON CONFLICT (question_id, member_ref) DO NOTHING""")
                        .bind("question", questionId).bind("member", memberRef).bind("posted", postedId)
                        .bind("reason", reason.name()).bind("at", at.toEpochMilli())
                        .execute();
                if (added == 0) {
                    ReportReason earlier = ReportReason.valueOf(h.createQuery(
                                    "SELECT reason FROM question_reports WHERE question_id = ? AND member_ref = ?")
                            .bind(0, questionId).bind(1, memberRef).mapTo(String.class).one());
                    return new ReportOutcome.AlreadyReported(posted, earlier);
                }
                return new ReportOutcome.Recorded(posted, reason, retireIfDue(h, questionId, at));
            });
        });
        if (outcome instanceof ReportOutcome.Recorded recorded) {
            noteRetirement(recorded.retiredBecause(), recorded.posted().question().id());
        }
        return outcome;
    }

    @Override
    public Optional<String> reviewAnswers(String questionId, Instant at) {
        if (retired.contains(questionId)) {
            return Optional.empty();
        }
        // Most answers change nothing, so look first with a reader and write only to retire; the full analysis
        // reads every answer to the question, so it runs at the answer that reaches the rules' count and at every
        // fifth after, not at each one.
        boolean due = database.readTransaction(c -> Jdbis.with(c, h -> {
            int answered = h.createQuery("""
                            SELECT COUNT(*) FROM answers a JOIN posted p ON p.id = a.posted_ref WHERE p.question_id = ?""")
                    .bind(0, questionId).mapTo(Integer.class).one();
            int past = answered - rules.answersForDiscrimination();
            return past >= 0 && past % REVIEW_EVERY == 0 && status(h, questionId).isEmpty()
                    && rules.why(reports(h, questionId), analysis(h, questionId).orElseThrow()).isPresent();
        }));
        if (!due) {
            return Optional.empty();
        }
        Optional<String> why = database.write(c -> Jdbis.with(c, h -> retireIfDue(h, questionId, at)));
        noteRetirement(why, questionId);
        return why;
    }

    private void noteRetirement(Optional<String> why, String questionId) {
        why.ifPresent(reason -> {
            retired.add(questionId);
            LOG.info("Question {} retired from the pool: {}", questionId, reason);
        });
    }

    /** Retires the question when the rules say so and no decision about it was made before. */
    private Optional<String> retireIfDue(Handle h, String questionId, Instant at) {
        if (status(h, questionId).isPresent()) {
            return Optional.empty();
        }
        Optional<String> why = rules.why(reports(h, questionId), analysis(h, questionId).orElseThrow());
        why.ifPresent(reason -> h.createUpdate("""
                        INSERT INTO question_status (question_id, status, why, changed_at)
                        VALUES (:question, 'RETIRED', :why, :at)""")
                .bind("question", questionId).bind("why", reason).bind("at", at.toEpochMilli()).execute());
        return why;
    }

    @Override
    public Set<String> retired() {
        return Set.copyOf(retired);
    }

    @Override
    public boolean inService(String questionId) {
        return !retired.contains(questionId);
    }

    @Override
    public List<FlaggedQuestion> flagged(int limit) {
        return database.readTransaction(c -> Jdbis.with(c, h -> {
            List<String> ids = h.createQuery("""
                            SELECT question_id FROM (
                                SELECT question_id, 0 AS rank, changed_at AS at FROM question_status WHERE status = 'RETIRED'
                                UNION ALL
                                SELECT r.question_id, 1, MAX(r.reported_at) FROM question_reports r
                                WHERE NOT EXISTS (SELECT 1 FROM question_status s WHERE s.question_id = r.question_id)
                                GROUP BY r.question_id) AS flagged
                            ORDER BY rank, at DESC LIMIT :limit""")
                    .bind("limit", limit).mapTo(String.class).list();
            List<FlaggedQuestion> flagged = new ArrayList<>();
            for (String id : ids) {
                describe(h, id).ifPresent(flagged::add);
            }
            return flagged;
        }));
    }

    @Override
    public Optional<FlaggedQuestion> restore(String questionId, Instant at) {
        Optional<FlaggedQuestion> restored = database.write(c -> Jdbis.with(c, h -> {
            int changed = h.createUpdate("""
                            UPDATE question_status SET status = 'RESTORED', why = 'restored by an admin', changed_at = :at
                            WHERE question_id = :question AND status = 'RETIRED'""")
                    .bind("question", questionId).bind("at", at.toEpochMilli()).execute();
            return changed == 0 ? Optional.<FlaggedQuestion>empty() : describe(h, questionId);
        }));
        restored.ifPresent(question -> {
            retired.remove(questionId);
            LOG.info("Question {} restored to the pool", questionId);
        });
        return restored;
    }

    @Override
    public Optional<FlaggedQuestion> question(String questionId) {
        return database.readTransaction(c -> Jdbis.with(c, h -> describe(h, questionId)));
    }

    private Optional<FlaggedQuestion> describe(Handle h, String questionId) {
        Optional<LatestPost> latest = latestPost(h, questionId);
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        Optional<String[]> status = status(h, questionId);
        return Optional.of(new FlaggedQuestion(questionId, SqlRows.fromJson(latest.get().topic()),
                latest.get().prompt(), reports(h, questionId), analysis(h, questionId, latest.get()),
                status.filter(s -> s[0].equals(RETIRED)).map(s -> s[1]),
                status.filter(s -> s[0].equals(RESTORED)).isPresent()));
    }

    /** Status and why, when a decision was made about the question. */
    private static Optional<String[]> status(Handle h, String questionId) {
        return h.createQuery("SELECT status, why FROM question_status WHERE question_id = ?").bind(0, questionId)
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)}).findOne();
    }

    private static List<ReportReason> reports(Handle h, String questionId) {
        return h.createQuery("SELECT reason FROM question_reports WHERE question_id = ? ORDER BY reported_at")
                .bind(0, questionId).mapTo(String.class).map(ReportReason::valueOf).list();
    }

    private record LatestPost(String prompt, String topic, String choices, int answer) {
    }

    /** The question as last posted (its text is the same in every post of the same id). */
    private static Optional<LatestPost> latestPost(Handle h, String questionId) {
        return h.createQuery("""
                        SELECT prompt, topic, choices, answer FROM posted WHERE question_id = ? ORDER BY id DESC LIMIT 1""")
                .bind(0, questionId)
                .map((rs, ctx) -> new LatestPost(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
                .findOne();
    }

    /** Empty when the question was never posted. */
    private static Optional<ItemAnalysis> analysis(Handle h, String questionId) {
        return latestPost(h, questionId).map(latest -> analysis(h, questionId, latest));
    }

    /** The answers to every post of the question, judged against it as last posted. */
    private static ItemAnalysis analysis(Handle h, String questionId, LatestPost latest) {
        List<String> choices = SqlRows.fromJson(latest.choices());
        List<ItemAnalysis.Response> responses = h.createQuery("""
                        SELECT p.choices, a.choice, a.correct,
                               COUNT(op.id), COALESCE(SUM(CASE WHEN op.id IS NOT NULL THEN o.correct END), 0)
                        FROM answers a
                        JOIN posted p ON p.id = a.posted_ref
                        LEFT JOIN answers o ON o.member_ref = a.member_ref
                        LEFT JOIN posted op ON op.id = o.posted_ref AND op.question_id <> :question
                        WHERE p.question_id = :question
                        GROUP BY a.id, p.choices, a.choice, a.correct""")
                .bind("question", questionId)
                .map((rs, ctx) -> {
                    List<String> shown = SqlRows.fromJson(rs.getString(1));
                    int choice = rs.getInt(2);
                    return new ItemAnalysis.Response(choice < shown.size() ? shown.get(choice) : "?",
                            rs.getInt(3) == 1, rs.getInt(4), rs.getInt(5));
                })
                .list();
        return ItemAnalysis.of(choices.get(latest.answer()), choices, responses);
    }
}
