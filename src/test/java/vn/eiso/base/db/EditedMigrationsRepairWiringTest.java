package vn.eiso.base.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.eiso.support.ServiceTest;

/** The application's own Flyway runs the repair, beside the test profile's migration strategy. */
class EditedMigrationsRepairWiringTest extends ServiceTest {

    @Autowired
    Flyway flyway;

    @Test
    void the_applications_flyway_repairs_the_edited_migrations_before_it_validates() {
        assertThat(flyway.getConfiguration().getCallbacks()).hasAtLeastOneElementOfType(EditedMigrationsRepair.class);
        assertThat(flyway.getConfiguration().isValidateOnMigrate()).isTrue();
        assertThat(flyway.info().pending()).isEmpty();
    }
}
