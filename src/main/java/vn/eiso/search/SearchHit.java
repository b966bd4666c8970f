package vn.eiso.search;

import java.time.LocalDate;
import vn.eiso.base.UnitId;

/** One result. {@code snippet} is HTML: the text escaped, the matched words in {@code <mark>}. */
public record SearchHit(String key, String route, String history, String title, String code, Integer revision,
        UnitId unit, String unitName, String type, String status, LocalDate date, float score, String snippet) {
}
