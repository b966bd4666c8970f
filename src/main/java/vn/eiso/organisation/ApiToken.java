package vn.eiso.organisation;

import java.time.OffsetDateTime;

/** A personal API token as its owner sees it later: never the token itself, which is shown once. */
public record ApiToken(long id, String label, OffsetDateTime createdAt, OffsetDateTime lastUsedAt) {
}
