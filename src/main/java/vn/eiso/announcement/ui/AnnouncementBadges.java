package vn.eiso.announcement.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import vn.eiso.announcement.AnnouncementStatus;
import vn.eiso.base.ui.Badges;

/** One colour per announcement status, the same inside the application and on the public register. */
final class AnnouncementBadges {

    private AnnouncementBadges() {
    }

    static Span status(AnnouncementStatus status, Component context) {
        String theme = switch (status) {
            case ANNOUNCED -> "badge success";
            case DUE -> "badge error";
            case WITHDRAWN -> "badge error primary";
            case SUPERSEDED -> "badge contrast";
        };
        return Badges.of(context.getTranslation("announcementStatus." + status), theme);
    }
}
