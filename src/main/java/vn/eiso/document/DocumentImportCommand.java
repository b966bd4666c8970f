package vn.eiso.document;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import vn.eiso.base.DomainException;
import vn.eiso.base.Texts;
import vn.eiso.base.security.SignedIn;
import vn.eiso.base.security.SystemAuthentication;
import vn.eiso.organisation.UnitService;

/**
 * The bulk import from the command line:
 * {@code java -jar eiso.jar --import.unit=STP --import.user=thuky.stp --import.path=/data/quy-trinh.zip}
 * (a ZIP or a folder, which is packed into one first so that it gets the same verdicts). It runs as the named
 * user, under that user's rights, as the same job the screen and the API start, prints its progress and every
 * verdict, and ends.
 */
@Component
@Order(20)
class DocumentImportCommand implements ApplicationRunner {

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(2);

    private final ImportJobs imports;
    private final UnitService units;
    private final UserDetailsService userDetails;
    private final Texts texts = Texts.of("vi");
    private final ApplicationContext context;

    DocumentImportCommand(ImportJobs imports, UnitService units, UserDetailsService userDetails,
            ApplicationContext context) {
        this.imports = imports;
        this.units = units;
        this.userDetails = userDetails;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption("import.path")) {
            return;
        }
        int status = importArchive(single(args, "import.unit"), single(args, "import.user"),
                Path.of(single(args, "import.path")), System.out);
        // A command, not a server: end once the report is printed.
        System.exit(SpringApplication.exit(context, () -> status));
    }

    /** Imports as the user, printing the progress and every verdict; 0 when the job ran to its end. */
    int importArchive(String unitCode, String username, Path path, PrintStream out) {
        UserDetails user = SystemAuthentication.runAsSystem(() -> userDetails.loadUserByUsername(username));
        SecurityContext previous = SignedIn.as(user);
        try {
            var unit = units.byCode(unitCode).id();
            Path upload = Files.createTempFile("eiso-import-", ".zip");
            if (Files.isDirectory(path)) {
                zipFolder(path, upload);
            } else {
                Files.copy(path, upload, StandardCopyOption.REPLACE_EXISTING);
            }
            ImportJob job = imports.start(unit, upload, path.getFileName().toString(), ImportJob.Channel.CLI);
            while (!job.state().isFinished()) {
                job = imports.await(job.id(), PROGRESS_EVERY);
                out.println(text("docImport.progress", job.done(), job.total(), job.imported(), job.skipped(),
                        job.refused()));
            }
            for (ImportVerdict v : imports.verdicts(job.id())) {
                out.printf("%-8s %s%s%s%n", v.outcome(), v.entryName(), v.code() == null ? "" : " -> " + v.code(),
                        v.messageKey() == null ? "" : " : " + text(v.messageKey(), v.args().toArray()));
            }
            out.println(text("docImport.summary", job.imported(), job.skipped(), job.refused(), job.awaiting()));
            if (job.state() == ImportJob.State.FAILED) {
                out.println(text(job.errorKey(), job.errorArgs().toArray()));
                return 1;
            }
            return 0;
        } catch (DomainException e) {
            out.println(text(e.messageKey(), e.args()));
            return 1;
        } catch (IOException e) {
            out.println(e.getMessage());
            return 1;
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private String text(String key, Object... args) {
        return texts.get(key, args);
    }

    /** A folder becomes a ZIP of its files, with their paths below the folder, hidden ones included to be judged. */
    private static void zipFolder(Path folder, Path zip) throws IOException {
        try (Stream<Path> walk = Files.walk(folder);
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new ZipEntry(folder.relativize(p).toString().replace('\\', '/')));
                Files.copy(p, out);
                out.closeEntry();
            }
        }
    }

    private static String single(ApplicationArguments args, String name) {
        List<String> values = args.getOptionValues(name);
        if (values == null || values.size() != 1 || values.getFirst().isBlank()) {
            throw new IllegalArgumentException("--" + name + "=… is required for the import");
        }
        return values.getFirst();
    }
}
