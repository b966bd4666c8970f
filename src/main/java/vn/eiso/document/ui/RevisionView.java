package vn.eiso.document.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import org.springframework.security.access.AccessDeniedException;
import vn.eiso.base.DomainException;
import vn.eiso.base.security.AccessGuard;
import vn.eiso.base.ui.RecordPage;
import vn.eiso.base.ui.Notifications;
import vn.eiso.base.ui.TitledView;
import vn.eiso.document.Document;
import vn.eiso.document.DocumentRegister;
import vn.eiso.document.Revision;
import vn.eiso.document.RevisionId;
import vn.eiso.document.RevisionWorkflow;

/** Any revision exactly as it was, with its status unmistakable; acknowledging it when asked to read it. */
@Route("revision")
@PermitAll
class RevisionView extends VerticalLayout implements HasUrlParameter<Long>, TitledView {

    private final RevisionWorkflow workflow;
    private final DocumentRegister register;
    private final Clock clock;
    private final AccessGuard guard;

    RevisionView(RevisionWorkflow workflow, DocumentRegister register, AccessGuard guard, Clock clock) {
        this.guard = guard;
        this.workflow = workflow;
        this.register = register;
        this.clock = clock;
        addClassName(RecordPage.CLASS);
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        removeAll();
        Revision revision;
        Document document;
        try {
            revision = workflow.get(new RevisionId(id));
            document = register.get(revision.documentId());
        } catch (DomainException | AccessDeniedException e) {
            add(new H2(getTranslation("error.revision.notFound")));
            return;
        }
        add(new Anchor("document/" + document.id().value(), "← " + document.code() + " · " + document.title()),
                new H2(getTranslation("revision.heading", document.code(), revision.number())));
        boolean pending = workflow.myPendingReadings().stream().anyMatch(p -> p.revisionId().equals(revision.id()));
        if (pending) {
            Button ack = new Button(getTranslation("revision.acknowledge"), VaadinIcon.CHECK_SQUARE_O.create(), e -> {
                try {
                    workflow.acknowledge(revision.id());
                    Notifications.success(getTranslation("revision.acknowledged"));
                    e.getSource().setEnabled(false);
                } catch (DomainException ex) {
                    Notifications.error(ex);
                }
            });
            ack.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(ack);
        }
        add(new RevisionContent(revision, workflow.attachments(revision.id()), clock.getZone(),
                RevisionContent.showsHash(guard.caller(), document.unitId()), workflow::signatures));
    }

    @Override
    public String titleKey() {
        return "nav.documents";
    }
}
