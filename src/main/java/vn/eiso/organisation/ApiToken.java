package vn.eiso.organisation;

import java.time.OffsetDateTime;

/** A personal API token as its owner (or an administrator) sees it later: never the token itself, shown once. */
public record ApiToken(long id, String label, Scope scope, OffsetDateTime createdAt, OffsetDateTime expiresAt,
        OffsetDateTime lastUsedAt) {

    /** What a token may do on the API, chosen at creation. */
    public enum Scope {
        /** GET, HEAD and OPTIONS: search, read a job or a nonconformity. */
        READ,
        /** Read, and the API's writes: imports and new nonconformities. */
        IMPORT
    }

    public boolean isExpired(OffsetDateTime now) {
        return !expiresAt.isAfter(now);
    }
}
