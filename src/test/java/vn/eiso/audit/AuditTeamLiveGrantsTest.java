package vn.eiso.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import vn.eiso.base.DomainException;
import vn.eiso.base.Role;
import vn.eiso.base.UserId;
import vn.eiso.base.security.SystemAuthentication;
import vn.eiso.organisation.Membership;
import vn.eiso.organisation.NewUser;
import vn.eiso.organisation.UserAccount;
import vn.eiso.organisation.UserService;
import vn.eiso.support.Accounts;
import vn.eiso.support.ServiceTest;

/**
 * The audit team is the plan; working on it needs the right to audit now (ADR 0020). An auditor disabled, or whose
 * internal-auditor role ended, while a tab with the audit is still open can no longer record, write or sign,
 * although the team list still names them.
 */
class AuditTeamLiveGrantsTest extends ServiceTest {

    @Autowired
    Audits audits;
    @Autowired
    AuditWork work;
    @Autowired
    UserService users;

    private String auditorName;

    /** A new internal auditor of the Department of Home Affairs, leading a fresh audit of the Department of Justice. */
    private Audit ledByNewAuditor() {
        auditorName = "kt" + UUID.randomUUID().toString().substring(0, 8);
        UserId auditor = SystemAuthentication.runAsSystem(() -> {
            UserAccount user = users.create(new NewUser(auditorName, "Kiểm tra " + auditorName, null,
                    Accounts.DEMO_PASSWORD));
            users.grant(user.id(), units.byCode("SNV").id(), Role.INTERNAL_AUDITOR);
            return user.id();
        });
        as("thuky.stp");
        LocalDate start = today.getMonthValue() == 12 && today.getDayOfMonth() > 28 ? today : today.plusDays(1);
        return audits.plan(stp, new AuditPlan("Đánh giá quyền sống " + auditorName, "TCVN ISO 9001:2015", start,
                start, auditor, Set.of(), Set.of(), Set.of("9.2")));
    }

    /** The auditor records the one item and writes the report, so that only the signature is left. */
    private Audit readyToSign(Audit audit) {
        as(auditorName);
        AuditItem item = work.checklist(audit.id()).getFirst();
        work.record(item.id(), item.version(), null, ItemResult.CONFORMING);
        Audit current = audits.get(audit.id());
        return work.saveReport(audit.id(), current.version(), "Tóm tắt", "Kết luận: phù hợp");
    }

    private void assertLockedOut(Audit audit) {
        // The same principal as the open tab holds: the account's state is read live, not from the sign-in.
        as(auditorName);
        AuditItem item = SystemAuthentication.runAsSystem(() -> work.checklist(audit.id()).getFirst());
        refused(() -> work.canWork(audit.id()));
        refused(() -> work.record(item.id(), item.version(), "sau khi mất quyền", ItemResult.OBSERVATION));
        refused(() -> work.saveReport(audit.id(), audit.version(), "khác", "khác"));
        refused(() -> work.signOff(audit.id(), audit.version(), Accounts.DEMO_PASSWORD));
        refused(() -> audits.get(audit.id()));
        assertThat(audits.assignedToMe()).isEmpty();

        Audit after = SystemAuthentication.runAsSystem(() -> audits.get(audit.id()));
        assertThat(after.status()).isEqualTo(AuditStatus.IN_PROGRESS);
        assertThat(after.summary()).isEqualTo("Tóm tắt");
        assertThat(after.lead().name()).as("the plan still names them").isEqualTo("Kiểm tra " + auditorName);
        assertThat(SystemAuthentication.runAsSystem(() -> work.checklist(audit.id()).getFirst().evidence())).isNull();
    }

    /** From outside the audited unit, the audit itself is now out of reach: a refusal, whichever comes first. */
    private static void refused(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfAny(AccessDeniedException.class, DomainException.class);
    }

    @Test
    void a_disabled_auditor_with_an_open_tab_can_no_longer_record_or_sign() {
        Audit audit = readyToSign(ledByNewAuditor());
        assertThat(work.canWork(audit.id())).isTrue();
        assertThat(audits.assignedToMe()).extracting(AuditSummary::id).contains(audit.id());

        as("admin");
        UserAccount account = users.find(auditorName).getFirst();
        users.update(account.id(), account.version(), account.fullName(), account.email(), false);

        assertLockedOut(audit);
    }

    @Test
    void an_auditor_whose_role_ended_can_no_longer_record_or_sign() {
        Audit audit = readyToSign(ledByNewAuditor());

        as("admin");
        UserAccount account = users.find(auditorName).getFirst();
        users.membershipsOf(account.id()).stream().filter(m -> m.role() == Role.INTERNAL_AUDITOR)
                .map(Membership::id).forEach(users::revoke);

        assertLockedOut(audit);
    }
}
