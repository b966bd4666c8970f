package vn.eiso.worklist;

import java.util.List;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.eiso.base.security.SignedIn;
import vn.eiso.base.security.SystemAuthentication;
import vn.eiso.inbox.Inbox;
import vn.eiso.organisation.UserAccount;
import vn.eiso.organisation.UserService;

/**
 * Each working morning, everyone with overdue work gets one notice saying how much (and so an e-mail, where mail
 * is switched on). Each user's list is drawn as that user, so it holds exactly what their own screen shows.
 */
@Component
class OverdueDigest {

    private static final Logger LOG = LoggerFactory.getLogger(OverdueDigest.class);

    private final Worklist worklist;
    private final Inbox inbox;
    private final UserService users;
    private final UserDetailsService userDetails;
    private final TransactionTemplate tx;

    OverdueDigest(Worklist worklist, Inbox inbox, UserService users, UserDetailsService userDetails,
            TransactionTemplate tx) {
        this.worklist = worklist;
        this.inbox = inbox;
        this.users = users;
        this.userDetails = userDetails;
        this.tx = tx;
    }

    @Scheduled(cron = "${eiso.notices.digest-cron:0 30 6 * * MON-FRI}", zone = "${eiso.time-zone:Asia/Ho_Chi_Minh}")
    @SchedulerLock(name = "overdue-digest", lockAtLeastFor = "PT5M")
    void daily() {
        LOG.info("overdue digest: {} notices posted", postNow());
    }

    /** Posts today's digest notices; returns how many users had something overdue. */
    int postNow() {
        List<UserAccount> accounts = SystemAuthentication.runAsSystem(() -> users.find(""));
        int posted = 0;
        for (UserAccount account : accounts) {
            if (!account.enabled()) {
                continue;
            }
            SecurityContext previous = SignedIn.as(userDetails.loadUserByUsername(account.username()));
            try {
                Boolean sent = tx.execute(status -> {
                    long overdue = worklist.mine().stream().filter(WorkItem::overdue).count();
                    if (overdue > 0) {
                        inbox.post(Set.of(account.id()), "notice.overdueDigest", List.of(String.valueOf(overdue)),
                                Worklist.ROUTE);
                    }
                    return overdue > 0;
                });
                posted += Boolean.TRUE.equals(sent) ? 1 : 0;
            } catch (RuntimeException e) {
                // One user's failing list must not cost everybody after them their notice.
                LOG.warn("overdue digest for user {} failed: {}", account.id().value(), e.toString());
            } finally {
                SecurityContextHolder.setContext(previous);
            }
        }
        return posted;
    }
}
