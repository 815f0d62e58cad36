package dev.studybot.store;

import dev.studybot.config.DatabaseLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for the tests: one per test JVM, started on first use from the server binaries of the
 * machine (initdb into a temporary folder, a free port on loopback only, password login) and stopped when the JVM
 * exits. initdb refuses to run as root, so as root the server runs as the {@code postgres} user (through
 * {@code runuser}) in a folder it owns. Each test gets a database of its own, copied from one that was migrated
 * once, so that a test costs a CREATE DATABASE and not a whole Flyway run. Public for the tests of other packages
 * (the command line's, the clustered scheduler's) that need a real server too.
 */
public final class ThrowawayPostgresql {

    /** Where to look for initdb and pg_ctl besides Debian's /usr/lib/postgresql/VERSION/bin. */
    static final String BIN_VARIABLE = "STUDYBOT_TEST_POSTGRESQL_BIN";
    static final String SUPERUSER = "postgres";
    private static final String TEMPLATE = "studybot_migrated";
    private static final long START_TIMEOUT_SECONDS = 60;
    private static final int KEPT_DATABASES = 8;

    private static ThrowawayPostgresql running;
    /** Why the server could not start, so that every test after the first says so at once. */
    private static RuntimeException failed;

    private final Path bin;
    private final Path root;
    private final int port;
    private final String password = "pw-" + UUID.randomUUID();
    private final AtomicInteger databases = new AtomicInteger();
    /** initdb refuses root: then the server runs as the postgres user, in a folder it owns. */
    private final boolean asPostgresUser = "root".equals(System.getProperty("user.name"));

    private ThrowawayPostgresql(Path bin, Path root, int port) {
        this.bin = bin;
        this.root = root;
        this.port = port;
    }

    /** The server of this JVM, started (with the migrated template database) on the first call. */
    public static synchronized ThrowawayPostgresql get() {
        if (failed != null) {
            throw failed;
        }
        if (running == null) {
            try {
                running = start();
            } catch (RuntimeException e) {
                failed = e;
                throw e;
            }
        }
        return running;
    }

    /** The superuser's password: what {@value DatabaseLocation#PASSWORD_VARIABLE} would hold. */
    public String password() {
        return password;
    }

    /** A new database with the current schema, for one test. */
    public DatabaseLocation.PostgresqlServer freshDatabase() {
        return create(TEMPLATE);
    }

    /** A new database with nothing in it, not even Flyway's history. */
    public DatabaseLocation.PostgresqlServer emptyDatabase() {
        return create("template0");
    }

    /** A plain JDBC connection to {@code database}, for tests that look at the tables themselves. */
    public Connection connect(DatabaseLocation.PostgresqlServer database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), SUPERUSER, password);
    }

    /** Lets no one in to {@code database}, and puts out everyone there (as when its server goes away), or lets them in again. */
    void refuseConnections(DatabaseLocation.PostgresqlServer database, boolean refuse) throws SQLException {
        String name = database.jdbcUrl().substring(database.jdbcUrl().lastIndexOf('/') + 1);
        try (Connection c = connect(location("postgres")); Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS " + !refuse);
            if (refuse) {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
            }
        }
    }

    private DatabaseLocation.PostgresqlServer create(String template) {
        int number = databases.incrementAndGet();
        String name = "test_" + number;
        try (Connection c = connect(location("postgres")); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " TEMPLATE " + template);
            // Each database takes some 8 MB of the folder: keep only the latest few (the tests run one at a time and
            // use one or two each), so the folder stays small and is quickly deleted when the JVM exits.
            if (number > KEPT_DATABASES) {
                s.execute("DROP DATABASE IF EXISTS test_" + (number - KEPT_DATABASES) + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test database: " + e.getMessage(), e);
        }
        return location(name);
    }

    private DatabaseLocation.PostgresqlServer location(String database) {
        return (DatabaseLocation.PostgresqlServer) DatabaseLocation.parse(
                "postgresql://127.0.0.1:" + port + "/" + database + "?user=" + SUPERUSER);
    }

    private static ThrowawayPostgresql start() {
        Path bin = findBinaries(System.getenv(BIN_VARIABLE), Path.of("/usr/lib/postgresql"));
        try {
            Path folder = Files.createTempDirectory("studybot-postgresql-");
            ThrowawayPostgresql server = new ThrowawayPostgresql(bin, folder, freePort());
            server.initAndStart();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "throwaway-postgresql-stop"));
            server.migrateTemplate();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the test PostgreSQL server", e);
        }
    }

    private void initAndStart() throws IOException {
        Path passwordFile = root.resolve("password");
        Files.writeString(passwordFile, password, StandardCharsets.UTF_8);
        if (asPostgresUser) {
            UserPrincipalLookupService users = root.getFileSystem().getUserPrincipalLookupService();
            UserPrincipal postgres = users.lookupPrincipalByName(SUPERUSER);
            Files.setOwner(root, postgres);
            Files.setOwner(passwordFile, postgres);
        }
        Path data = root.resolve("data");
        run(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", SUPERUSER, "--pwfile=" + passwordFile,
                "--auth=scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync");
        // Loopback only, sockets in the folder, and no waiting on the disk: the data is thrown away anyway.
        run(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", root.resolve("server.log").toString(),
                "-w", "-t", String.valueOf(START_TIMEOUT_SECONDS), "-o",
                "-p " + port + " -c listen_addresses=127.0.0.1 -k " + root + " -c fsync=off -c synchronous_commit=off"
                        + " -c full_page_writes=off -c max_connections=300", "start");
    }

    private void migrateTemplate() {
        try (Connection c = connect(location("postgres")); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + TEMPLATE);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the template database: " + e.getMessage(), e);
        }
        SqlStudyStore.open(location(TEMPLATE), ZoneId.of("UTC"), password).close();
    }

    private void stop() {
        try {
            run(bin.resolve("pg_ctl").toString(), "-D", root.resolve("data").toString(), "-m", "immediate", "stop");
        } finally {
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // A temporary folder; the system cleans it up in the end.
            }
        }
    }

    private void run(String... command) {
        List<String> line = new ArrayList<>();
        if (asPostgresUser) {
            line.addAll(List.of("runuser", "-u", SUPERUSER, "--"));
        }
        line.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            // pg_ctl start leaves the server running with its output in the log file, so this reads to the end.
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(START_TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", line) + " failed:\n" + output + serverLog());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + line, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + line, e);
        }
    }

    private String serverLog() {
        try {
            Path log = root.resolve("server.log");
            return Files.exists(log) ? "\nserver log:\n" + Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * {@code configured} ($STUDYBOT_TEST_POSTGRESQL_BIN) when set, else the newest {@code debian}/VERSION/bin; a clear
     * failure, saying what to install, without.
     */
    static Path findBinaries(String configured, Path debian) {
        if (configured != null && !configured.isBlank()) {
            Path bin = Path.of(configured);
            if (Files.isExecutable(bin.resolve("initdb"))) {
                return bin;
            }
            throw missing(BIN_VARIABLE + "=" + configured + " has no initdb.");
        }
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                return versions.map(v -> v.resolve("bin"))
                        .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                        .max(Comparator.comparing(bin -> versionOf(bin.getParent().getFileName().toString())))
                        .orElseThrow(() -> missing(debian + " has no VERSION/bin/initdb."));
            } catch (IOException e) {
                throw missing("cannot read " + debian + ": " + e.getMessage());
            }
        }
        throw missing("there is no " + debian + ".");
    }

    private static int versionOf(String name) {
        return name.matches("\\d+") ? Integer.parseInt(name) : -1;
    }

    private static IllegalStateException missing(String why) {
        return new IllegalStateException("The PostgreSQL store tests need the PostgreSQL server binaries (initdb,"
                + " pg_ctl), and " + why + " Install them (Debian or Ubuntu: apt-get install postgresql; .ci/run does"
                + " that) or set " + BIN_VARIABLE + " to the folder that holds initdb and pg_ctl.");
    }
}
