package vn.eiso.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import vn.eiso.base.UnitId;
import vn.eiso.base.UserId;

/** An internal audit with its plan, its team and its report; {@code version} is what an edit must present. */
public record Audit(AuditId id, UnitId unitId, String unitName, int year, String title, String criteria,
        LocalDate startsOn, LocalDate endsOn, Person lead, List<Person> team, List<ScopedProcedure> procedures,
        List<String> clauses, AuditStatus status, String summary, String conclusion, String signedByName,
        OffsetDateTime signedAt, String acknowledgedByName, OffsetDateTime acknowledgedAt, int version) {

    /** A procedure in the audit's scope, as it was named when the audit was read. */
    public record ScopedProcedure(long documentId, String code, String title) {
    }

    public boolean isOverdue(LocalDate today) {
        return status.isOpen() && endsOn.isBefore(today);
    }

    public boolean isOnTeam(UserId user) {
        return lead.id().equals(user) || team.stream().anyMatch(p -> p.id().equals(user));
    }
}
