package vn.eiso.nonconformity.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import vn.eiso.base.ui.Badges;
import vn.eiso.nonconformity.Nonconformity;

/** Severity and status badges of the nonconformity screens. */
final class NcBadges {

    private NcBadges() {
    }

    static Span severity(Nonconformity nc) {
        if (!nc.isSeverityAssessed()) {
            // Before triage nobody has judged it: not "minor" by default.
            return Badges.of(UI.getCurrent().getTranslation("ncSeverity.NOT_ASSESSED"), "badge contrast");
        }
        return Badges.of(UI.getCurrent().getTranslation("ncSeverity." + nc.severity()),
                nc.severity() == Nonconformity.Severity.MAJOR ? "badge error primary" : "badge error");
    }

    static Span status(Nonconformity.Status status) {
        return Badges.of(UI.getCurrent().getTranslation("ncStatus." + status), switch (status) {
            case REPORTED -> "badge contrast";
            case ANALYSING, ACTIONS_PLANNED, IN_PROGRESS -> "badge";
            case VERIFYING -> "badge primary";
            case CLOSED -> "badge success";
        });
    }
}
