package dev.studybot.store;

import dev.studybot.config.DatabaseLocation;
import dev.studybot.domain.ChannelKey;
import dev.studybot.domain.GroupKey;
import dev.studybot.domain.Member;
import dev.studybot.domain.MemberKey;
import dev.studybot.domain.Place;
import dev.studybot.domain.Mode;
import dev.studybot.domain.Period;
import dev.studybot.domain.Scope;
import dev.studybot.itemanalysis.RetirementRules;
import dev.studybot.knowledge.questions.Question;
import dev.studybot.ops.StartupFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * {@link StudyStore} on one SQLite file (WAL journal, foreign keys on, synchronous=NORMAL, 10 s busy timeout) or,
 * when so configured, on a PostgreSQL database ({@link PostgresqlDatabase}): the same stores and the same guarantees.
 *
 * <p>The schema comes from the Flyway migrations ({@link Migrations}: {@code db/migration}, an engine's own versions
 * where its SQL differs, and the Java migration {@link PeriodTotalsBackfill}), applied by {@link #open}. Scores are
 * kept pre-aggregated in {@code score_totals} (one row per scope, period and member), updated in the same transaction
 * as the answer, so a leaderboard reads the top of an index instead of summing answers. It keeps rows, not rules: what an
 * answer is worth is decided by {@code game.AnswerService}, through {@link #answers()}.
 *
 * <p>It opens the database and hands each aggregate to its own store, which share its {@link Database} (its
 * connections and transactions): posted questions and answers ({@link SqlAnswers}, with
 * {@link SqlReviewBoxes} in an answer's transaction), leaderboards and stats ({@link SqlStandings}), members, reviews and time zones
 * ({@link SqlMembers}), schedules and daily posts ({@link SqlSchedules}), their delivery
 * ({@link SqlDailyDeliveries}), question feedback ({@link SqlQuestionFeedback}), the question of the day's mentions
 * ({@link SqlMentions}) and lookups
 * ({@link SqlSearchHistory}).
 */
public final class SqlStudyStore implements StudyStore, ScheduleStore {

    /** Where callers keep the database unless told otherwise. */
    public static final Path DEFAULT_FILE = Path.of("data", "studybot.db");

    private final String url;
    private final Database database;
    private final SqlQuestionFeedback questionFeedback;
    private final SqlDailyDeliveries deliveries;
    private final SqlAnswers answers;
    private final SqlStandings standings;
    private final SqlMembers members;
    private final SqlSchedules schedules;
    private final SqlSearchHistory searches;
    private final SqlMentions mentions;

    private SqlStudyStore(String url, Database database, ZoneId defaultZone) {
        this.url = url;
        this.database = database;
        this.questionFeedback = new SqlQuestionFeedback(database, RetirementRules.DEFAULTS);
        this.deliveries = new SqlDailyDeliveries(database);
        this.answers = new SqlAnswers(database, defaultZone);
        this.standings = new SqlStandings(database, defaultZone);
        this.members = new SqlMembers(database, defaultZone);
        this.schedules = new SqlSchedules(database, defaultZone);
        this.searches = new SqlSearchHistory(database);
        this.mentions = new SqlMentions(database, defaultZone);
    }

    /**
     * Opens (creating it and its folders when missing) the database file and brings its schema up to date,
     * with UTC for groups that have not chosen a time zone.
     */
    public static SqlStudyStore open(Path dbFile) {
        return open(dbFile, ZoneId.of("UTC"));
    }

    /**
     * Opens the database like {@link #open(Path)}; groups that have not chosen a time zone count weeks and months
     * in {@code defaultZone}. When that differs from the zone such groups were counted in so far, their week
     * and month totals are recounted now.
     */
    public static SqlStudyStore open(Path dbFile, ZoneId defaultZone) {
        return open(new DatabaseLocation.SqliteFile(dbFile), defaultZone, null);
    }

    /**
     * Opens the database at {@code location} like {@link #open(Path, ZoneId)}: an SQLite file, or a PostgreSQL server
     * that studybot logs in to with {@code password} (null: none, or one the driver finds itself).
     */
    public static SqlStudyStore open(DatabaseLocation location, ZoneId defaultZone, String password) {
        Objects.requireNonNull(defaultZone, "defaultZone");
        Database database;
        String url;
        if (location instanceof DatabaseLocation.PostgresqlServer server) {
            database = PostgresqlDatabase.open(server, password);
            url = server.jdbcUrl();
        } else {
            Path file = ((DatabaseLocation.SqliteFile) location).file().toAbsolutePath();
            url = "jdbc:sqlite:" + file;
            database = openFile(file, url);
        }
        try {
            SqlStudyStore store = new SqlStudyStore(url, database, defaultZone);
            store.members.applyDefaultZone();
            return store;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static Database openFile(Path file, String url) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the folder for the database " + file, e);
        }
        if (Files.exists(file) && !(Files.isWritable(file) && Files.isWritable(file.getParent()))) {
            // Else every answer would fail later, one by one, with "attempt to write a readonly database".
            throw unwritable(file.toString(), null);
        }
        migrate(url);
        try {
            return SqliteDatabase.open(file);
        } catch (SQLException e) {
            throw new StoreException("Cannot open the database " + file + ": " + e.getMessage(), e);
        }
    }

    /** The Flyway set-up {@link #open} migrates a file with (tests use it with a target to build older schemas). */
    static Flyway flyway(String url, String target) {
        SQLiteDataSource dataSource = new SQLiteDataSource(SqliteDatabase.config(SQLiteConfig.TransactionMode.IMMEDIATE));
        dataSource.setUrl(url);
        return Migrations.flyway(dataSource, Dialect.SQLITE, target);
    }

    private static StartupFailure unwritable(String file, Exception cause) {
        return new StartupFailure("The database " + file + " cannot be written: give the user studybot runs as write"
                + " access to it and its folder (it keeps a -wal and a -shm file beside it).", cause);
    }

    /** Brings the file at {@code url} up to date, saying plainly what stops it (another file, no write access). */
    static void migrate(String url) {
        try {
            flyway(url, null).migrate();
        } catch (RuntimeException e) {
            String file = url.substring("jdbc:sqlite:".length());
            String message = String.valueOf(e.getMessage());
            if (message.contains("SQLITE_NOTADB")) {
                throw new StartupFailure("The database " + file + " is not an SQLite database (damaged, or another"
                        + " file): restore it from a backup (studybot backup makes them) or move it away to start empty.", e);
            }
            if (message.contains("SQLITE_READONLY") || message.contains("SQLITE_CANTOPEN")) {
                throw unwritable(file, e);
            }
            // Flyway's messages run over several lines; the first says what went wrong.
            throw new StartupFailure("Cannot bring the database " + file + " up to date: " + message.lines().findFirst()
                    .orElse(e.getClass().getSimpleName()), e);
        }
    }

    @Override
    public DailyDeliveryStore deliveries() {
        return deliveries;
    }

    @Override
    public MentionStore mentions() {
        return mentions;
    }

    @Override
    public QuestionFeedbackStore questionFeedback() {
        return questionFeedback;
    }

    @Override
    public SearchHistory searches() {
        return searches;
    }

    /** The workspaces installed through an OAuth install flow, their tokens sealed with {@code cipher}. */
    public Installations installations(TokenCipher cipher) {
        return new SqlInstallations(database, cipher);
    }

    /**
     * The pool of connections to the PostgreSQL server, for what shares the database (the clustered scheduler);
     * empty on an SQLite file, which one process keeps to itself.
     */
    public Optional<DataSource> serverPool() {
        return database instanceof PostgresqlDatabase server ? Optional.of(server.dataSource()) : Optional.empty();
    }

    /** The JDBC URL of the database (for tools that write to a file directly, like bench-store). */
    public String url() {
        return url;
    }

    // ------------------------------------------------------------------------------------------ by aggregate

    @Override
    public long post(Place place, Member owner, Mode mode, Question question, Instant postedAt, Instant expiresAt) {
        return answers.post(place, owner, mode, question, postedAt, expiresAt);
    }

    @Override
    public Optional<Posted> posted(long id) {
        return answers.posted(id);
    }

    @Override
    public AnswerStore answers() {
        return answers;
    }

    @Override
    public Leaderboard leaderboard(Place place, Scope scope, Period period, MemberKey caller, int top, Instant now) {
        return standings.leaderboard(place, scope, period, caller, top, now);
    }

    @Override
    public Stats stats(Place place, MemberKey member, Instant now) {
        return standings.stats(place, member, now);
    }

    @Override
    public Optional<Member> findMember(String platform, String nameOrId) {
        return members.findMember(platform, nameOrId);
    }

    @Override
    public Optional<Question> nextReview(Member member, Instant now) {
        return members.nextReview(member, now);
    }

    @Override
    public ZoneId timeZone(GroupKey group) {
        return members.timeZone(group);
    }

    @Override
    public void setTimeZone(GroupKey group, ZoneId zone) {
        members.setTimeZone(group, zone);
    }

    @Override
    public void saveSchedule(Schedule schedule) {
        schedules.saveSchedule(schedule);
    }

    @Override
    public Optional<Schedule> schedule(ChannelKey channel) {
        return schedules.schedule(channel);
    }

    @Override
    public List<Schedule> schedules() {
        return schedules.schedules();
    }

    @Override
    public boolean removeSchedule(ChannelKey channel) {
        return schedules.removeSchedule(channel);
    }

    @Override
    public OptionalLong postDaily(Place place, LocalDate day, Question question, Instant postedAt, Instant revealAt) {
        return schedules.postDaily(place, day, question, postedAt, revealAt);
    }

    @Override
    public Optional<DailyPost> daily(ChannelKey channel, LocalDate day) {
        return schedules.daily(channel, day);
    }

    @Override
    public List<DailyPost> unrevealed() {
        return schedules.unrevealed();
    }

    @Override
    public boolean markRevealed(long postedId, Instant at) {
        return schedules.markRevealed(postedId, at);
    }

    @Override
    public Set<String> askedQuestionIds(ChannelKey channel) {
        return schedules.askedQuestionIds(channel);
    }

    @Override
    public RevealStats revealStats(long postedId) {
        return schedules.revealStats(postedId);
    }

    @Override
    public List<Integer> answersPerChoice(long postedId, int choices) {
        return schedules.answersPerChoice(postedId, choices);
    }

    /**
     * Why this store can no longer keep what it is given, or null while all is well: the database file was deleted
     * or replaced since it was opened, or the PostgreSQL server cannot be reached. Checked by the heartbeat.
     */
    public String fileProblem() {
        return database.problem();
    }

    @Override
    public void close() {
        database.close();
    }
}

