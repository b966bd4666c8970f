package vn.eiso.inspection;

import vn.eiso.nonconformity.NonconformityId;

/** A finding of an inspection and the nonconformity it opened in the inspected unit. */
public record Finding(long id, String description, NonconformityId nonconformity) {
}
