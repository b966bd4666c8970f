package vn.eiso.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The server's own backup, each night into a dated folder of {@code eiso.backup.dir}, keeping the newest
 * {@code eiso.backup.keep}. Made in-process, it needs no second connection to the database, which an embedded H2
 * database would not allow without its mixed mode. Only folders named as this job names them and holding a manifest
 * are ever deleted.
 */
@Component
class NightlyBackup {

    private static final Logger LOG = LoggerFactory.getLogger(NightlyBackup.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'eiso-'yyyyMMdd-HHmmss");
    private static final Pattern OWN = Pattern.compile("eiso-\\d{8}-\\d{6}");

    private final Backups backups;
    private final Clock clock;
    private final String dir;
    private final int keep;

    NightlyBackup(Environment env, DataSource dataSource, JooqStoredFiles storedFiles, Clock clock,
            @Value("${eiso.backup.dir:}") String dir, @Value("${eiso.backup.keep:7}") int keep) {
        this.backups = new Backups(BackupSettings.from(env), dataSource, storedFiles, clock);
        this.clock = clock;
        this.dir = dir;
        this.keep = Math.max(1, keep);
    }

    @Scheduled(cron = "${eiso.backup.cron:0 30 2 * * *}", zone = "${eiso.time-zone:Asia/Ho_Chi_Minh}")
    @SchedulerLock(name = "nightly-backup", lockAtLeastFor = "PT5M")
    void nightly() {
        if (dir.isBlank()) {
            return;
        }
        try {
            Path folder = backupNow(Path.of(dir));
            LOG.info("Nightly backup written to {}", folder);
        } catch (IOException | SQLException | RuntimeException e) {
            LOG.error("Nightly backup into {} failed; the earlier backups are kept", dir, e);
        }
    }

    /** Writes a backup into a new dated folder of {@code root}, then deletes the oldest beyond the number kept. */
    Path backupNow(Path root) throws IOException, SQLException {
        Path folder = root.resolve(NAME.format(LocalDateTime.now(clock)));
        backups.backup(folder);
        List<Path> own;
        try (Stream<Path> children = Files.list(root)) {
            own = children.filter(p -> OWN.matcher(p.getFileName().toString()).matches())
                    .filter(p -> Files.isRegularFile(p.resolve(Manifest.NAME)))
                    .sorted(Comparator.comparing(Path::getFileName).reversed()).toList();
        }
        for (Path old : own.subList(Math.min(keep, own.size()), own.size())) {
            // The manifest first: a deletion cut short must not leave something that passes for a backup.
            Files.delete(old.resolve(Manifest.NAME));
            Backups.deleteContents(old);
            Files.delete(old);
            LOG.info("Old backup {} deleted (eiso.backup.keep={})", old, keep);
        }
        return folder;
    }
}
