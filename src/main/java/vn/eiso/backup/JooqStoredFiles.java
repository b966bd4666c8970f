package vn.eiso.backup;

import static vn.eiso.db.Tables.ANNOUNCEMENT;
import static vn.eiso.db.Tables.ATTACHMENT;
import static vn.eiso.db.Tables.AUDIT_ITEM_FILE;
import static vn.eiso.db.Tables.NC_FILE;

import java.util.SortedSet;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * Every file the rows point to, by the hash under which the file store keeps it. A new table that refers to stored
 * files must be added here, or its files are missing from backups (BackupAndRestoreTest compares every file).
 */
@Repository
class JooqStoredFiles {

    /** The hashes the rows refer to, read through the given context (the backup's snapshot). */
    SortedSet<String> referenced(DSLContext dsl) {
        return new TreeSet<>(dsl.select(ATTACHMENT.SHA256).from(ATTACHMENT)
                .union(dsl.select(AUDIT_ITEM_FILE.SHA256).from(AUDIT_ITEM_FILE))
                .union(dsl.select(NC_FILE.SHA256).from(NC_FILE))
                .union(dsl.select(ANNOUNCEMENT.DECISION_SHA256).from(ANNOUNCEMENT))
                .union(dsl.select(ANNOUNCEMENT.SIGNED_SHA256).from(ANNOUNCEMENT)
                        .where(ANNOUNCEMENT.SIGNED_SHA256.isNotNull()))
                .fetch(0, String.class));
    }
}
