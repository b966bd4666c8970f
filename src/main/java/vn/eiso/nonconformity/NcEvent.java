package vn.eiso.nonconformity;

import java.time.OffsetDateTime;

/** One move of a nonconformity in its history. */
public record NcEvent(OffsetDateTime at, String actorName, Nonconformity.Status from, Nonconformity.Status to,
        String note) {
}
