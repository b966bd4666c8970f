package vn.eiso.base.db;

import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.springframework.stereotype.Component;

/**
 * Refuses to start a node whose code is older than what the database has been contracted to (ADR 0023): during a
 * rolling upgrade an old node may run against a newer schema only as long as the new release's migrations merely
 * expanded it. Created after Flyway has migrated (it needs the database), before anything serves.
 */
@Component
class SchemaCompatibility {

    SchemaCompatibility(Flyway flyway, JooqSchemaCompat schema) {
        int oldest = schema.oldestRelease().orElse(0);
        int newest = newestKnown(flyway);
        if (newest < oldest) {
            throw new IllegalStateException("This database has been upgraded for eISO releases with migration V"
                    + oldest + " or later; this node's newest migration is V" + newest
                    + ". Upgrade this node (ADR 0023: expand, then contract).");
        }
    }

    /** The newest migration this code carries (the database may know newer ones, from newer nodes). */
    private static int newestKnown(Flyway flyway) {
        return Arrays.stream(flyway.info().all())
                .filter(m -> m.getVersion() != null && m.getState() != MigrationState.FUTURE_SUCCESS
                        && m.getState() != MigrationState.FUTURE_FAILED)
                .map(MigrationInfo::getVersion).mapToInt(v -> Integer.parseInt(v.getVersion()))
                .max().orElse(0);
    }
}
