package vn.eiso.audit;

import java.time.LocalDate;
import java.util.Set;
import vn.eiso.base.UserId;
import vn.eiso.document.DocumentId;

/** What the quality officer fills in to plan an audit: scope (procedures and clauses), criteria, dates, team. */
public record AuditPlan(String title, String criteria, LocalDate startsOn, LocalDate endsOn, UserId lead,
        Set<UserId> team, Set<DocumentId> procedures, Set<String> clauses) {
}
