package vn.eiso.planning;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One measured value of an objective's indicator, for the period ending on {@code measuredOn}. */
public record Measurement(LocalDate measuredOn, BigDecimal value, String note, String enteredByName) {
}
