package vn.eiso.audit.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import vn.eiso.audit.AuditStatus;
import vn.eiso.audit.ItemResult;
import vn.eiso.base.ui.Badges;

/** Status and result badges of the audit screens, the same everywhere. */
final class AuditBadges {

    private AuditBadges() {
    }

    static Span status(AuditStatus status) {
        return Badges.of(UI.getCurrent().getTranslation("auditStatus." + status), switch (status) {
            case PLANNED -> "badge";
            case IN_PROGRESS -> "badge primary";
            case SIGNED, ACKNOWLEDGED -> "badge success";
        });
    }

    static Span result(ItemResult result) {
        if (result == null) {
            return Badges.of(UI.getCurrent().getTranslation("itemResult.none"), "badge contrast");
        }
        return Badges.of(UI.getCurrent().getTranslation("itemResult." + result), switch (result) {
            case CONFORMING -> "badge success";
            case OBSERVATION, IMPROVEMENT -> "badge";
            case MINOR_NC -> "badge error";
            case MAJOR_NC -> "badge error primary";
        });
    }
}
