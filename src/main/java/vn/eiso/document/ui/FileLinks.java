package vn.eiso.document.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.ZoneId;
import java.util.Optional;
import vn.eiso.base.ui.Badges;
import vn.eiso.document.Attachment;
import vn.eiso.signature.SignatureBadge;
import vn.eiso.signature.SignatureReport;

/** A stored file's download link, with the badge of its digital signature when it carries one. */
final class FileLinks {

    private FileLinks() {
    }

    static Div row(Attachment file, Optional<SignatureReport> signatures, SignatureBadge.Translator t, ZoneId zone) {
        Anchor link = new Anchor(file.downloadPath(), file.fileName());
        link.getElement().setAttribute("download", true);
        Div row = new Div(link);
        SignatureBadge.ofSigned(signatures, t, zone)
                .ifPresent(b -> row.add(new Span(" "), Badges.of(b.text(), b.theme(), b.details())));
        return row;
    }
}
