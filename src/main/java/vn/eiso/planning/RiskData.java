package vn.eiso.planning;

import java.time.LocalDate;
import vn.eiso.base.UserId;

/** What the quality officer enters for a risk or an opportunity; {@code nonconformityId} when one prompted it. */
public record RiskData(Risk.Kind kind, String title, String process, int likelihood, int impact, String actions,
        UserId owner, LocalDate reviewOn, Risk.Status status, Long nonconformityId) {
}
