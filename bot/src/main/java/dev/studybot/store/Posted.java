package dev.studybot.store;

import dev.studybot.domain.Mode;
import dev.studybot.knowledge.questions.Question;
import java.time.Instant;

/**
 * A question as posted: what was asked, where, to whom, and until when answers count.
 *
 * @param ownerUserId the only member who may answer (practice and review), or null for anyone (daily)
 */
public record Posted(long id, Mode mode, Question question, String platform, String groupId, String channelId,
                     String ownerUserId, Instant postedAt, Instant expiresAt) {
}
