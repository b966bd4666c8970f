package vn.eiso.nonconformity;

import static vn.eiso.db.Tables.NC_FILE;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import vn.eiso.document.FileReferences;

/** The photos and scans attached to nonconformities. */
@Repository
class JooqNcFileReferences implements FileReferences {

    private final DSLContext dsl;

    JooqNcFileReferences(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Set<String> referenced(Collection<String> sha256s) {
        return new HashSet<>(dsl.selectDistinct(NC_FILE.SHA256).from(NC_FILE).where(NC_FILE.SHA256.in(sha256s))
                .fetch(NC_FILE.SHA256));
    }
}
