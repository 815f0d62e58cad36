package dev.studybot.store;

import dev.studybot.domain.ChannelKey;
import dev.studybot.domain.Place;
import dev.studybot.knowledge.questions.Question;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** What the question of the day needs remembered, so that a restart loses nothing and doubles nothing. */
public interface ScheduleStore {

    /** Creates or replaces the channel's schedule. */
    void saveSchedule(Schedule schedule);

    Optional<Schedule> schedule(ChannelKey channel);

    List<Schedule> schedules();

    /** @return whether there was a schedule to remove */
    boolean removeSchedule(ChannelKey channel);

    /**
     * Posts the channel's question of the day for {@code day} unless that day already has one: at most
     * one per channel per day, enforced by the database, however many callers race.
     *
     * @return the posted id, or empty when the day already has its question
     */
    OptionalLong postDaily(Place place, LocalDate day, Question question, Instant postedAt, Instant revealAt);

    Optional<DailyPost> daily(ChannelKey channel, LocalDate day);

    /** Questions of the day not revealed yet, earliest reveal first (due or not). */
    List<DailyPost> unrevealed();

    /** @return true only for the first call for this question: a reveal happens once */
    boolean markRevealed(long postedId, Instant at);

    /** Ids ({@link Question#id()}) of the questions of the day already asked in the channel. */
    Set<String> askedQuestionIds(ChannelKey channel);

    RevealStats revealStats(long postedId);

    /** How many answered each of the question's {@code choices} choices, in order. */
    List<Integer> answersPerChoice(long postedId, int choices);

    /** Whether the platform took each question of the day and its reveal. */
    DailyDeliveryStore deliveries();

    /** Whom each channel's question of the day mentions when it is posted. */
    MentionStore mentions();
}
