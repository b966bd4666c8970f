package vn.eiso.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.eiso.inbox.Inbox;
import vn.eiso.inbox.Notice;
import vn.eiso.worklist.WorkItem;
import vn.eiso.worklist.Worklist;
import vn.eiso.support.ServiceTest;

/**
 * The demo as loaded, before any other test touches it (hence a JVM of its own): the notices of the steps the
 * loader itself finished are read, those about work still waiting stay unread.
 */
@Tag("own-jvm")
class DemoNoticesTest extends ServiceTest {

    @Autowired
    Inbox inbox;
    @Autowired
    Worklist worklist;

    private Set<String> waitingLinks() {
        return worklist.mine().stream().map(WorkItem::link).collect(Collectors.toSet());
    }

    @Test
    void the_head_starts_with_unread_notices_only_about_work_still_waiting_for_him() {
        as("lanhdao.stp");
        List<Notice> all = inbox.mine(false, 500);
        List<Notice> unread = inbox.mine(true, 500);

        // The loader did submit and review procedures to him through the real workflow…
        assertThat(all).anyMatch(n -> n.messageKey().equals("notice.revisionSubmitted") && n.read());
        // …and what is still unread is what still waits for him.
        assertThat(unread).allSatisfy(n -> assertThat(waitingLinks()).contains(n.link()));
        assertThat(inbox.unreadCount()).isEqualTo(unread.size());
    }

    @Test
    void the_quality_officer_finds_the_citizen_complaint_unread_and_no_approvals_of_finished_procedures() {
        as("thuky.stp");
        List<Notice> unread = inbox.mine(true, 500);
        Set<String> triage = worklist.mine().stream().filter(i -> i.kind() == WorkItem.Kind.NC_TRIAGE)
                .map(WorkItem::link).collect(Collectors.toSet());

        assertThat(triage).isNotEmpty();
        assertThat(unread).filteredOn(n -> n.messageKey().equals("notice.ncReported")).extracting(Notice::link)
                .containsAll(triage);
        assertThat(unread).noneMatch(n -> n.messageKey().equals("notice.revisionApproved"));
        assertThat(unread).allSatisfy(n -> assertThat(waitingLinks()).contains(n.link()));
    }
}
