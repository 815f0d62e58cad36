package dev.studybot.qotd;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * Where Quartz keeps the triggers of the question of the day. In memory for one process on an SQLite file: what
 * must survive a restart is in the store, and start-up re-creates the triggers from it. In the PostgreSQL database
 * for a cluster: Quartz's JDBC job store (tables by the Flyway migration V9), clustered, through the store's own
 * pool, so that the replicas share one set of triggers, each fires on one replica only, and the jobs of a replica
 * that dies are taken over by another.
 */
public final class QuartzJobStore {

    /** Every replica's scheduler name: Quartz keys its rows by it, so the replicas share them. */
    static final String CLUSTER_NAME = "studybot";
    /** How often a replica tells the others it is alive; one silent for this long and 7.5 s more is taken over. */
    private static final long CHECKIN_INTERVAL_MS = 5_000;
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    /** The database's pool, or null: in memory. */
    private final DataSource pool;

    private QuartzJobStore(DataSource pool) {
        this.pool = pool;
    }

    public static QuartzJobStore inMemory() {
        return new QuartzJobStore(null);
    }

    /** In the database behind {@code pool}, which must hold Quartz's tables; shared with the replicas on it. */
    public static QuartzJobStore clustered(DataSource pool) {
        return new QuartzJobStore(pool);
    }

    boolean clustered() {
        return pool != null;
    }

    /** The scheduler's settings; for a cluster, registers the pool with Quartz under a name of its own. */
    Properties properties() {
        Properties config = new Properties();
        config.setProperty("org.quartz.threadPool.threadCount", "2");
        config.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        int instance = INSTANCES.incrementAndGet();
        if (pool == null) {
            // Several bots (or tests) may run in one JVM: each needs its own scheduler name.
            config.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, "studybot-" + instance);
            config.setProperty(StdSchedulerFactory.PROP_JOB_STORE_CLASS, "org.quartz.simpl.RAMJobStore");
            return config;
        }
        // Quartz hands out one scheduler per name and JVM: a second would silently be the first, with its jobs.
        if (SchedulerRepository.getInstance().lookup(CLUSTER_NAME) != null) {
            throw new IllegalStateException("A clustered scheduler already runs in this process; each replica of a"
                    + " cluster is a process of its own");
        }
        String dataSource = "studybot-database-" + instance;
        DBConnectionManager.getInstance().addConnectionProvider(dataSource, new SharedPool(pool));
        config.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, CLUSTER_NAME);
        config.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_ID, StdSchedulerFactory.AUTO_GENERATE_INSTANCE_ID);
        config.setProperty(StdSchedulerFactory.PROP_JOB_STORE_CLASS, "org.quartz.impl.jdbcjobstore.JobStoreTX");
        config.setProperty("org.quartz.jobStore.driverDelegateClass",
                "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        config.setProperty("org.quartz.jobStore.dataSource", dataSource);
        config.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        config.setProperty("org.quartz.jobStore.isClustered", "true");
        config.setProperty("org.quartz.jobStore.clusterCheckinInterval", String.valueOf(CHECKIN_INTERVAL_MS));
        return config;
    }

    /** The store's pool as Quartz's connection provider; the store closes it, after the scheduler. */
    private record SharedPool(DataSource pool) implements ConnectionProvider {
        @Override
        public Connection getConnection() throws SQLException {
            return pool.getConnection();
        }

        @Override
        public void shutdown() {
            // Not Quartz's to close.
        }

        @Override
        public void initialize() {
            // Already open.
        }
    }
}
