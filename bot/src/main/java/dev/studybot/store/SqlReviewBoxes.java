package dev.studybot.store;

import static dev.studybot.store.SqlRows.toJson;

import dev.studybot.domain.MemberKey;
import dev.studybot.knowledge.questions.Question;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** {@link ReviewBoxes} on the {@code reviews} table, on one transaction's handle. */
final class SqlReviewBoxes implements ReviewBoxes {

    private final Handle h;

    SqlReviewBoxes(Handle h) {
        this.h = h;
    }

    @Override
    public Optional<Integer> box(MemberKey member, String questionId) {
        return h.createQuery("""
                        SELECT box FROM reviews
                        WHERE member_ref = (SELECT id FROM members
                                            WHERE platform = :member.platform AND user_id = :member.userId)
                          AND question_id = :question""")
                .bindMethods("member", member)
                .bind("question", questionId)
                .mapTo(Integer.class)
                .findOne();
    }

    @Override
    public void put(MemberKey member, Question question, int box, Instant dueAt) {
        h.createUpdate("""
                        INSERT INTO reviews (member_ref, question_id, box, due_at, kind, topic, prompt, choices, answer,
                                             file, line, explanation)
                        VALUES ((SELECT id FROM members
                                 WHERE platform = :member.platform AND user_id = :member.userId),
                                :question, :box, :dueAt, :kind, :topic, :prompt, :choices, :answer,
                                :file, :line, :explanation)
                        ON CONFLICT (member_ref, question_id) DO UPDATE SET
                            box = excluded.box, due_at = excluded.due_at, kind = excluded.kind, topic = excluded.topic,
                            prompt = excluded.prompt, choices = excluded.choices, answer = excluded.answer,
                            file = excluded.file, line = excluded.line, explanation = excluded.explanation""")
                .bindMethods("member", member)
                .bind("question", question.id())
                .bind("box", box)
                .bind("dueAt", dueAt.toEpochMilli())
                .bind("kind", question.kind())
                .bind("topic", toJson(question.topic()))
                .bind("prompt", question.prompt())
                .bind("choices", toJson(question.choices()))
                .bind("answer", question.answer())
                .bind("file", question.file())
                .bind("line", question.line())
                .bind("explanation", question.explanation())
                .execute();
    }

    @Override
    public void remove(MemberKey member, String questionId) {
        h.createUpdate("""
                        DELETE FROM reviews
                        WHERE member_ref = (SELECT id FROM members
                                            WHERE platform = :member.platform AND user_id = :member.userId)
                          AND question_id = :question""")
                .bindMethods("member", member)
                .bind("question", questionId)
                .execute();
    }
}
