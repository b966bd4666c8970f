package vn.eiso.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.security.core.userdetails.UserDetailsService;
import java.util.UUID;
import vn.eiso.base.UnitId;
import vn.eiso.base.security.SystemAuthentication;
import vn.eiso.document.DocumentFilter;
import vn.eiso.document.DocumentRegister;
import vn.eiso.document.DocumentSort;
import vn.eiso.document.ImportJob;
import vn.eiso.document.ImportJobs;

/** Documents in force for a test, the way a unit gets its existing ones: imported, then confirmed by the head. */
public final class Imports {

    private Imports() {
    }

    /**
     * Three digits that no code in the unit contains yet. Documents outlive each test in the shared context, and a
     * code drawn twice would turn an import into the refusal of a taken code.
     */
    public static String freeNumber(DocumentRegister register, UnitId unit) {
        return SystemAuthentication.runAsSystem(() -> {
            String n;
            do {
                n = String.valueOf(100 + Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 800));
            } while (!register.list(new DocumentFilter(unit, "-" + n, null, null, null, false), DocumentSort.CODE,
                    true, 0, 1).isEmpty());
            return n;
        });
    }

    /** The archive at a temporary path, as an upload arrives. */
    public static Path upload(byte[] zip) {
        try {
            Path file = java.nio.file.Files.createTempFile("import-test-", ".zip");
            java.nio.file.Files.write(file, zip);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Imports as the officer, waits for the job, and has the head confirm what was in force; signs out. */
    public static ImportJob confirmed(ImportJobs imports, UserDetailsService users, UnitId unit, byte[] zip,
            String officer, String head) {
        Accounts.signIn(users, officer);
        ImportJob job = imports.await(imports.start(unit, upload(zip), "import.zip", ImportJob.Channel.API).id(),
                Duration.ofSeconds(60));
        if (job.state() != ImportJob.State.DONE) {
            throw new AssertionError("import did not finish: " + job);
        }
        if (job.awaitsConfirmation()) {
            Accounts.signIn(users, head);
            job = imports.confirm(job.id(), Accounts.DEMO_PASSWORD);
        }
        Accounts.signOut();
        return job;
    }
}
