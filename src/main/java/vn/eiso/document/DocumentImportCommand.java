package vn.eiso.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import vn.eiso.base.security.SignedIn;
import vn.eiso.base.security.SystemAuthentication;
import vn.eiso.organisation.UnitService;

/**
 * The bulk import from the command line:
 * {@code java -jar eiso.jar --import.unit=STP --import.user=thuky.stp --import.path=/data/quy-trinh.zip}
 * (a ZIP or a folder). It runs as the named user, under that user's rights, prints the report and ends.
 */
@Component
@Order(20)
class DocumentImportCommand implements ApplicationRunner {

    private final DocumentImport documentImport;
    private final UnitService units;
    private final UserDetailsService userDetails;
    private final ApplicationContext context;

    DocumentImportCommand(DocumentImport documentImport, UnitService units, UserDetailsService userDetails,
            ApplicationContext context) {
        this.documentImport = documentImport;
        this.units = units;
        this.userDetails = userDetails;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!args.containsOption("import.path")) {
            return;
        }
        String unitCode = single(args, "import.unit");
        String username = single(args, "import.user");
        Path path = Path.of(single(args, "import.path"));
        UserDetails user = SystemAuthentication.runAsSystem(() -> userDetails.loadUserByUsername(username));
        SignedIn.as(user);
        try {
            var unit = units.byCode(unitCode).id();
            DocumentImport.Report report = Files.isDirectory(path)
                    ? documentImport.importFiles(unit, readFolder(path))
                    : documentImport.importZip(unit, Files.readAllBytes(path));
            report.files().forEach(f -> System.out.println((f.imported() ? "OK    " : "REFUSED ") + f.fileName()
                    + (f.code() == null ? "" : " -> " + f.code())
                    + (f.imported() ? "" : " : " + f.errorKey() + " " + f.errorArgs())));
            System.out.printf("%d imported, %d refused%n", report.importedCount(), report.failedCount());
        } finally {
            SecurityContextHolder.clearContext();
        }
        // A command, not a server: end once the report is printed.
        System.exit(SpringApplication.exit(context, () -> 0));
    }

    private static Map<String, byte[]> readFolder(Path folder) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                try {
                    files.put(p.getFileName().toString(), Files.readAllBytes(p));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return files;
    }

    private static String single(ApplicationArguments args, String name) {
        List<String> values = args.getOptionValues(name);
        if (values == null || values.size() != 1 || values.getFirst().isBlank()) {
            throw new IllegalArgumentException("--" + name + "=… is required for the import");
        }
        return values.getFirst();
    }
}
