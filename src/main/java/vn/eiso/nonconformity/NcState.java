package vn.eiso.nonconformity;

import java.util.List;
import java.util.Set;
import vn.eiso.base.Allowed;
import vn.eiso.base.NextStep;

/**
 * A nonconformity as its page shows it, read in one transaction: the record, all its corrective actions, what the
 * caller may do, which action rows they may mark done, and what happens next.
 */
public record NcState(Nonconformity nc, List<CorrectiveAction> actions, Allowed<NcAction> allowed,
        Set<Long> completable, NextStep next) {
}
