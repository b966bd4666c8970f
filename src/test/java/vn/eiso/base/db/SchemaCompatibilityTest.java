package vn.eiso.base.db;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.eiso.support.OwnDatabase;

/**
 * During a rolling upgrade a node runs against the schema as long as it was only expanded; once a contract
 * migration raised the oldest release it supports past this node's migrations, the node refuses to start and says
 * which versions (ADR 0023).
 */
class SchemaCompatibilityTest {

    private OwnDatabase database;
    private Flyway flyway;

    @BeforeEach
    void migrate() throws Exception {
        database = OwnDatabase.create("eiso_compat");
        flyway = Flyway.configure().dataSource(database.url(), OwnDatabase.user(), "")
                .locations("filesystem:db/migration").load();
        flyway.migrate();
    }

    @AfterEach
    void drop() throws Exception {
        database.close();
    }

    @Test
    void a_node_as_new_as_the_schema_starts_and_an_older_one_is_refused_with_both_versions() throws Exception {
        try (Connection c = database.connect()) {
            var schema = new JooqSchemaCompat(DSL.using(c, OwnDatabase.POSTGRES ? SQLDialect.POSTGRES : SQLDialect.H2));
            assertThatCode(() -> new SchemaCompatibility(flyway, schema)).doesNotThrowAnyException();

            try (Statement s = c.createStatement()) {
                // As a contract migration of a later release would leave it.
                s.execute("update schema_compat set oldest_release = 9999");
            }

            assertThatThrownBy(() -> new SchemaCompatibility(flyway, schema)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("V9999").hasMessageContaining("V" + flyway.info().current().getVersion())
                    .hasMessageContaining("Upgrade this node");
        }
    }
}
