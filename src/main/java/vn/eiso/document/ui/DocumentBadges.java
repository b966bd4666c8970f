package vn.eiso.document.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import java.time.LocalDate;
import vn.eiso.base.ui.Badges;
import vn.eiso.base.ui.Formats;
import vn.eiso.document.DocumentStatus;
import vn.eiso.document.RevisionStatus;

/** Status badges and dates of the document screens, the same everywhere. */
final class DocumentBadges {

    private DocumentBadges() {
    }

    static Span status(DocumentStatus status) {
        return badge(UI.getCurrent().getTranslation("docStatus." + status), switch (status) {
            case EFFECTIVE -> "badge success";
            case DRAFT -> "badge";
            case OBSOLETE -> "badge contrast";
        });
    }

    static Span status(RevisionStatus status) {
        return badge(UI.getCurrent().getTranslation("revStatus." + status), switch (status) {
            case EFFECTIVE -> "badge success";
            case DRAFT, IN_REVIEW, APPROVED -> "badge";
            case IMPORTED -> "badge primary";
            case SUPERSEDED, OBSOLETE -> "badge error primary";
        });
    }

    static String date(LocalDate date) {
        return Formats.date(date);
    }

    private static Span badge(String text, String theme) {
        return Badges.of(text, theme);
    }
}
