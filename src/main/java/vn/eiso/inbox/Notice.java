package vn.eiso.inbox;

import java.time.OffsetDateTime;
import java.util.List;

/** One in-app notification: a message key with its arguments (rendered in the reader's language) and a route. */
public record Notice(long id, String messageKey, List<String> params, String link, OffsetDateTime createdAt,
        boolean read) {
}
