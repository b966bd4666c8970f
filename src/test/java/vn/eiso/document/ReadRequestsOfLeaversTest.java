package vn.eiso.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.eiso.base.Role;
import vn.eiso.base.security.SystemAuthentication;
import vn.eiso.organisation.Membership;
import vn.eiso.organisation.NewUser;
import vn.eiso.organisation.UserAccount;
import vn.eiso.organisation.UserService;
import vn.eiso.support.Accounts;
import vn.eiso.support.ServiceTest;
import vn.eiso.worklist.WorkItem;
import vn.eiso.worklist.Worklist;

/**
 * A request to read a revision was made while the reader was a member of the document's unit. Once they have
 * left it, neither their work list nor the morning e-mail names the unit's documents to them (ADR 0020).
 */
class ReadRequestsOfLeaversTest extends ServiceTest {

    @Autowired
    JooqRevisionRepository revisions;
    @Autowired
    RevisionWorkflow workflow;
    @Autowired
    DocumentRegister register;
    @Autowired
    UserService users;
    @Autowired
    Worklist worklist;

    @Test
    void a_member_who_left_the_unit_no_longer_sees_or_is_mailed_its_read_requests() {
        String name = "doc" + UUID.randomUUID().toString().substring(0, 8);
        String email = name + "@hoaan.gov.vn";
        UserAccount reader = SystemAuthentication.runAsSystem(() -> {
            UserAccount user = users.create(new NewUser(name, "Người đọc " + name, email, Accounts.DEMO_PASSWORD));
            users.grant(user.id(), stp, Role.STAFF);
            return user;
        });
        Document procedure = SystemAuthentication.runAsSystem(() -> register.get(register.list(
                new DocumentFilter(stp, "QT-01", null, DocumentStatus.EFFECTIVE, null, false), DocumentSort.CODE,
                true, 0, 100).stream().filter(d -> d.code().equals("QT-01")).findFirst().orElseThrow().id()));
        revisions.requestAcknowledgements(procedure.effectiveRevisionId(), List.of(reader.id()),
                OffsetDateTime.now(clock));

        as(name);
        assertThat(workflow.myPendingReadings()).extracting(PendingReading::revisionId)
                .containsExactly(procedure.effectiveRevisionId());
        assertThat(worklist.mine()).extracting(WorkItem::label).contains("QT-01");
        assertThat(mailedTitles(email)).containsExactly(procedure.title());

        as("admin");
        users.membershipsOf(reader.id()).stream().map(Membership::id).forEach(users::revoke);

        as(name);
        assertThat(workflow.myPendingReadings()).isEmpty();
        assertThat(worklist.mine()).extracting(WorkItem::label).doesNotContain("QT-01");
        assertThat(mailedTitles(email)).isEmpty();
        assertThat(mailedTitles("congchuc.stp@hoaan.gov.vn")).as("a member who stayed").contains(procedure.title());

        as("admin");
        users.grant(reader.id(), stp, Role.STAFF);
        as(name);
        assertThat(workflow.myPendingReadings()).as("back in the unit, the request counts again").hasSize(1);
    }

    private List<String> mailedTitles(String email) {
        return revisions.pendingReadingsWithEmail().stream().filter(l -> l.email().equals(email))
                .map(JooqRevisionRepository.MailLine::title).toList();
    }
}
