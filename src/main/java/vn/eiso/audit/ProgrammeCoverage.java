package vn.eiso.audit;

import java.util.List;

/**
 * How a year's planned audits cover the unit's procedures in force and the clauses of the standard. A procedure is
 * due twice a year when it serves administrative procedures (TTHC) for citizens, or when last year's audits found a
 * nonconformity in it; once otherwise.
 */
public record ProgrammeCoverage(List<ProcedureCoverage> procedures, List<String> uncoveredClauses) {

    public record ProcedureCoverage(long documentId, String code, String title, int planned, int required,
            boolean citizenFacing, int previousFindings) {

        public boolean isShort() {
            return planned < required;
        }
    }

    public boolean isComplete() {
        return uncoveredClauses.isEmpty() && procedures.stream().noneMatch(ProcedureCoverage::isShort);
    }
}
