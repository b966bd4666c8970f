package vn.eiso.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiConsumer;
import vn.eiso.base.FileLimits;

/** Upload components that speak the user's language, and take files without risking the server's memory. */
public final class Uploads {

    /** Room for a multipart request's boundaries and headers around its one file. */
    private static final long FORM_OVERHEAD_BYTES = 64 * 1024;

    private Uploads() {
    }

    /**
     * An upload whose every file is held to {@code maxBytes} in the browser and again on the server, in the user's
     * language. Screens pass a limit from {@link FileLimits} ({@code eiso.files.*}), never a number of their own;
     * those that take a single file say so with {@link #single}.
     */
    public static Upload limited(long maxBytes, BiConsumer<String, byte[]> onFile) {
        Upload upload = new Upload(bounded(UI.getCurrent(), maxBytes, onFile));
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, maxBytes));
        localise(upload);
        return upload;
    }

    /** The same for one file at a time: a document's file, an import archive, a signed decision. */
    public static Upload single(long maxBytes, BiConsumer<String, byte[]> onFile) {
        Upload upload = limited(maxBytes, onFile);
        upload.setMaxFiles(1);
        return upload;
    }

    /**
     * One large file that is never read into memory (an import archive): the callback gets the temporary file and
     * owns it from then on, to move it elsewhere or delete it.
     */
    public static Upload singleFile(long maxBytes, BiConsumer<String, Path> onFile) {
        Upload upload = new Upload(streamed(UI.getCurrent(), maxBytes, onFile));
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, maxBytes));
        upload.setMaxFiles(1);
        localise(upload);
        return upload;
    }

    /**
     * An upload handler that streams to a temporary file and hands over the bytes only when the file is within
     * {@code maxBytes}; a larger one (a browser can be made to skip its own size check) is refused with a
     * message and never read into memory. Runs the callbacks in the UI's session.
     */
    public static UploadHandler bounded(UI ui, long maxBytes, BiConsumer<String, byte[]> onFile) {
        return streamed(ui, maxBytes, (name, file) -> {
            try {
                onFile.accept(name, Files.readAllBytes(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                deleteQuietly(file);
            }
        });
    }

    /**
     * Streams to a temporary file and stops reading at the first byte past {@code maxBytes}: the refusal names the
     * limit, the partial file is deleted, and nothing reaches the callback. The handler also declares the limit
     * to Vaadin, which then refuses a multipart request that announces a larger file before it is read. Hands a
     * file within the limit over in the UI's session.
     */
    private static UploadHandler streamed(UI ui, long maxBytes, BiConsumer<String, Path> onFile) {
        return new CappedUpload(ui, maxBytes, onFile);
    }

    /** See {@link #streamed}. */
    private record CappedUpload(UI ui, long maxBytes, BiConsumer<String, Path> onFile) implements UploadHandler {

        @Override
        public void handleUploadRequest(UploadEvent event) throws IOException {
            String name = event.getFileName();
            Path file = Files.createTempFile("eiso-upload-", ".part");
            try {
                long copied;
                try (InputStream in = event.getInputStream(); OutputStream out = Files.newOutputStream(file)) {
                    copied = copy(in, out, maxBytes + 1);
                }
                if (copied > maxBytes) {
                    String refusal = ui.getTranslation("upload.tooBigNamed", name, FileLimits.megabytes(maxBytes));
                    event.reject(refusal);
                    ui.access(() -> Notifications.error(refusal));
                    return;
                }
                Path kept = file;
                file = null;
                ui.access(() -> onFile.accept(name, kept));
            } finally {
                if (file != null) {
                    deleteQuietly(file);
                }
            }
        }

        @Override
        public long getFileSizeMax() {
            return maxBytes;
        }

        @Override
        public long getRequestSizeMax() {
            return maxBytes + FORM_OVERHEAD_BYTES;
        }

        @Override
        public long getFileCountMax() {
            return 1;
        }

        /** Copies at most {@code limit} bytes and says how many it copied. */
        private static long copy(InputStream in, OutputStream out, long limit) throws IOException {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int read;
            while (total < limit && (read = in.read(buffer, 0, (int) Math.min(buffer.length, limit - total))) > 0) {
                out.write(buffer, 0, read);
                total += read;
            }
            return total;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Left to the system's temporary folder.
        }
    }

    public static void localise(Upload upload) {
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(upload.getTranslation("upload.add"))
                .setMany(upload.getTranslation("upload.add")));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(upload.getTranslation("upload.drop"))
                .setMany(upload.getTranslation("upload.drop")));
        i18n.setError(new UploadI18N.Error().setTooManyFiles(upload.getTranslation("upload.tooMany"))
                .setFileIsTooBig(upload.getTranslation("upload.tooBig"))
                .setIncorrectFileType(upload.getTranslation("upload.wrongType")));
        upload.setI18n(i18n);
    }
}
