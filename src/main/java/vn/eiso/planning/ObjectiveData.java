package vn.eiso.planning;

import java.math.BigDecimal;
import vn.eiso.base.UserId;

/** What the quality officer enters for an objective. */
public record ObjectiveData(String title, String indicator, Objective.Direction direction, BigDecimal target,
        String measureUnit, Objective.Frequency frequency, UserId owner) {
}
