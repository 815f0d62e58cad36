package dev.studybot.study;

import dev.studybot.domain.GroupKey;
import dev.studybot.domain.ChannelKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybot.chat.Caller;
import dev.studybot.chat.ReaderTime;
import dev.studybot.chat.Interaction;
import dev.studybot.chat.Reply;
import dev.studybot.domain.Member;
import dev.studybot.domain.Place;
import dev.studybot.store.Schedule;
import dev.studybot.store.SqlStudyStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /study timezone} and schedules that take the group's zone when none is given. */
class TimeZoneCommandTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Place GENERAL = new Place("console", "team", "team", "general", "general");
    private static final Caller ADMIN = new Caller(new Member("console", "alice", "alice"), GENERAL, true);
    private static final Caller MEMBER = new Caller(new Member("console", "bob", "bob"), GENERAL, false);
    // Monday 2026-03-02 09:00 UTC = 10:00 in Berlin.
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    private DailyBot daily;
    private SqlStudyStore store;
    private StudyBot bot;

    @BeforeEach
    void setUp() throws IOException {
        daily = DailyBot.open(dir, BERLIN, List.of(), CLOCK);
        store = daily.store();
        bot = daily.bot();
    }

    @AfterEach
    void tearDown() {
        daily.close();
    }

    private String say(Caller caller, String text) {
        return bot.handle(new Interaction.Text(caller, text)).toString();
    }

    private ZoneId scheduledZone() {
        return store.schedule(new ChannelKey("console", "team", "general")).map(Schedule::zone).orElseThrow();
    }

    @Test
    void showsTheDefaultZoneWithTheLocalTime() {
        Reply reply = bot.handle(new Interaction.Text(MEMBER, "timezone"));
        assertTrue(reply.privateTo());
        assertTrue(reply.toString().contains("run in Europe/Berlin time (it is Mon 10:00 there)"), reply.toString());
    }

    @Test
    void onlyAdminsSetItAndNamesAreCheckedInAnyCase() {
        assertTrue(say(MEMBER, "timezone set Asia/Tokyo").contains("Only admins can use /study timezone set"));
        assertTrue(say(ADMIN, "timezone set Mars/Olympus").contains("\"Mars/Olympus\" is not a time zone I know"));
        assertTrue(say(ADMIN, "timezone set").contains("Say which time zone"));
        assertEquals(BERLIN, store.timeZone(new GroupKey("console", "team")));

        Reply set = bot.handle(new Interaction.Text(ADMIN, "timezone set america/new_york"));
        assertFalse(set.privateTo());
        assertTrue(set.toString().contains("now run in America/New_York time (set by alice)"), set.toString());
        assertEquals(NEW_YORK, store.timeZone(new GroupKey("console", "team")));
    }

    @Test
    void aScheduleWithoutAZoneTakesTheGroupsZone() {
        assertTrue(say(ADMIN, "schedule set 09:00 weekdays").contains("weekdays at 09:00 Europe/Berlin"));
        assertEquals(BERLIN, scheduledZone());

        say(ADMIN, "timezone set America/New_York");
        say(ADMIN, "schedule set 08:30");
        assertEquals(NEW_YORK, scheduledZone());

        say(ADMIN, "schedule set 07:00 utc");
        assertEquals(ZoneId.of("UTC"), scheduledZone());
        // A misspelt zone is an error, not a topic.
        assertTrue(say(ADMIN, "schedule set 07:00 Europe/Berlinn").contains("\"Europe/Berlinn\" is not a time zone"));
        assertEquals(ZoneId.of("UTC"), scheduledZone());
    }

    @Test
    void theNextQuestionIsAReaderTimeEachPlatformShowsInTheReadersZone() {
        say(ADMIN, "schedule set 09:00 weekdays");
        Instant next = daily.scheduler().nextFire(GENERAL);

        String shown = ((Reply.Text) bot.handle(new Interaction.Text(MEMBER, "schedule show")).parts().get(0)).text();

        List<Long> times = new java.util.ArrayList<>();
        String plain = ReaderTime.render(shown, time -> {
            times.add(time.epochSecond());
            return time.plain();
        });
        assertEquals(List.of(next.getEpochSecond()), times, shown);
        assertTrue(plain.endsWith("Next question: " + ReaderTime.of(next, BERLIN).plain() + "."), plain);
        assertTrue(plain.contains(" at 09:00 (Europe/Berlin)"), "in the schedule's zone where no reader's is known: " + plain);
    }
}
