package dev.studybot.store;

import dev.studybot.domain.Member;
import dev.studybot.domain.MemberKey;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.result.RowView;

/**
 * {@link SearchHistory} on the tables of migration V8 ({@code searches}, {@code search_votes}). A lookup's id is
 * random rather than a row number, so it cannot be guessed from another member's and fits in every platform's
 * button value (Discord allows 100 characters); a vote is unique per member and lookup by its primary key.
 */
final class SqlSearchHistory implements SearchHistory {

    private static final SecureRandom IDS = new SecureRandom();

    private final Database database;

    SqlSearchHistory(Database database) {
        this.database = database;
    }

    @Override
    public String record(Member member, String query, int shown, Optional<TopResult> top, Instant at) {
        String id = Long.toString(IDS.nextLong() & Long.MAX_VALUE, Character.MAX_RADIX);
        database.write(c -> {
            long memberRef = SqlRows.upsertMember(c, member);
            return Jdbis.with(c, h -> h.createUpdate("""
                            INSERT INTO searches (search_id, member_ref, query, shown, top_source, top_answer, searched_at)
                            VALUES (:id, :member, :query, :shown, :source, :answer, :at)""")
                    .bind("id", id).bind("member", memberRef).bind("query", query).bind("shown", shown)
                    .bind("source", top.map(TopResult::source).orElse(null))
                    .bind("answer", top.map(TopResult::answer).orElse(null))
                    .bind("at", at.toEpochMilli())
                    .execute());
        });
        return id;
    }

    @Override
    public Optional<Lookup> lookup(String id) {
        return database.read(c -> Jdbis.with(c, h -> h.createQuery("""
                        SELECT s.search_id, m.platform, m.user_id, s.query, s.shown
                        FROM searches s JOIN members m ON m.id = s.member_ref WHERE s.search_id = :id""")
                .bind("id", id).map(SqlSearchHistory::lookup).findOne()));
    }

    @Override
    public Optional<Lookup> latest(MemberKey member) {
        return database.read(c -> Jdbis.with(c, h -> h.createQuery("""
                        SELECT s.search_id, m.platform, m.user_id, s.query, s.shown
                        FROM searches s JOIN members m ON m.id = s.member_ref
                        WHERE m.platform = :platform AND m.user_id = :user
                        ORDER BY s.searched_at DESC LIMIT 1""")
                .bind("platform", member.platform()).bind("user", member.userId())
                .map(SqlSearchHistory::lookup).findOne()));
    }

    private static Lookup lookup(RowView row) {
        return new Lookup(row.getColumn("search_id", String.class),
                new MemberKey(row.getColumn("platform", String.class), row.getColumn("user_id", String.class)),
                row.getColumn("query", String.class), row.getColumn("shown", Integer.class));
    }

    @Override
    public void shown(String id, int shown) {
        database.write(c -> Jdbis.with(c, h -> h.createUpdate("UPDATE searches SET shown = :shown WHERE search_id = :id")
                .bind("shown", shown).bind("id", id).execute()));
    }

    @Override
    public boolean vote(String id, Member member, boolean helpful, Instant at) {
        return database.write(c -> {
            boolean known = Jdbis.with(c, h -> h.createQuery("SELECT COUNT(*) FROM searches WHERE search_id = :id")
                    .bind("id", id).mapTo(Integer.class).one()) > 0;
            if (!known) {
                return false;
            }
            long memberRef = SqlRows.upsertMember(c, member);
            Jdbis.with(c, h -> h.createUpdate("""
                            INSERT INTO search_votes (search_id, member_ref, helpful, voted_at)
                            VALUES (:id, :member, :helpful, :at)
                            ON CONFLICT (search_id, member_ref) DO UPDATE SET helpful = excluded.helpful,
                                voted_at = excluded.voted_at""")
                    .bind("id", id).bind("member", memberRef).bind("helpful", helpful ? 1 : 0)
                    .bind("at", at.toEpochMilli()).execute());
            return true;
        });
    }

    @Override
    public List<Voted> voted() {
        return database.read(c -> Jdbis.with(c, h -> h.createQuery("""
                        SELECT s.search_id, s.query, s.top_source, s.top_answer,
                               SUM(v.helpful) AS helpful, SUM(1 - v.helpful) AS unhelpful
                        FROM searches s JOIN search_votes v ON v.search_id = s.search_id
                        GROUP BY s.search_id, s.query, s.top_source, s.top_answer, s.searched_at
                        ORDER BY s.searched_at, s.search_id""")
                .map(row -> {
                    String source = row.getColumn("top_source", String.class);
                    Optional<TopResult> top = source == null ? Optional.empty()
                            : Optional.of(new TopResult(source, row.getColumn("top_answer", String.class)));
                    return new Voted(row.getColumn("search_id", String.class), row.getColumn("query", String.class), top,
                            row.getColumn("helpful", Integer.class), row.getColumn("unhelpful", Integer.class));
                }).list()));
    }
}
