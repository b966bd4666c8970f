package vn.eiso.inbox;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.base.UserId;
import vn.eiso.base.security.AccessGuard;

/**
 * In-app notifications. A feature posts in its own transaction, so a notice exists exactly when the change it
 * announces does; each user reads and dismisses only their own.
 */
@Service
public class Inbox {

    private final JooqInboxRepository notices;
    private final AccessGuard guard;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Inbox(JooqInboxRepository notices, AccessGuard guard, Clock clock, ApplicationEventPublisher events) {
        this.notices = notices;
        this.events = events;
        this.guard = guard;
        this.clock = clock;
    }

    /** Posts a notice to each recipient; arguments are plain text and lose their line breaks. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void post(Collection<UserId> recipients, String messageKey, List<String> params, String link) {
        guard.caller();
        if (recipients.isEmpty()) {
            return;
        }
        List<String> clean = params.stream().map(p -> p == null ? "" : p.replaceAll("[\\r\\n]+", " ")).toList();
        notices.insert(recipients, messageKey, clean, link, OffsetDateTime.now(clock));
        events.publishEvent(new NoticesPosted(Set.copyOf(recipients), messageKey, clean, link));
    }

    @Transactional(readOnly = true)
    public List<Notice> mine(boolean unreadOnly, int limit) {
        return notices.of(me(), unreadOnly, limit);
    }

    @Transactional(readOnly = true)
    public int unreadCount() {
        return notices.unread(me());
    }

    @Transactional
    public void markRead(long id) {
        notices.markRead(me(), id, OffsetDateTime.now(clock));
    }

    @Transactional
    public void markAllRead() {
        notices.markAllRead(me(), OffsetDateTime.now(clock));
    }

    /**
     * Marks the caller's unread notices read, except those whose link is one of {@code stillWaiting}: what is left
     * unread is about work still waiting (the demo's loader settles the notices of steps it already finished).
     */
    @Transactional
    public int markReadExcept(Collection<String> stillWaiting) {
        return notices.markReadExcept(me(), stillWaiting, OffsetDateTime.now(clock));
    }

    private UserId me() {
        return guard.caller().user().orElseThrow(() -> new IllegalStateException("a person reads notices"));
    }
}
