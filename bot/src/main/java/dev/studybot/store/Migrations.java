package dev.studybot.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.internal.scanner.Scanner;

/**
 * The one Flyway history of the store, for either engine. The shared migrations are in {@code db/migration}
 * (V1 to V6 were written for SQLite, which runs them unchanged, so existing files keep their checksums); an engine's
 * own version of a migration, in its {@link Dialect#migrationFolder()}, takes the place of the shared one of the
 * same version where the SQL differs. A new migration whose SQL both engines run goes to {@code db/migration} only.
 * The Java migration {@link PeriodTotalsBackfill} runs on both.
 */
final class Migrations {

    static final String SHARED = "db/migration";

    private Migrations() {
    }

    /** @param target the version to stop at (tests build older schemas with it), or null: the latest */
    static Flyway flyway(DataSource dataSource, Dialect dialect, String target) {
        FluentConfiguration configuration = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:" + SHARED)
                .javaMigrations(new PeriodTotalsBackfill())
                // Branches take version numbers in parallel, so a lower one may reach a database after a higher one
                // (V10 after V11): it is applied then, not refused. Each migration stands on its own to allow it.
                .outOfOrder(true)
                .loggers("slf4j");
        if (dialect.migrationFolder() != null) {
            configuration = configuration.resourceProvider(new VendorFirst(configuration, dialect.migrationFolder()));
        }
        if (target != null) {
            configuration = configuration.target(target);
        }
        return configuration.load();
    }

    /** The engine's migrations, and the shared ones whose version the engine has none of its own for. */
    private static final class VendorFirst implements ResourceProvider {

        private final ResourceProvider shared;
        private final ResourceProvider vendor;

        VendorFirst(FluentConfiguration configuration, String vendorFolder) {
            // Flyway's own class-path scanner, one per folder (the same one it uses for its locations).
            this.shared = new Scanner<>(JavaMigration.class, configuration,
                    new Location[] {new Location("classpath:" + SHARED)});
            this.vendor = new Scanner<>(JavaMigration.class, configuration,
                    new Location[] {new Location("classpath:" + vendorFolder)});
        }

        @Override
        public LoadableResource getResource(String name) {
            LoadableResource own = vendor.getResource(name);
            return own != null ? own : shared.getResource(name);
        }

        @Override
        public Collection<LoadableResource> getResources(String prefix, String... suffixes) {
            Collection<LoadableResource> own = vendor.getResources(prefix, suffixes);
            Set<String> replaced = own.stream().map(VendorFirst::version).collect(Collectors.toSet());
            List<LoadableResource> all = new ArrayList<>(own);
            shared.getResources(prefix, suffixes).stream().filter(r -> !replaced.contains(version(r))).forEach(all::add);
            return all;
        }

        /** "V3" of "V3__question_of_the_day.sql": the prefix and version, which must be unique in the history. */
        private static String version(LoadableResource resource) {
            String name = resource.getFilename();
            int separator = name.indexOf("__");
            return separator < 0 ? name : name.substring(0, separator);
        }
    }
}
