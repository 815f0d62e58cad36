package dev.studybot.study;

import dev.studybot.chat.Poster;
import dev.studybot.chat.Reply;
import dev.studybot.domain.Period;
import dev.studybot.domain.Place;
import dev.studybot.domain.Scope;
import dev.studybot.qotd.WeekEnd;
import dev.studybot.store.Leaderboard;
import dev.studybot.store.StudyStore;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;

/**
 * The weekly summary (question_of_the_day.weekly_summary): once a channel's last question of the week is revealed,
 * the channel's board of that week with its chart, posted to the channel. A week nobody scored in posts nothing.
 */
public record WeeklyBoard(StudyStore store, Poster poster) implements WeekEnd {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);

    @Override
    public void ended(Place channel, Instant during) {
        Leaderboard board = store.leaderboard(channel, Scope.CHANNEL, Period.WEEK, null, StandingsCommands.TOP, during);
        if (board.top().isEmpty()) {
            return;
        }
        LocalDate day = during.atZone(store.timeZone(channel.group())).toLocalDate();
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        String title = "Week in review, #" + channel.channelName();
        Reply.Text span = new Reply.Text("The week's last question is revealed. Points from " + DAY.format(monday)
                + " to " + DAY.format(monday.plusDays(6)) + ":");
        poster.post(channel, LeaderboardChart.attachedTo(Replies.leaderboard(board, title, List.of(span)), board, title));
    }
}
