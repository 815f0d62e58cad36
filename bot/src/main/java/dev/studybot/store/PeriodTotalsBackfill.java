package dev.studybot.store;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration 2.1: fills the week and month score totals from the answers of a version-1 database. It runs
 * right after V2__score_totals.sql (which creates the table and fills the 'all' totals) and is Java because
 * weeks and months are those of each group's time zone, which SQLite cannot apply. On a new database there
 * are no answers yet and it does nothing.
 */
final class PeriodTotalsBackfill implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("2.1");
    }

    @Override
    public String getDescription() {
        return "backfill period totals";
    }

    @Override
    public Integer getChecksum() {
        return 1;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        ScoreTotals.rebuildAllPeriods(context.getConnection());
    }
}
