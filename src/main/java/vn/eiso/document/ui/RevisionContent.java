package vn.eiso.document.ui;

import vn.eiso.base.Role;
import vn.eiso.base.UnitId;
import vn.eiso.base.security.AccessGuard.Caller;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import vn.eiso.base.ui.Formats;
import vn.eiso.document.Attachment;
import vn.eiso.document.AttachmentId;
import vn.eiso.document.Revision;
import vn.eiso.signature.SignatureReport;
import vn.eiso.base.ui.Badges;
import vn.eiso.signature.SignatureBadge;

/**
 * One revision exactly as stored: its written text and its files. An outdated revision carries a banner that
 * cannot be missed, and its downloads are marked too.
 */
class RevisionContent extends Div {

    /**
     * The content hash the sign-offs were given on matters to those who check them — the unit's editors, internal
     * auditors, the science department and administrators — and is noise to the staff who read the procedure.
     */
    static boolean showsHash(Caller caller, UnitId unit) {
        return caller.canEdit(unit) || caller.isProvinceWide()
                || caller.grants().stream().anyMatch(g -> g.role() == Role.INTERNAL_AUDITOR);
    }

    RevisionContent(Revision revision, List<Attachment> attachments, ZoneId zone, boolean showHash,
            Function<AttachmentId, Optional<SignatureReport>> signatures) {
        addClassName("revision-content");
        if (revision.status().isOutdated()) {
            Div banner = new Div(new Span(getTranslation("revision.outdatedBanner." + revision.status(),
                    Formats.dateTime(revision.endedAt(), zone))));
            banner.addClassName("outdated-banner");
            add(banner);
        }
        Div meta = new Div(DocumentBadges.status(revision.status()),
                new Span(getTranslation("revision.number", revision.number())),
                new Span(getTranslation("revision.author", revision.authorName())));
        if (revision.effectiveOn() != null) {
            meta.add(new Span(getTranslation("revision.effectiveOn", DocumentBadges.date(revision.effectiveOn()))));
        }
        if (showHash && revision.contentSha256() != null) {
            Span sha = new Span("SHA-256 " + revision.contentSha256().substring(0, 16) + "…");
            sha.setTitle(revision.contentSha256());
            sha.addClassName("sha");
            meta.add(sha);
        }
        meta.addClassName("revision-meta");
        add(meta);
        if (revision.changeSummary() != null) {
            add(new Paragraph(getTranslation("revision.summaryLabel") + " " + revision.changeSummary()));
        }
        Div text = new Div();
        text.addClassName("revision-text");
        text.setText(revision.text() == null || revision.text().isBlank() ? getTranslation("revision.noText")
                : revision.text());
        add(text);
        if (!attachments.isEmpty()) {
            add(new H4(getTranslation("revision.files")));
            UnorderedList list = new UnorderedList();
            for (Attachment a : attachments) {
                ListItem item = new ListItem();
                Anchor download = new Anchor(a.downloadPath(), a.fileName());
                download.getElement().setAttribute("download", true);
                item.add(download, new Span(" · " + size(a.size())));
                if (a.showsInline()) {
                    Anchor preview = new Anchor(a.previewPath(),
                            getTranslation("revision.preview"));
                    preview.setTarget("_blank");
                    item.add(new Span(" · "), preview);
                }
                SignatureBadge.ofSigned(signatures.apply(a.id()), this::getTranslation, zone)
                        .ifPresent(b -> item.add(new Span(" "), Badges.of(b.text(), b.theme(), b.details())));
                list.add(item);
            }
            add(list);
        }
    }

    private static String size(long bytes) {
        return bytes < 1024 ? bytes + " B" : bytes < 1024 * 1024 ? (bytes / 1024) + " KB"
                : String.format("%.1f MB", bytes / 1024.0 / 1024.0);
    }
}
