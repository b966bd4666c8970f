package vn.eiso.signature.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import vn.eiso.base.DomainException;
import vn.eiso.base.Role;
import vn.eiso.base.ui.Dialogs;
import vn.eiso.base.ui.Formats;
import vn.eiso.base.ui.Notifications;
import vn.eiso.base.ui.TitledView;
import vn.eiso.base.ui.Uploads;
import vn.eiso.signature.TrustStore;
import vn.eiso.signature.TrustedCertificate;

/**
 * The administrator's trust store: the root and intermediate CA certificates that signatures must chain to. Adding
 * or removing one has every stored PDF's signatures checked again.
 */
@Route("admin/trust")
@Menu(order = 11.6, icon = "vaadin:diploma", title = "nav.trustStore")
@RolesAllowed(Role.Names.ADMINISTRATOR)
class TrustStoreView extends VerticalLayout implements TitledView {

    private final TrustStore trust;
    private final Clock clock;
    final Grid<TrustedCertificate> grid = new Grid<>();
    final Paragraph empty = new Paragraph();
    final Upload upload;

    TrustStoreView(TrustStore trust, Clock clock) {
        this.trust = trust;
        this.clock = clock;
        addClassName("list-view");
        setSizeFull();
        upload = Uploads.single(1024 * 1024, this::add);
        upload.setId("trust-upload");
        upload.setAcceptedFileTypes(".pem", ".crt", ".cer", ".der", ".p7b");
        upload.setUploadButton(new Button(getTranslation("trust.upload")));

        grid.addColumn(TrustedCertificate::subject).setHeader(getTranslation("trust.subject")).setFlexGrow(3);
        grid.addColumn(c -> getTranslation(c.isRoot() ? "trust.kind.root" : "trust.kind.intermediate"))
                .setHeader(getTranslation("trust.kind")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(TrustedCertificate::issuer).setHeader(getTranslation("trust.issuer")).setFlexGrow(2);
        grid.addColumn(c -> Formats.dateTime(c.notAfter(), clock.getZone()))
                .setHeader(getTranslation("trust.validUntil")).setAutoWidth(true);
        grid.addColumn(c -> c.fingerprint().substring(0, 16) + "…").setHeader(getTranslation("trust.fingerprint"))
                .setAutoWidth(true);
        grid.addColumn(TrustedCertificate::addedBy).setHeader(getTranslation("trust.addedBy")).setAutoWidth(true);
        grid.addComponentColumn(c -> {
            Button remove = new Button(getTranslation("trust.remove"), e -> confirmRemove(c));
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY_INLINE);
            return remove;
        }).setAutoWidth(true);
        grid.setSizeFull();
        empty.setText(getTranslation("trust.empty"));
        add(new Paragraph(getTranslation("trust.intro")), upload, empty, grid);
        refresh();
    }

    void add(String fileName, byte[] content) {
        try {
            int added = trust.add(fileName, content);
            Notifications.success(getTranslation("trust.added", added));
            refresh();
        } catch (DomainException e) {
            Notifications.error(e);
        }
    }

    void refresh() {
        var certificates = trust.certificates();
        grid.setItems(certificates);
        empty.setVisible(certificates.isEmpty());
    }

    private void confirmRemove(TrustedCertificate certificate) {
        Dialogs.confirmDestructive(getTranslation("trust.remove.title"),
                getTranslation("trust.remove.text", certificate.subject()), getTranslation("trust.remove"), () -> {
                    Notifications.attempt(() -> trust.remove(certificate.id()), "trust.removed");
                    refresh();
                });
    }

    @Override
    public String titleKey() {
        return "nav.trustStore";
    }
}
