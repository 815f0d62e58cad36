package dev.studybot.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybot.chat.Caller;
import dev.studybot.chat.Form;
import dev.studybot.chat.Interaction;
import dev.studybot.chat.Reply;
import dev.studybot.domain.ChannelKey;
import dev.studybot.domain.Member;
import dev.studybot.domain.Place;
import dev.studybot.store.Schedule;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schedule form: what it offers and holds, and a submission checked and saved as the typed command. */
class ScheduleFormTest {

    private static final Place GENERAL = new Place("console", "team", "team", "general", "general");
    private static final ChannelKey CHANNEL = new ChannelKey("console", "team", "general");
    private static final Caller ADMIN = new Caller(new Member("console", "alice", "alice"), GENERAL, true);
    private static final Caller MEMBER = new Caller(new Member("console", "bob", "bob"), GENERAL, false);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    private DailyBot daily;

    @BeforeEach
    void setUp() throws IOException {
        daily = DailyBot.open(dir, ZoneId.of("Asia/Kathmandu"), List.of(DailyBot.about("S3"), DailyBot.about("EC2")),
                CLOCK);
    }

    @AfterEach
    void tearDown() {
        daily.close();
    }

    private Reply press(Caller caller, String action) {
        return daily.bot().handle(new Interaction.Press(caller, action));
    }

    private Reply submit(Caller caller, Map<String, List<String>> values) {
        return daily.bot().handle(new Interaction.Submit(caller, ScheduleForm.ID, values));
    }

    @Test
    void adminsSeeAButtonThatOpensTheFormWithTheGroupsZoneAndTheNotesTopics() {
        Reply shown = daily.bot().handle(new Interaction.Text(ADMIN, "schedule"));
        assertEquals(List.of("schedule-form"), shown.buttons().stream().map(b -> b.action()).toList());
        assertEquals("Set a schedule…", shown.buttons().get(0).label());
        assertTrue(daily.bot().handle(new Interaction.Text(MEMBER, "schedule")).buttons().isEmpty(), "members: none");

        Form form = press(ADMIN, ScheduleForm.OPEN).form().orElseThrow();
        assertEquals(List.of("time", "zone", "other_zone", "days", "topics"),
                form.fields().stream().map(Form.Field::name).toList());
        Form.Select zone = (Form.Select) form.fields().get(1);
        assertEquals(List.of("Asia/Kathmandu"), zone.initial(), "the group's zone, not a common one, is offered first");
        assertEquals("Asia/Kathmandu", zone.options().get(0).value());
        assertTrue(zone.options().size() <= Form.MAX_OPTIONS);
        Form.Select topics = (Form.Select) form.fields().get(4);
        assertEquals(List.of("EC2", "S3"), topics.options().stream().map(Form.Option::value).toList());
        assertTrue(topics.multiple());

        Reply refused = press(MEMBER, ScheduleForm.OPEN);
        assertTrue(refused.form().isEmpty());
        assertTrue(refused.toString().contains("Only admins can use /study schedule set"), refused.toString());
    }

    @Test
    void theTypedCommandWithoutATimeOffersTheFormAndSaysHowToTypeIt() {
        Reply reply = daily.bot().handle(new Interaction.Text(ADMIN, "schedule set"));
        assertTrue(reply.form().isPresent());
        assertTrue(reply.toString().contains("Say when, e.g. /study schedule set 09:00 Europe/Berlin weekdays"));
    }

    @Test
    void aSubmissionIsSavedAndThenPreFillsTheForm() {
        Reply saved = submit(ADMIN, Map.of("time", List.of("07:30"), "zone", List.of("Europe/Paris"),
                "other_zone", List.of(""), "days", List.of("weekdays"), "topics", List.of("S3", "EC2")));
        assertFalse(saved.privateTo(), "confirmed to the channel, as the typed command");
        assertTrue(saved.toString().contains("weekdays at 07:30 Europe/Paris, topics: S3, EC2 (set by alice)"),
                saved.toString());
        Schedule schedule = daily.store().schedule(CHANNEL).orElseThrow();
        assertEquals(LocalTime.of(7, 30), schedule.time());
        assertEquals(ZoneId.of("Europe/Paris"), schedule.zone());
        assertTrue(schedule.weekdaysOnly());

        Form form = press(ADMIN, ScheduleForm.OPEN).form().orElseThrow();
        assertEquals("07:30", ((Form.TextField) form.fields().get(0)).initial());
        assertEquals(List.of("Europe/Paris"), ((Form.Select) form.fields().get(1)).initial());
        assertEquals(List.of("weekdays"), ((Form.Select) form.fields().get(3)).initial());
        assertEquals(List.of("S3", "EC2"), ((Form.Select) form.fields().get(4)).initial());
        assertEquals("Change schedule…", daily.bot().handle(new Interaction.Text(ADMIN, "schedule")).buttons().get(0)
                .label());
    }

    @Test
    void aTypedZoneWinsOverThePickedOne() {
        submit(ADMIN, Map.of("time", List.of("9:00"), "zone", List.of("UTC"), "other_zone", List.of("asia/tokyo"),
                "days", List.of("daily")));
        assertEquals(Optional.of(ZoneId.of("Asia/Tokyo")), daily.store().schedule(CHANNEL).map(Schedule::zone));
    }

    @Test
    void badFieldsAreNamedEachAndNothingIsSaved() {
        Reply bad = submit(ADMIN, Map.of("time", List.of("25:00"), "zone", List.of("UTC"),
                "other_zone", List.of("Mars/Olympus"), "days", List.of("daily")));
        assertTrue(bad.privateTo());
        assertEquals(Map.of("time", "\"25:00\" is not a time of day; use 24-hour HH:MM, e.g. 09:00 or 17:30.",
                "other_zone", "\"Mars/Olympus\" is not a time zone I know. Use a name like Europe/Berlin,"
                        + " America/New_York or UTC."), bad.fieldErrors());
        assertTrue(bad.toString().contains("**Time:** \"25:00\" is not a time of day"), bad.toString());
        assertEquals("schedule-form", bad.buttons().get(0).action(), "the form can be opened again");
        assertTrue(daily.store().schedule(CHANNEL).isEmpty());

        assertEquals(Map.of("time", "Say when, as 24-hour HH:MM, e.g. 09:00."),
                submit(ADMIN, Map.of("zone", List.of("UTC"))).fieldErrors());
    }

    @Test
    void membersCannotSaveIt() {
        Reply refused = submit(MEMBER, Map.of("time", List.of("09:00"), "zone", List.of("UTC")));
        assertTrue(refused.toString().contains("Only admins can use /study schedule set"), refused.toString());
        assertTrue(daily.store().schedule(CHANNEL).isEmpty());
    }
}
