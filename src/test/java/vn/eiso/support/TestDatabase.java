package vn.eiso.support;

import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Every test JVM starts from an empty schema (the PostgreSQL test database outlives runs), cleaned once: later
 * Spring contexts of the same run share the data the first one loaded.
 */
@Configuration
@Profile("test")
public class TestDatabase {

    private static final AtomicBoolean CLEANED = new AtomicBoolean();

    /** {@code eiso.test.clean-database=false} keeps a database a test prepared, e.g. the previous release's. */
    @Bean
    FlywayMigrationStrategy cleanOncePerRun(@Value("${eiso.test.clean-database:true}") boolean clean) {
        return flyway -> {
            if (clean && CLEANED.compareAndSet(false, true)) {
                flyway.clean();
            }
            flyway.migrate();
        };
    }
}
