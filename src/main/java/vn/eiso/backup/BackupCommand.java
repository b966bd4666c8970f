package vn.eiso.backup;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import vn.eiso.base.DomainException;
import vn.eiso.base.Texts;

/**
 * {@code --backup=DIR} and {@code --restore=DIR}: the same jar as the server, run before the application starts.
 * A restore needs the database as empty as it was left: the server's start would migrate it, load demo data or
 * create the administrator first. A backup must not start what the running server already holds (the search
 * index's lock, the scheduled jobs). So both run in a context that only reads the configuration, exactly as the
 * server would (properties, profiles, environment), and connect with it; prints in Vietnamese and English; returns
 * the exit status.
 */
public final class BackupCommand {

    private static final String BACKUP = "--backup=";
    private static final String RESTORE = "--restore=";

    private BackupCommand() {
    }

    /** Whether the arguments ask for a backup or a restore instead of the server. */
    public static boolean requested(String[] args) {
        return Arrays.stream(args).anyMatch(a -> a.startsWith(BACKUP) || a.startsWith(RESTORE));
    }

    /** Runs the command the arguments name; 0 when done, 1 when refused or failed (nothing changed). */
    public static int run(String[] args, PrintStream out) {
        List<String> commands = Arrays.stream(args).filter(a -> a.startsWith(BACKUP) || a.startsWith(RESTORE))
                .toList();
        if (commands.size() != 1 || commands.getFirst().endsWith("=")) {
            out.println("Give exactly one of --backup=DIR or --restore=DIR");
            return 2;
        }
        String command = commands.getFirst();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ConfigurationOnly.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false).run(args)) {
            Environment env = context.getEnvironment();
            BackupSettings settings = BackupSettings.from(env);
            // No application context, so no Clock bean: the same system clock in the agencies' zone that it holds.
            Clock clock = Clock.system(ZoneId.of(env.getProperty("eiso.time-zone", "Asia/Ho_Chi_Minh")));
            Backups backups = new Backups(settings,
                    new DriverManagerDataSource(settings.url(), settings.user(), settings.password()),
                    new JooqStoredFiles(), clock);
            long started = System.nanoTime();
            if (command.startsWith(BACKUP)) {
                Path folder = Path.of(command.substring(BACKUP.length())).toAbsolutePath();
                Manifest m = backups.backup(folder);
                say(out, "backup.done", folder, m.tables().size(), rows(m), m.files().size(),
                        (System.nanoTime() - started) / 1_000_000_000.0);
            } else {
                Path folder = Path.of(command.substring(RESTORE.length())).toAbsolutePath();
                Manifest m = backups.restore(folder);
                say(out, "backup.restored", folder, m.tables().size(), rows(m), m.files().size(), m.schemaVersion());
            }
            return 0;
        } catch (DomainException e) {
            say(out, "backup.refused");
            say(out, e.messageKey(), e.args());
            return 1;
        } catch (IOException | SQLException e) {
            say(out, "backup.failed", e.getMessage());
            return 1;
        }
    }

    static long rows(Manifest manifest) {
        return manifest.tables().values().stream().mapToLong(Long::longValue).sum();
    }

    /** Each line in Vietnamese, then in English, as operators of either language read the console. */
    private static void say(PrintStream out, String key, Object... args) {
        out.println(Texts.of("vi").get(key, args));
        out.println(Texts.of("en").get(key, args));
    }

    /** The source of the command's context: nothing but the configuration Spring Boot reads for every application. */
    static final class ConfigurationOnly {
    }
}
