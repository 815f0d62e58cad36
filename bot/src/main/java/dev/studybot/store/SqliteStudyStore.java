package dev.studybot.store;

import dev.studybot.domain.Member;
import dev.studybot.domain.Place;
import dev.studybot.domain.Mode;
import dev.studybot.domain.Period;
import dev.studybot.domain.Scope;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.studybot.config.ScoringRules;
import dev.studybot.game.Leitner;
import dev.studybot.game.PeriodKeys;
import dev.studybot.game.Scoring;
import dev.studybot.itemanalysis.RetirementRules;
import dev.studybot.knowledge.questions.Question;
import dev.studybot.ops.StartupFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * {@link StudyStore} on one SQLite file (WAL journal, foreign keys on, synchronous=NORMAL, 10 s busy timeout).
 *
 * <p>The schema comes from the Flyway migrations in {@code db/migration} (plus the Java migration
 * {@link PeriodTotalsBackfill}), applied by {@link #open}. Scores are kept pre-aggregated in
 * {@code score_totals} (one row per scope, period and member), updated in the same transaction as the
 * answer, so a leaderboard reads the top of an index instead of summing answers.
 *
 * <p>Threads: see {@link SqliteConnections} (one writer at a time, a pool of readers). One answer per member per question is enforced by a UNIQUE constraint; a duplicate insert is
 * reported as {@link AnswerOutcome.AlreadyAnswered}.
 *
 * <p>It is also the {@link ScheduleStore} of the question of the day (tables {@code schedules} and
 * {@code daily_posts}, migration V3): one question per channel per day is enforced by a UNIQUE key.
 */
public final class SqliteStudyStore implements StudyStore, ScheduleStore {

    /** Where callers keep the database unless told otherwise. */
    public static final Path DEFAULT_FILE = Path.of("data", "studybot.db");

    private static final int BUSY_TIMEOUT_MS = 10_000;
    private static final int READERS = 4;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };


    private final String url;
    private final SqliteConnections connections;
    private final SqliteQuestionFeedback questionFeedback;
    private final SqliteDailyDeliveries deliveries;
    private final ScoringRules scoring;
    private final ZoneId defaultZone;

    private SqliteStudyStore(String url, SqliteConnections connections, ScoringRules scoring, ZoneId defaultZone) {
        this.url = url;
        this.connections = connections;
        this.questionFeedback = new SqliteQuestionFeedback(connections, RetirementRules.DEFAULTS);
        this.deliveries = new SqliteDailyDeliveries(connections);
        this.scoring = scoring;
        this.defaultZone = defaultZone;
    }

    /**
     * Opens (creating it and its folders when missing) the database file and brings its schema up to date,
     * with the default scoring and UTC for groups that have not chosen a time zone.
     */
    public static SqliteStudyStore open(Path dbFile) {
        return open(dbFile, ScoringRules.DEFAULTS, ZoneId.of("UTC"));
    }

    /**
     * Opens the database like {@link #open(Path)}, scoring answers under {@code scoring} (the {@code scoring}
     * section of {@code config/studybot.yml}); groups that have not chosen a time zone count weeks and months
     * in {@code defaultZone}. When that differs from the zone such groups were counted in so far, their week
     * and month totals are recounted now.
     */
    public static SqliteStudyStore open(Path dbFile, ScoringRules scoring, ZoneId defaultZone) {
        Objects.requireNonNull(scoring, "scoring");
        Objects.requireNonNull(defaultZone, "defaultZone");
        Path file = dbFile.toAbsolutePath();
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
        String url = "jdbc:sqlite:" + file;
        migrate(url);
        SqliteConnections connections;
        try {
            connections = SqliteConnections.open(file);
        } catch (SQLException e) {
            throw new StoreException("Cannot open the database " + file + ": " + e.getMessage(), e);
        }
        try {
            SqliteStudyStore store = new SqliteStudyStore(url, connections, scoring, defaultZone);
            store.applyDefaultZone();
            return store;
        } catch (RuntimeException e) {
            connections.close();
            throw e;
        }
    }

    /** The connection settings every connection (and Flyway's) uses. */
    static SQLiteConfig config(SQLiteConfig.TransactionMode mode) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setTransactionMode(mode);
        return config;
    }

    /** The Flyway set-up {@link #open} migrates with (tests use it with a target to build older schemas). */
    static Flyway flyway(String url, String target) {
        SQLiteDataSource dataSource = new SQLiteDataSource(config(SQLiteConfig.TransactionMode.IMMEDIATE));
        dataSource.setUrl(url);
        var configuration = Flyway.configure(SqliteStudyStore.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .javaMigrations(new PeriodTotalsBackfill())
                .loggers("slf4j");
        if (target != null) {
            configuration = configuration.target(target);
        }
        return configuration.load();
    }

    private static StartupFailure unwritable(String file, Exception cause) {
        return new StartupFailure("The database " + file + " cannot be written: give the user studybot runs as write"
                + " access to it and its folder (it keeps a -wal and a -shm file beside it).", cause);
    }

    private static void migrate(String url) {
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
    public QuestionFeedbackStore questionFeedback() {
        return questionFeedback;
    }

    /** The JDBC URL of the database file (for tools that write to it directly, like bench-store). */
    public String url() {
        return url;
    }

    // ------------------------------------------------------------------------------------------ posting

    @Override
    public long post(Place place, Member owner, Mode mode, Question question, Instant postedAt, Instant expiresAt) {
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(postedAt, "postedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        return write(c -> {
            Long ownerRef = owner == null ? null : upsertMember(c, owner);
            long channelRef = upsertPlace(c, place)[1];
            return insertPosted(c, mode, channelRef, ownerRef, question, postedAt, expiresAt);
        });
    }

    private static long insertPosted(Connection c, Mode mode, long channelRef, Long ownerRef, Question question,
                                     Instant postedAt, Instant expiresAt) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO posted (mode, channel_ref, owner_ref, posted_at, expires_at, question_id, kind,
                                    topic, topic_key, prompt, choices, answer, file, line, explanation)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, mode.name());
            s.setLong(2, channelRef);
            if (ownerRef == null) {
                s.setNull(3, Types.INTEGER);
            } else {
                s.setLong(3, ownerRef);
            }
            s.setLong(4, postedAt.toEpochMilli());
            s.setLong(5, expiresAt.toEpochMilli());
            s.setString(6, question.id());
            s.setString(7, question.kind());
            s.setString(8, toJson(question.topic()));
            s.setString(9, topicKey(question.topic()));
            s.setString(10, question.prompt());
            s.setString(11, toJson(question.choices()));
            s.setInt(12, question.answer());
            s.setString(13, question.file());
            s.setInt(14, question.line());
            s.setString(15, question.explanation());
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    @Override
    public Optional<Posted> posted(long id) {
        return read(c -> loadPosted(c, id).map(PostedRow::posted));
    }

    /** A posted question with the internal references answer() needs. */
    record PostedRow(Posted posted, long channelRef, long groupRef, ZoneId zone, Long ownerRef) {
    }

    static Optional<PostedRow> loadPosted(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT p.id, p.mode, p.channel_ref, ch.group_ref, g.platform, g.group_id, ch.channel_id, g.time_zone,
                       p.owner_ref, o.user_id, p.posted_at, p.expires_at,
                       p.question_id, p.kind, p.topic, p.prompt, p.choices, p.answer, p.file, p.line, p.explanation
                FROM posted p
                JOIN channels ch ON ch.id = p.channel_ref
                JOIN study_groups g ON g.id = ch.group_ref
                LEFT JOIN members o ON o.id = p.owner_ref
                WHERE p.id = ?""")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Question question = question(rs, 13);
                long ownerRef = rs.getLong(9);
                Long owner = rs.wasNull() ? null : ownerRef;
                Posted posted = new Posted(rs.getLong(1), Mode.valueOf(rs.getString(2)), question, rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(10), Instant.ofEpochMilli(rs.getLong(11)),
                        Instant.ofEpochMilli(rs.getLong(12)));
                return Optional.of(new PostedRow(posted, rs.getLong(3), rs.getLong(4),
                        ScoreTotals.zone(rs.getString(8)), owner));
            }
        }
    }

    /** Reads id, kind, topic, prompt, choices, answer, file, line, explanation from {@code first} on. */
    private static Question question(ResultSet rs, int first) throws SQLException {
        return new Question(rs.getString(first), rs.getString(first + 1), fromJson(rs.getString(first + 2)),
                rs.getString(first + 3), fromJson(rs.getString(first + 4)), rs.getInt(first + 5),
                rs.getString(first + 6), rs.getInt(first + 7), rs.getString(first + 8));
    }

    // ------------------------------------------------------------------------------------------ answering

    @Override
    public AnswerOutcome answer(long postedId, Member member, Place place, int choice, Instant at) {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(at, "at");
        return write(c -> {
            long memberRef = upsertMember(c, member);
            if (place != null) {
                upsertPlace(c, place);
            }
            Optional<PostedRow> found = loadPosted(c, postedId);
            if (found.isEmpty()) {
                return new AnswerOutcome.Unknown();
            }
            PostedRow row = found.get();
            Posted posted = row.posted();
            Question question = posted.question();
            if (choice < 0 || choice >= question.choices().size()) {
                return new AnswerOutcome.NoSuchChoice(posted, choice);
            }
            if (row.ownerRef() != null && row.ownerRef() != memberRef) {
                return new AnswerOutcome.NotYours(posted);
            }
            if (at.isAfter(posted.expiresAt())) {
                return new AnswerOutcome.Expired(posted);
            }
            boolean correct = choice == question.answer();
            int streak = posted.mode() == Mode.DAILY && correct ? dailyStreak(c, row, memberRef) : 0;
            Scoring.Score score = Scoring.score(scoring, posted.mode(), correct, posted.postedAt(), at, streak);
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO answers (posted_ref, member_ref, choice, correct, points, streak, answered_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
                s.setLong(1, postedId);
                s.setLong(2, memberRef);
                s.setInt(3, choice);
                s.setInt(4, correct ? 1 : 0);
                s.setInt(5, score.points());
                s.setInt(6, score.streak());
                s.setLong(7, at.toEpochMilli());
                s.executeUpdate();
            } catch (SQLException e) {
                if (!isUniqueViolation(e)) {
                    throw e;
                }
                // Answered before (a double press, or a race with another process): the failed statement
                // changed nothing; keep the name updates and report the first answer.
                return new AnswerOutcome.AlreadyAnswered(posted, previousChoice(c, postedId, memberRef));
            }
            ScoreTotals.add(c, row.groupRef(), row.channelRef(), memberRef, PeriodKeys.keys(at, row.zone()),
                    score.dailyPoints(), score.practicePoints(), correct);
            updateReview(c, memberRef, posted.mode(), question, correct, at);
            return new AnswerOutcome.Recorded(posted, choice, correct, score.points(), score.streak());
        });
    }

    static boolean isUniqueViolation(SQLException e) {
        if (e instanceof SQLiteException sqlite) {
            SQLiteErrorCode code = sqlite.getResultCode();
            if (code == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE || code == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY) {
                return true;
            }
        }
        String message = e.getMessage();
        return message != null && message.contains("UNIQUE constraint failed");
    }

    private static int previousChoice(Connection c, long postedId, long memberRef) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT choice FROM answers WHERE posted_ref = ? AND member_ref = ?")) {
            s.setLong(1, postedId);
            s.setLong(2, memberRef);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getInt(1) : -1;
            }
        }
    }

    /** The streak a correct answer to this daily question reaches (see {@link Scoring}). */
    private static int dailyStreak(Connection c, PostedRow row, long memberRef) throws SQLException {
        long postedAt = row.posted().postedAt().toEpochMilli();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT p.id, a.correct, a.streak
                FROM posted p
                LEFT JOIN answers a ON a.posted_ref = p.id AND a.member_ref = ?
                WHERE p.channel_ref = ? AND p.mode = 'DAILY'
                  AND (p.posted_at < ? OR (p.posted_at = ? AND p.id < ?))
                ORDER BY p.posted_at DESC, p.id DESC
                LIMIT 1""")) {
            s.setLong(1, memberRef);
            s.setLong(2, row.channelRef());
            s.setLong(3, postedAt);
            s.setLong(4, postedAt);
            s.setLong(5, row.posted().id());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Scoring.streak(true, false, false, 0);
                }
                boolean previousCorrect = rs.getInt(2) == 1;
                return Scoring.streak(true, true, previousCorrect, rs.getInt(3));
            }
        }
    }

    private static void updateReview(Connection c, long memberRef, Mode mode, Question question, boolean correct,
                                     Instant at) throws SQLException {
        Integer box = null;
        try (PreparedStatement s = c.prepareStatement(
                "SELECT box FROM reviews WHERE member_ref = ? AND question_id = ?")) {
            s.setLong(1, memberRef);
            s.setString(2, question.id());
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    box = rs.getInt(1);
                }
            }
        }
        Leitner.Step step = Leitner.after(mode, correct, box, at);
        if (step instanceof Leitner.Step.Schedule schedule) {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO reviews (member_ref, question_id, box, due_at, kind, topic, prompt, choices, answer,
                                         file, line, explanation)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (member_ref, question_id) DO UPDATE SET
                        box = excluded.box, due_at = excluded.due_at, kind = excluded.kind, topic = excluded.topic,
                        prompt = excluded.prompt, choices = excluded.choices, answer = excluded.answer,
                        file = excluded.file, line = excluded.line, explanation = excluded.explanation""")) {
                s.setLong(1, memberRef);
                s.setString(2, question.id());
                s.setInt(3, schedule.box());
                s.setLong(4, schedule.dueAt().toEpochMilli());
                s.setString(5, question.kind());
                s.setString(6, toJson(question.topic()));
                s.setString(7, question.prompt());
                s.setString(8, toJson(question.choices()));
                s.setInt(9, question.answer());
                s.setString(10, question.file());
                s.setInt(11, question.line());
                s.setString(12, question.explanation());
                s.executeUpdate();
            }
        } else if (step instanceof Leitner.Step.Remove) {
            try (PreparedStatement s = c.prepareStatement(
                    "DELETE FROM reviews WHERE member_ref = ? AND question_id = ?")) {
                s.setLong(1, memberRef);
                s.setString(2, question.id());
                s.executeUpdate();
            }
        }
    }

    // ------------------------------------------------------------------------------------------ leaderboards

    private static final String ROW_COLUMNS =
            "t.points, t.daily_points, t.practice_points, t.answered, t.correct, m.user_id, m.display_name";

    @Override
    public Leaderboard leaderboard(Place place, Scope scope, Period period, String callerUserId, int top,
                                   Instant now) {
        return readTransaction(c -> {
            Optional<long[]> refs = findPlace(c, place);
            if (refs.isEmpty() || (scope == Scope.CHANNEL && refs.get()[1] < 0)) {
                return new Leaderboard(scope, period, List.of(), null, 0);
            }
            String kind = scope == Scope.GROUP ? ScoreTotals.GROUP : ScoreTotals.CHANNEL;
            long scopeRef = scope == Scope.GROUP ? refs.get()[0] : refs.get()[1];
            String key = PeriodKeys.key(period, now, groupZone(c, refs.get()[0]));

            List<Leaderboard.Row> rows = new ArrayList<>();
            if (top > 0) {
                try (PreparedStatement s = c.prepareStatement("SELECT " + ROW_COLUMNS + """
                         FROM score_totals t JOIN members m ON m.id = t.member_ref
                        WHERE t.scope_kind = ? AND t.scope_ref = ? AND t.period_key = ?
                        ORDER BY t.points DESC, m.display_name COLLATE NOCASE, m.user_id
                        LIMIT ?""")) {
                    s.setString(1, kind);
                    s.setLong(2, scopeRef);
                    s.setString(3, key);
                    s.setInt(4, top);
                    try (ResultSet rs = s.executeQuery()) {
                        int rank = 0;
                        int previousPoints = Integer.MIN_VALUE;
                        while (rs.next()) {
                            int points = rs.getInt(1);
                            if (points != previousPoints) {
                                rank = rows.size() + 1;
                                previousPoints = points;
                            }
                            rows.add(row(rs, rank));
                        }
                    }
                }
            }
            int players;
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT COUNT(*) FROM score_totals WHERE scope_kind = ? AND scope_ref = ? AND period_key = ?")) {
                s.setString(1, kind);
                s.setLong(2, scopeRef);
                s.setString(3, key);
                try (ResultSet rs = s.executeQuery()) {
                    players = rs.next() ? rs.getInt(1) : 0;
                }
            }
            Leaderboard.Row caller = null;
            if (callerUserId != null && rows.stream().noneMatch(r -> r.userId().equals(callerUserId))) {
                caller = callerRow(c, place.platform(), callerUserId, kind, scopeRef, key);
            }
            return new Leaderboard(scope, period, rows, caller, players);
        });
    }

    private static Leaderboard.Row row(ResultSet rs, int rank) throws SQLException {
        return new Leaderboard.Row(rank, rs.getString(6), rs.getString(7), rs.getInt(1), rs.getInt(2), rs.getInt(3),
                rs.getInt(4), rs.getInt(5));
    }

    private static Leaderboard.Row callerRow(Connection c, String platform, String userId, String kind, long scopeRef,
                                             String key) throws SQLException {
        Long memberRef = memberRef(c, platform, userId);
        if (memberRef == null) {
            return null;
        }
        int points;
        Leaderboard.Row unranked;
        try (PreparedStatement s = c.prepareStatement("SELECT " + ROW_COLUMNS + """
                 FROM score_totals t JOIN members m ON m.id = t.member_ref
                WHERE t.scope_kind = ? AND t.scope_ref = ? AND t.period_key = ? AND t.member_ref = ?""")) {
            s.setString(1, kind);
            s.setLong(2, scopeRef);
            s.setString(3, key);
            s.setLong(4, memberRef);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                points = rs.getInt(1);
                unranked = row(rs, 0);
            }
        }
        try (PreparedStatement s = c.prepareStatement("""
                SELECT COUNT(*) FROM score_totals
                WHERE scope_kind = ? AND scope_ref = ? AND period_key = ? AND points > ?""")) {
            s.setString(1, kind);
            s.setLong(2, scopeRef);
            s.setString(3, key);
            s.setInt(4, points);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                int rank = rs.getInt(1) + 1;
                return new Leaderboard.Row(rank, unranked.userId(), unranked.displayName(), unranked.points(),
                        unranked.dailyPoints(), unranked.practicePoints(), unranked.answered(), unranked.correct());
            }
        }
    }

    // ------------------------------------------------------------------------------------------ stats

    @Override
    public Stats stats(Place place, String userId, Instant now) {
        return readTransaction(c -> {
            String platform = place.platform();
            Optional<Member> member = memberById(c, platform, userId);
            String name = member.map(Member::displayName).orElse(userId);
            Optional<long[]> refs = findPlace(c, place);
            if (member.isEmpty()) {
                return new Stats(name, 0, 0, 0, 0, 0, 0, List.of(), 0);
            }
            long memberRef = memberRef(c, platform, userId);
            int reviewsDue = reviewsDue(c, memberRef, now);
            if (refs.isEmpty()) {
                return new Stats(name, 0, 0, 0, 0, 0, 0, List.of(), reviewsDue);
            }
            long groupRef = refs.get()[0];
            int daily = 0;
            int practice = 0;
            int answered = 0;
            int correct = 0;
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT daily_points, practice_points, answered, correct FROM score_totals
                    WHERE scope_kind = 'GROUP' AND scope_ref = ? AND period_key = 'all' AND member_ref = ?""")) {
                s.setLong(1, groupRef);
                s.setLong(2, memberRef);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        daily = rs.getInt(1);
                        practice = rs.getInt(2);
                        answered = rs.getInt(3);
                        correct = rs.getInt(4);
                    }
                }
            }
            int best = 0;
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT COALESCE(MAX(a.streak), 0)
                    FROM answers a
                    JOIN posted p ON p.id = a.posted_ref
                    JOIN channels ch ON ch.id = p.channel_ref
                    WHERE a.member_ref = ? AND ch.group_ref = ? AND p.mode = 'DAILY'""")) {
                s.setLong(1, memberRef);
                s.setLong(2, groupRef);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        best = rs.getInt(1);
                    }
                }
            }
            int current = currentStreak(c, memberRef, groupRef, now);
            List<Stats.TopicAccuracy> weakest = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT p.topic_key, COUNT(*) AS n, SUM(a.correct) AS ok
                    FROM answers a
                    JOIN posted p ON p.id = a.posted_ref
                    JOIN channels ch ON ch.id = p.channel_ref
                    WHERE a.member_ref = ? AND ch.group_ref = ? AND p.topic_key IS NOT NULL
                    GROUP BY p.topic_key
                    HAVING COUNT(*) >= 2
                    ORDER BY CAST(SUM(a.correct) AS REAL) / COUNT(*), COUNT(*) DESC, p.topic_key
                    LIMIT 3""")) {
                s.setLong(1, memberRef);
                s.setLong(2, groupRef);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        weakest.add(new Stats.TopicAccuracy(rs.getString(1), rs.getInt(2), rs.getInt(3)));
                    }
                }
            }
            return new Stats(name, daily, practice, answered, correct, current, best, weakest, reviewsDue);
        });
    }

    /**
     * The streak stored with the member's latest daily answer in the group (latest by the question's posting
     * time), if it was correct and no later daily question in its channel closed without the member's answer.
     */
    private static int currentStreak(Connection c, long memberRef, long groupRef, Instant now) throws SQLException {
        long postedId;
        long channelRef;
        long postedAt;
        int streak;
        try (PreparedStatement s = c.prepareStatement("""
                SELECT a.correct, a.streak, p.channel_ref, p.posted_at, p.id
                FROM answers a
                JOIN posted p ON p.id = a.posted_ref
                JOIN channels ch ON ch.id = p.channel_ref
                WHERE a.member_ref = ? AND ch.group_ref = ? AND p.mode = 'DAILY'
                ORDER BY p.posted_at DESC, p.id DESC
                LIMIT 1""")) {
            s.setLong(1, memberRef);
            s.setLong(2, groupRef);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next() || rs.getInt(1) == 0) {
                    return 0;
                }
                streak = rs.getInt(2);
                channelRef = rs.getLong(3);
                postedAt = rs.getLong(4);
                postedId = rs.getLong(5);
            }
        }
        try (PreparedStatement s = c.prepareStatement("""
                SELECT 1 FROM posted q
                WHERE q.channel_ref = ? AND q.mode = 'DAILY'
                  AND (q.posted_at > ? OR (q.posted_at = ? AND q.id > ?))
                  AND q.expires_at < ?
                  AND NOT EXISTS (SELECT 1 FROM answers a WHERE a.posted_ref = q.id AND a.member_ref = ?)
                LIMIT 1""")) {
            s.setLong(1, channelRef);
            s.setLong(2, postedAt);
            s.setLong(3, postedAt);
            s.setLong(4, postedId);
            s.setLong(5, now.toEpochMilli());
            s.setLong(6, memberRef);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? 0 : streak;
            }
        }
    }

    private static int reviewsDue(Connection c, long memberRef, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                """
                SELECT COUNT(*) FROM reviews r WHERE r.member_ref = ? AND r.due_at <= ?
                  AND NOT EXISTS (SELECT 1 FROM question_status q WHERE q.question_id = r.question_id AND q.status = 'RETIRED')
                """)) {
            s.setLong(1, memberRef);
            s.setLong(2, now.toEpochMilli());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    // ------------------------------------------------------------------------------------------ members, reviews

    @Override
    public Optional<Member> findMember(String platform, String nameOrId) {
        if (platform == null || nameOrId == null) {
            return Optional.empty();
        }
        return read(c -> {
            Optional<Member> byId = memberById(c, platform, nameOrId);
            if (byId.isPresent()) {
                return byId;
            }
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT platform, user_id, display_name FROM members
                    WHERE platform = ? AND display_name = ? COLLATE NOCASE
                    ORDER BY id LIMIT 1""")) {
                s.setString(1, platform);
                s.setString(2, nameOrId);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new Member(rs.getString(1), rs.getString(2), rs.getString(3)))
                            : Optional.empty();
                }
            }
        });
    }

    private static Optional<Member> memberById(Connection c, String platform, String userId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT platform, user_id, display_name FROM members WHERE platform = ? AND user_id = ?")) {
            s.setString(1, platform);
            s.setString(2, userId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next()
                        ? Optional.of(new Member(rs.getString(1), rs.getString(2), rs.getString(3)))
                        : Optional.empty();
            }
        }
    }

    @Override
    public Optional<Question> nextReview(Member member, Instant now) {
        return read(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT r.question_id, r.kind, r.topic, r.prompt, r.choices, r.answer, r.file, r.line, r.explanation
                    FROM reviews r JOIN members m ON m.id = r.member_ref
                    WHERE m.platform = ? AND m.user_id = ? AND r.due_at <= ?
                      AND NOT EXISTS (SELECT 1 FROM question_status q
                                      WHERE q.question_id = r.question_id AND q.status = 'RETIRED')
                    ORDER BY r.due_at, r.question_id
                    LIMIT 1""")) {
                s.setString(1, member.platform());
                s.setString(2, member.userId());
                s.setLong(3, now.toEpochMilli());
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(question(rs, 1)) : Optional.empty();
                }
            }
        });
    }

    // ------------------------------------------------------------------------------------------ time zones

    @Override
    public ZoneId timeZone(String platform, String groupId) {
        return read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT time_zone FROM study_groups WHERE platform = ? AND group_id = ?")) {
                s.setString(1, platform);
                s.setString(2, groupId);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? ScoreTotals.zone(rs.getString(1)) : defaultZone;
                }
            }
        });
    }

    /**
     * Sets the group's time zone (from now on it no longer follows the default). Week and month totals already
     * kept for the group are recomputed in the new zone, so past answers count for the weeks and months the
     * group now sees.
     */
    @Override
    public void setTimeZone(String platform, String groupId, ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        write(c -> {
            long groupRef = upsertGroup(c, platform, groupId, null);
            try (PreparedStatement s = c.prepareStatement("UPDATE study_groups SET zone_chosen = 1 WHERE id = ?")) {
                s.setLong(1, groupRef);
                s.executeUpdate();
            }
            moveGroupZone(c, groupRef, zone);
            return null;
        });
    }

    /** Groups that follow the default zone but were counted in another one (the default changed) move to it. */
    private void applyDefaultZone() {
        write(c -> {
            List<Long> moved = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT id FROM study_groups WHERE zone_chosen = 0 AND time_zone IS NOT ?")) {
                s.setString(1, defaultZone.getId());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        moved.add(rs.getLong(1));
                    }
                }
            }
            for (long groupRef : moved) {
                moveGroupZone(c, groupRef, defaultZone);
            }
            return null;
        });
    }

    private static void moveGroupZone(Connection c, long groupRef, ZoneId zone) throws SQLException {
        if (zone.getId().equals(groupZoneName(c, groupRef))) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE study_groups SET time_zone = ? WHERE id = ?")) {
            s.setString(1, zone.getId());
            s.setLong(2, groupRef);
            s.executeUpdate();
        }
        ScoreTotals.rebuildPeriods(c, groupRef, zone);
    }

    private static ZoneId groupZone(Connection c, long groupRef) throws SQLException {
        return ScoreTotals.zone(groupZoneName(c, groupRef));
    }

    private static String groupZoneName(Connection c, long groupRef) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT time_zone FROM study_groups WHERE id = ?")) {
            s.setLong(1, groupRef);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    // ------------------------------------------------------------------------------------------ question of the day

    /** Times of day are kept as 'HH:mm': seconds and below are dropped. */
    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm");

    private static final String SCHEDULE_COLUMNS = """
            SELECT g.platform, g.group_id, g.name, ch.channel_id, ch.name,
                   s.time_of_day, s.time_zone, s.weekdays_only, s.topics
            FROM schedules s
            JOIN channels ch ON ch.id = s.channel_ref
            JOIN study_groups g ON g.id = ch.group_ref
            """;

    private static final String DAILY_COLUMNS = """
            SELECT d.posted_ref, g.platform, g.group_id, g.name, ch.channel_id, ch.name,
                   d.day, d.posted_at, d.reveal_at, d.revealed_at
            FROM daily_posts d
            JOIN channels ch ON ch.id = d.channel_ref
            JOIN study_groups g ON g.id = ch.group_ref
            """;

    /** The channel's schedule, found by platform, group id and channel id (the key of a channel). */
    private static final String BY_CHANNEL = "g.platform = ? AND g.group_id = ? AND ch.channel_id = ?";

    /** Creates or replaces the channel's schedule (the time of day is kept to the minute). */
    @Override
    public void saveSchedule(Schedule schedule) {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(schedule.place(), "schedule.place");
        Objects.requireNonNull(schedule.time(), "schedule.time");
        Objects.requireNonNull(schedule.zone(), "schedule.zone");
        write(c -> {
            long channelRef = upsertPlace(c, schedule.place())[1];
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO schedules (channel_ref, time_of_day, time_zone, weekdays_only, topics)
                    VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (channel_ref) DO UPDATE SET
                        time_of_day = excluded.time_of_day, time_zone = excluded.time_zone,
                        weekdays_only = excluded.weekdays_only, topics = excluded.topics""")) {
                s.setLong(1, channelRef);
                s.setString(2, TIME_OF_DAY.format(schedule.time()));
                s.setString(3, schedule.zone().getId());
                s.setInt(4, schedule.weekdaysOnly() ? 1 : 0);
                s.setString(5, toJson(schedule.topics()));
                s.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<Schedule> schedule(String platform, String groupId, String channelId) {
        return read(c -> {
            try (PreparedStatement s = c.prepareStatement(SCHEDULE_COLUMNS + "WHERE " + BY_CHANNEL)) {
                s.setString(1, platform);
                s.setString(2, groupId);
                s.setString(3, channelId);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(schedule(rs)) : Optional.empty();
                }
            }
        });
    }

    /** All schedules, by platform, group id and channel id. */
    @Override
    public List<Schedule> schedules() {
        return read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    SCHEDULE_COLUMNS + "ORDER BY g.platform, g.group_id, ch.channel_id");
                 ResultSet rs = s.executeQuery()) {
                List<Schedule> all = new ArrayList<>();
                while (rs.next()) {
                    all.add(schedule(rs));
                }
                return List.copyOf(all);
            }
        });
    }

    private static Schedule schedule(ResultSet rs) throws SQLException {
        Place place = new Place(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
        return new Schedule(place, LocalTime.parse(rs.getString(6), TIME_OF_DAY), ZoneId.of(rs.getString(7)),
                rs.getInt(8) == 1, fromJson(rs.getString(9)));
    }

    @Override
    public boolean removeSchedule(String platform, String groupId, String channelId) {
        return write(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    DELETE FROM schedules WHERE channel_ref IN (
                        SELECT ch.id FROM channels ch JOIN study_groups g ON g.id = ch.group_ref
                        WHERE\s""" + BY_CHANNEL + ")")) {
                s.setString(1, platform);
                s.setString(2, groupId);
                s.setString(3, channelId);
                return s.executeUpdate() > 0;
            }
        });
    }

    /**
     * Posts the channel's question of the day: in one BEGIN IMMEDIATE transaction, the posted question
     * (mode DAILY, no owner, answers close at {@code revealAt}) and its daily_posts row. When the day already
     * has its question, nothing is inserted (not even a new group or channel name): found by a look-up first,
     * and should a writer elsewhere (another process on the file) slip in between, by the UNIQUE (channel, day)
     * key, whose violation rolls the whole transaction back.
     */
    @Override
    public OptionalLong postDaily(Place place, LocalDate day, Question question, Instant postedAt, Instant revealAt) {
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(postedAt, "postedAt");
        Objects.requireNonNull(revealAt, "revealAt");
        try {
            return write(c -> {
                long channelRef = upsertPlace(c, place)[1];
                try (PreparedStatement s = c.prepareStatement(
                        "SELECT 1 FROM daily_posts WHERE channel_ref = ? AND day = ?")) {
                    s.setLong(1, channelRef);
                    s.setString(2, day.toString());
                    try (ResultSet rs = s.executeQuery()) {
                        if (rs.next()) {
                            throw new RollBack();
                        }
                    }
                }
                long postedId = insertPosted(c, Mode.DAILY, channelRef, null, question, postedAt, revealAt);
                try (PreparedStatement s = c.prepareStatement("""
                        INSERT INTO daily_posts (posted_ref, channel_ref, day, posted_at, reveal_at, revealed_at)
                        VALUES (?, ?, ?, ?, ?, NULL)""")) {
                    s.setLong(1, postedId);
                    s.setLong(2, channelRef);
                    s.setString(3, day.toString());
                    s.setLong(4, postedAt.toEpochMilli());
                    s.setLong(5, revealAt.toEpochMilli());
                    s.executeUpdate();
                } catch (SQLException e) {
                    if (isUniqueViolation(e)) {
                        throw new RollBack(); // the day got its question meanwhile: drop ours too
                    }
                    throw e;
                }
                return OptionalLong.of(postedId);
            });
        } catch (RollBack alreadyThere) {
            return OptionalLong.empty();
        }
    }

    @Override
    public Optional<DailyPost> daily(String platform, String groupId, String channelId, LocalDate day) {
        Objects.requireNonNull(day, "day");
        return read(c -> {
            try (PreparedStatement s = c.prepareStatement(DAILY_COLUMNS + "WHERE " + BY_CHANNEL + " AND d.day = ?")) {
                s.setString(1, platform);
                s.setString(2, groupId);
                s.setString(3, channelId);
                s.setString(4, day.toString());
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(dailyPost(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<DailyPost> unrevealed() {
        return read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    DAILY_COLUMNS + "WHERE d.revealed_at IS NULL ORDER BY d.reveal_at, d.posted_ref");
                 ResultSet rs = s.executeQuery()) {
                List<DailyPost> open = new ArrayList<>();
                while (rs.next()) {
                    open.add(dailyPost(rs));
                }
                return List.copyOf(open);
            }
        });
    }

    private static DailyPost dailyPost(ResultSet rs) throws SQLException {
        Place place = new Place(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6));
        long revealedAt = rs.getLong(10);
        Instant revealed = rs.wasNull() ? null : Instant.ofEpochMilli(revealedAt);
        return new DailyPost(rs.getLong(1), place, LocalDate.parse(rs.getString(7)),
                Instant.ofEpochMilli(rs.getLong(8)), Instant.ofEpochMilli(rs.getLong(9)), revealed);
    }

    @Override
    public boolean markRevealed(long postedId, Instant at) {
        Objects.requireNonNull(at, "at");
        return write(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE daily_posts SET revealed_at = ? WHERE posted_ref = ? AND revealed_at IS NULL")) {
                s.setLong(1, at.toEpochMilli());
                s.setLong(2, postedId);
                if (s.executeUpdate() != 1) {
                    return false;
                }
            }
            // Once the answer is out, answers stop counting, even when revealed before its time.
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE posted SET expires_at = MIN(expires_at, ?) WHERE id = ?")) {
                s.setLong(1, at.toEpochMilli());
                s.setLong(2, postedId);
                s.executeUpdate();
            }
            return true;
        });
    }

    /** Question ids of every DAILY question posted in the channel (with or without a daily_posts row). */
    @Override
    public Set<String> askedQuestionIds(String platform, String groupId, String channelId) {
        return read(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT DISTINCT p.question_id
                    FROM posted p
                    JOIN channels ch ON ch.id = p.channel_ref
                    JOIN study_groups g ON g.id = ch.group_ref
                    WHERE p.mode = 'DAILY' AND\s""" + BY_CHANNEL)) {
                s.setString(1, platform);
                s.setString(2, groupId);
                s.setString(3, channelId);
                try (ResultSet rs = s.executeQuery()) {
                    Set<String> ids = new HashSet<>();
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                    return Set.copyOf(ids);
                }
            }
        });
    }

    /** Answers and right answers so far, and the first right answer by answer time (ties: first recorded). */
    @Override
    public RevealStats revealStats(long postedId) {
        return readTransaction(c -> {
            int answered;
            int correct;
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT COUNT(*), COALESCE(SUM(correct), 0) FROM answers WHERE posted_ref = ?")) {
                s.setLong(1, postedId);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    answered = rs.getInt(1);
                    correct = rs.getInt(2);
                }
            }
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT m.display_name, a.answered_at
                    FROM answers a JOIN members m ON m.id = a.member_ref
                    WHERE a.posted_ref = ? AND a.correct = 1
                    ORDER BY a.answered_at, a.id
                    LIMIT 1""")) {
                s.setLong(1, postedId);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next()
                            ? new RevealStats(answered, correct, rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)))
                            : new RevealStats(answered, correct, null, null);
                }
            }
        });
    }

    /** Thrown inside {@link #write} to roll its transaction back on purpose; never escapes this class. */
    private static final class RollBack extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RollBack() {
            super(null, null, false, false);
        }
    }

    // ------------------------------------------------------------------------------------------ upserts, look-ups

    static long upsertMember(Connection c, Member member) throws SQLException {
        String name = member.displayName() == null || member.displayName().isBlank()
                ? member.userId() : member.displayName();
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO members (platform, user_id, display_name) VALUES (?, ?, ?)
                ON CONFLICT (platform, user_id) DO UPDATE SET display_name = excluded.display_name
                WHERE display_name IS NOT excluded.display_name""")) {
            s.setString(1, member.platform());
            s.setString(2, member.userId());
            s.setString(3, name);
            s.executeUpdate();
        }
        return memberRef(c, member.platform(), member.userId());
    }

    private static Long memberRef(Connection c, String platform, String userId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM members WHERE platform = ? AND user_id = ?")) {
            s.setString(1, platform);
            s.setString(2, userId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    /** Creates or renames the place's group and channel; returns {group ref, channel ref}. */
    private long[] upsertPlace(Connection c, Place place) throws SQLException {
        long groupRef = upsertGroup(c, place.platform(), place.groupId(), place.groupName());
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO channels (group_ref, channel_id, name) VALUES (?, ?, ?)
                ON CONFLICT (group_ref, channel_id) DO UPDATE SET name = excluded.name
                WHERE excluded.name IS NOT NULL AND name IS NOT excluded.name""")) {
            s.setLong(1, groupRef);
            s.setString(2, place.channelId());
            s.setString(3, place.channelName());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM channels WHERE group_ref = ? AND channel_id = ?")) {
            s.setLong(1, groupRef);
            s.setString(2, place.channelId());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new long[] {groupRef, rs.getLong(1)};
            }
        }
    }

    /** A new group starts in the default zone, and follows it until someone sets another. */
    private long upsertGroup(Connection c, String platform, String groupId, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO study_groups (platform, group_id, name, time_zone) VALUES (?, ?, ?, ?)
                ON CONFLICT (platform, group_id) DO UPDATE SET name = excluded.name
                WHERE excluded.name IS NOT NULL AND name IS NOT excluded.name""")) {
            s.setString(1, platform);
            s.setString(2, groupId);
            s.setString(3, name);
            s.setString(4, defaultZone.getId());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement(
                "SELECT id FROM study_groups WHERE platform = ? AND group_id = ?")) {
            s.setString(1, platform);
            s.setString(2, groupId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** {group ref, channel ref or -1} of an existing place, or empty when the group is unknown. */
    private static Optional<long[]> findPlace(Connection c, Place place) throws SQLException {
        long groupRef;
        try (PreparedStatement s = c.prepareStatement(
                "SELECT id FROM study_groups WHERE platform = ? AND group_id = ?")) {
            s.setString(1, place.platform());
            s.setString(2, place.groupId());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                groupRef = rs.getLong(1);
            }
        }
        long channelRef = -1;
        if (place.channelId() != null) {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT id FROM channels WHERE group_ref = ? AND channel_id = ?")) {
                s.setLong(1, groupRef);
                s.setString(2, place.channelId());
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        channelRef = rs.getLong(1);
                    }
                }
            }
        }
        return Optional.of(new long[] {groupRef, channelRef});
    }

    /** The first two elements of a topic path joined with " › " (the unit of "weakest topics"); null when empty. */
    static String topicKey(List<String> topic) {
        if (topic.isEmpty()) {
            return null;
        }
        return String.join(" › ", topic.subList(0, Math.min(2, topic.size())));
    }

    private static String toJson(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A list of strings is always JSON", e);
        }
    }

    static List<String> fromJson(String json) {
        try {
            return JSON.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new StoreException("A stored list is not JSON: " + json, e);
        }
    }

    // ------------------------------------------------------------------------------------------ connections

    /**
     * Copies the database file {@code db} to {@code target} with SQLite's online backup, also while a bot
     * writes to it: the copy is one consistent snapshot, never a half-written file. The database is only
     * read: neither migrated nor changed in any way.
     */
    public static void backup(Path db, Path target) {
        Path absolute = target.toAbsolutePath();
        try {
            Path folder = absolute.getParent();
            if (folder != null) {
                Files.createDirectories(folder);
            }
        } catch (IOException e) {
            throw new StoreException("Cannot create the folder for the backup " + target + ": " + e.getMessage(), e);
        }
        SQLiteConfig readOnly = new SQLiteConfig();
        readOnly.setReadOnly(true);
        readOnly.setBusyTimeout(BUSY_TIMEOUT_MS);
        try (Connection c = readOnly.createConnection("jdbc:sqlite:" + db.toAbsolutePath());
             Statement statement = c.createStatement()) {
            // sqlite-jdbc's "backup to" runs sqlite3_backup page by page from this connection.
            statement.executeUpdate("backup to '" + absolute.toString().replace("'", "''") + "'");
        } catch (SQLException e) {
            throw new StoreException("Cannot back up the database " + db + ": " + e.getMessage(), e);
        }
    }

    /**
     * Why this store can no longer keep what it is given, or null while all is well: the database file was deleted
     * or replaced since it was opened. Checked before every commit and by the heartbeat.
     */
    public String fileProblem() {
        return connections.fileProblem();
    }

    private <T> T write(SqlWork<T> work) {
        return connections.write(work);
    }

    private <T> T read(SqlWork<T> work) {
        return connections.read(work);
    }

    private <T> T readTransaction(SqlWork<T> work) {
        return connections.readTransaction(work);
    }

    @Override
    public void close() {
        connections.close();
    }
}
