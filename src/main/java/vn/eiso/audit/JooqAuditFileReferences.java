package vn.eiso.audit;

import static vn.eiso.db.Tables.AUDIT_ITEM_FILE;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import vn.eiso.document.FileReferences;

/** The evidence files of checklist items. */
@Repository
class JooqAuditFileReferences implements FileReferences {

    private final DSLContext dsl;

    JooqAuditFileReferences(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Set<String> referenced(Collection<String> sha256s) {
        return new HashSet<>(dsl.selectDistinct(AUDIT_ITEM_FILE.SHA256).from(AUDIT_ITEM_FILE)
                .where(AUDIT_ITEM_FILE.SHA256.in(sha256s)).fetch(AUDIT_ITEM_FILE.SHA256));
    }
}
