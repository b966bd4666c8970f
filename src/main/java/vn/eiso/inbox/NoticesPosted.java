package vn.eiso.inbox;

import java.util.List;
import java.util.Set;
import vn.eiso.base.UserId;

/** Notices just written; after the transaction commits they may also go out by e-mail. */
record NoticesPosted(Set<UserId> recipients, String messageKey, List<String> params, String link) {
}
