package vn.eiso.announcement;

import static vn.eiso.db.Tables.ANNOUNCEMENT;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import vn.eiso.document.FileReferences;

/** Each decision as issued, and its signed copy. */
@Repository
class JooqAnnouncementFileReferences implements FileReferences {

    private final DSLContext dsl;

    JooqAnnouncementFileReferences(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Set<String> referenced(Collection<String> sha256s) {
        Set<String> named = new HashSet<>(dsl.select(ANNOUNCEMENT.DECISION_SHA256).from(ANNOUNCEMENT)
                .where(ANNOUNCEMENT.DECISION_SHA256.in(sha256s)).fetch(ANNOUNCEMENT.DECISION_SHA256));
        named.addAll(dsl.select(ANNOUNCEMENT.SIGNED_SHA256).from(ANNOUNCEMENT)
                .where(ANNOUNCEMENT.SIGNED_SHA256.in(sha256s)).fetch(ANNOUNCEMENT.SIGNED_SHA256));
        return named;
    }
}
