package vn.eiso.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.BiConsumer;
import vn.eiso.base.FileLimits;

/** Upload components that speak the user's language, and take files without risking the server's memory. */
public final class Uploads {

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

    /** Streams to a temporary file, refuses one over {@code maxBytes}, and hands the file over in the UI's session. */
    private static UploadHandler streamed(UI ui, long maxBytes, BiConsumer<String, Path> onFile) {
        return UploadHandler.toTempFile((meta, file) -> {
            try {
                if (file.length() > maxBytes) {
                    ui.access(() -> Notifications.error(ui.getTranslation("upload.tooBigNamed", meta.fileName(),
                            FileLimits.megabytes(maxBytes))));
                    return;
                }
                // The handler deletes its file when this returns; the session may take the file over later.
                Path kept = Files.createTempFile("eiso-upload-", ".part");
                Files.move(file.toPath(), kept, StandardCopyOption.REPLACE_EXISTING);
                ui.access(() -> onFile.accept(meta.fileName(), kept));
            } finally {
                Files.deleteIfExists(file.toPath());
            }
        });
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
