package vn.eiso.document;

import static vn.eiso.db.Tables.ATTACHMENT;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** The files of revisions and records. */
@Repository
class JooqAttachmentReferences implements FileReferences {

    private final DSLContext dsl;

    JooqAttachmentReferences(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Set<String> referenced(Collection<String> sha256s) {
        return new HashSet<>(dsl.selectDistinct(ATTACHMENT.SHA256).from(ATTACHMENT)
                .where(ATTACHMENT.SHA256.in(sha256s)).fetch(ATTACHMENT.SHA256));
    }
}
