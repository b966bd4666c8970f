package vn.eiso.base.cluster;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scheduled jobs marked {@code @SchedulerLock} run on one node of the cluster at a time: ShedLock's lock table in
 * the application's database (ADR 0023). Lock times are the database's, so nodes' clocks may disagree. A node that
 * dies holding a lock keeps it until the job's {@code lockAtMostFor}; the job then runs at its next turn.
 */
@Configuration
@EnableSchedulerLock(defaultLockAtMostFor = "PT6H")
class JobLocks {

    @Bean
    LockProvider lockProvider(DataSource dataSource, MeterRegistry meters) {
        LockProvider database = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource)).usingDbTime().build());
        return new Counted(database, meters);
    }

    /** Counts each job's runs on this node ({@code eiso.jobs.runs}, tagged by job): which node ran what, how often. */
    private record Counted(LockProvider database, MeterRegistry meters) implements LockProvider {
        @Override
        public Optional<SimpleLock> lock(LockConfiguration configuration) {
            Optional<SimpleLock> lock = database.lock(configuration);
            lock.ifPresent(l -> meters.counter("eiso.jobs.runs", "job", configuration.getName()).increment());
            return lock;
        }
    }
}
