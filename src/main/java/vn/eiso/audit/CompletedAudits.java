package vn.eiso.audit;

import java.util.Set;
import vn.eiso.document.DocumentId;

/** How many audits were completed in a period and which procedures their scopes covered. */
public record CompletedAudits(int count, Set<DocumentId> procedures) {
}
