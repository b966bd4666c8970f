package vn.eiso.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.function.SerializableSupplier;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import vn.eiso.base.FileNames;

/** Links that generate a file when clicked (a report, minutes), so nothing is built until somebody asks. */
public final class Downloads {

    private Downloads() {
    }

    public static Anchor pdf(String label, String fileName, SerializableSupplier<byte[]> content) {
        return file(label, fileName, "application/pdf", content);
    }

    /** A stored file's name is cleaned again on the way out (ADR 0019): evidence filed before the rules keeps none. */
    public static Anchor file(String label, String fileName, String contentType, SerializableSupplier<byte[]> content) {
        String name = FileNames.clean(fileName);
        Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = content.get();
            return new DownloadResponse(new ByteArrayInputStream(bytes), name, contentType, bytes.length);
        }), label);
        link.getElement().setAttribute("download", true);
        return link;
    }
}
