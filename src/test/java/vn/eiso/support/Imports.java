package vn.eiso.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.security.core.userdetails.UserDetailsService;
import vn.eiso.base.UnitId;
import vn.eiso.document.ImportJob;
import vn.eiso.document.ImportJobs;

/** Documents in force for a test, the way a unit gets its existing ones: imported, then confirmed by the head. */
public final class Imports {

    private Imports() {
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
