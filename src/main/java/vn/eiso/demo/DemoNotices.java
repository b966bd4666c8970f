package vn.eiso.demo;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import vn.eiso.inbox.Inbox;
import vn.eiso.worklist.WorkItem;
import vn.eiso.worklist.Worklist;

/**
 * The demo goes through the real workflow, so every step it takes tells the next person, even for steps it then
 * finishes itself (a procedure submitted, reviewed and approved leaves "awaits your review" behind). Once loaded,
 * each demo account's notices are read except those about work still waiting for them (the citizen complaint to
 * triage, the draft to review): the demo starts as a well-kept inbox would.
 */
@Component
class DemoNotices {

    private final DemoPeople people;
    private final Worklist worklist;
    private final Inbox inbox;

    DemoNotices(DemoPeople people, Worklist worklist, Inbox inbox) {
        this.people = people;
        this.worklist = worklist;
        this.inbox = inbox;
    }

    void settle(Collection<String> usernames) {
        for (String username : usernames) {
            people.acting(() -> {
                people.signIn(username);
                Set<String> waiting = worklist.mine().stream().map(WorkItem::link).filter(Objects::nonNull)
                        .collect(Collectors.toSet());
                inbox.markReadExcept(waiting);
            });
        }
    }
}
