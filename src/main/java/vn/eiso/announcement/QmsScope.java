package vn.eiso.announcement;

import java.time.LocalDate;
import java.util.List;

/** The unit's QMS scope: since when it applies the system ({@code version} guards edits) and what it covers. */
public record QmsScope(LocalDate appliedSince, int version, List<ScopeItem> items) {
}
