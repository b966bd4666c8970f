package vn.eiso.onestop;

import java.util.Set;
import vn.eiso.base.UnitId;

/** New or replaced one-stop figures of these units, published inside the storing transaction. */
public record DossierFiguresStored(Set<UnitId> units) {
}
