package vn.eiso.inspection;

import java.time.LocalDate;
import vn.eiso.base.UnitId;

/** An inspection of a unit by the science department, with how many findings it has recorded so far. */
public record Inspection(long id, UnitId unitId, String unitName, LocalDate plannedOn, String purpose,
        String inspectors, Status status, String conclusion, int findings, int version) {

    public enum Status {
        PLANNED,
        DONE
    }
}
