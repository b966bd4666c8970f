package vn.eiso.base.db;

import static vn.eiso.db.Tables.SCHEMA_COMPAT;

import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
class JooqSchemaCompat {

    private final DSLContext dsl;

    JooqSchemaCompat(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The oldest release (named by its newest migration) that may run on this schema; contract migrations set it. */
    Optional<Integer> oldestRelease() {
        return Optional.ofNullable(dsl.select(SCHEMA_COMPAT.OLDEST_RELEASE).from(SCHEMA_COMPAT)
                .where(SCHEMA_COMPAT.ID.eq(1)).fetchOne(SCHEMA_COMPAT.OLDEST_RELEASE));
    }
}
