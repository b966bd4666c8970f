package vn.eiso.document;

import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.eiso.signature.StoredPdfs;

/** The file store's bytes for the background signature checks. */
@Component
class StoredPdfFiles implements StoredPdfs {

    private final FileStore files;

    StoredPdfFiles(FileStore files) {
        this.files = files;
    }

    @Override
    public Optional<byte[]> read(String sha256) {
        try {
            return Optional.of(files.get(sha256));
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof NoSuchFileException) {
                return Optional.empty();
            }
            throw e;
        } catch (IllegalStateException e) {
            // The database store's answer for a file it does not hold.
            return Optional.empty();
        }
    }
}
