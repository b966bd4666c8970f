package vn.eiso.onestop;

import java.time.YearMonth;

/**
 * One month's dossiers of one procedure at one unit, as the one-stop software counts them: received, resolved on
 * time, resolved late, still pending at the month's end, and returned to the applicant.
 */
public record DossierCount(String tthcCode, YearMonth month, int received, int onTime, int late, int pending,
        int returned) {
}
