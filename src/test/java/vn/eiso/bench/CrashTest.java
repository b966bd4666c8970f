package vn.eiso.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The short form of {@code ./bench crash}: three kills -9 on the database of this run's profile (H2, or PostgreSQL
 * with {@code -Ppostgres}), so each CI pass covers one. Fails when an acknowledged write is lost or half-written, an
 * orphan file outlives the sweep, an interrupted import does not finish, or the index does not come to equal the
 * database. Waits only on conditions; no duration is asserted.
 */
// Starts the application in child JVMs: its own JVM, after the main suite.
@Tag("own-jvm")
class CrashTest {

    @Test
    void acknowledged_writes_survive_kill_9_whole_and_the_index_catches_up() throws Exception {
        CrashBench.Database database = System.getProperty("spring.profiles.active", "").contains("postgres")
                ? CrashBench.Database.POSTGRES : CrashBench.Database.H2;
        CrashBench.Outcome outcome = CrashBench.run(database, 3, new Random().nextLong(), System.out);

        assertThat(outcome.acknowledged()).as("writes acknowledged before the kills").isPositive();
        assertThat(outcome.failures()).as(outcome.summary()).isZero();
    }
}
