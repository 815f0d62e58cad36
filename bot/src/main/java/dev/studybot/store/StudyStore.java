package dev.studybot.store;

import dev.studybot.domain.GroupKey;
import dev.studybot.domain.Member;
import dev.studybot.domain.MemberKey;
import dev.studybot.domain.Place;
import dev.studybot.domain.Mode;
import dev.studybot.domain.Period;
import dev.studybot.domain.Scope;
import dev.studybot.knowledge.questions.Question;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Everything studybot remembers: members, groups, posted questions, answers, scores, reviews.
 * Implemented on SQLite or PostgreSQL (see SqlStudyStore); safe to call from many threads.
 */
public interface StudyStore extends AutoCloseable {

    /** Posts a question and returns its id (also the number shown on its answer buttons). */
    long post(Place place, Member owner, Mode mode, Question question, Instant postedAt, Instant expiresAt);

    Optional<Posted> posted(long id);

    /** The answers to posted questions, their totals and the review boxes, for the rules in {@code game.AnswerService}. */
    AnswerStore answers();

    Leaderboard leaderboard(Place place, Scope scope, Period period, MemberKey caller, int top, Instant now);

    Stats stats(Place place, MemberKey member, Instant now);

    /** A member of the platform by display name (case-insensitive) or id. */
    Optional<Member> findMember(String platform, String nameOrId);

    /** The question due for review for this member now, if any (wrong answers come back, Leitner boxes; retired ones do not). */
    Optional<Question> nextReview(Member member, Instant now);

    /** What members report about questions, how each question fares, and which ones are out of service. */
    QuestionFeedbackStore questionFeedback();

    /** The lookups members made ("More results", votes on them). */
    SearchHistory searches();

    /** The group's time zone (for weeks and months); UTC until set. */
    ZoneId timeZone(GroupKey group);

    void setTimeZone(GroupKey group, ZoneId zone);

    @Override
    void close();
}
