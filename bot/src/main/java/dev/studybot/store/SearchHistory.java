package dev.studybot.store;

import dev.studybot.domain.Member;
import dev.studybot.domain.MemberKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The lookups members made, kept in the database so that "More results" works whichever process takes the press,
 * and what members said about them (helpful or not), which {@code studybot eval --from-feedback} turns into a query set.
 */
public interface SearchHistory {

    /** Records a lookup as first shown; returns its id, which the reply's buttons carry. */
    String record(Member member, String query, int shown, Optional<TopResult> top, Instant at);

    Optional<Lookup> lookup(String id);

    /** The member's latest lookup (where there are no buttons to carry an id: typing {@code more} in the console). */
    Optional<Lookup> latest(MemberKey member);

    /** The member has now seen {@code shown} results of the lookup. */
    void shown(String id, int shown);

    /** Records (or changes) {@code member}'s vote on a lookup; false when the lookup is not known. */
    boolean vote(String id, Member member, boolean helpful, Instant at);

    /** Every lookup with at least one vote, oldest first. */
    List<Voted> voted();

    /** The first result of a lookup: where it is ({@code file:line}) and the line in it that answers. */
    record TopResult(String source, String answer) {
    }

    record Lookup(String id, MemberKey member, String query, int shown) {
    }

    record Voted(String id, String query, Optional<TopResult> top, int helpful, int unhelpful) {
    }
}
