package vn.eiso.document;

import java.time.LocalDate;

/** A revision that was in force on a given day, with its document, for the "as of date" view. */
public record RevisionInForce(RevisionId revisionId, DocumentId documentId, String code, String title, int number,
        LocalDate effectiveOn, RevisionStatus statusToday) {
}
