package vn.eiso.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;
import vn.eiso.base.UserId;
import vn.eiso.support.Accounts;

/**
 * With mail switched on, a notice also goes out by e-mail in the recipient's language, and only once the
 * transaction that posted it has committed. Its own JVM, like every test with its own properties (ADR 3).
 */
@Tag("own-jvm")
@SpringBootTest(properties = {"eiso.mail.enabled=true", "spring.mail.host=127.0.0.1", "spring.mail.port=3025",
    "eiso.mail.from=eiso@hoaan.gov.vn", "eiso.mail.app-url=https://eiso.hoaan.gov.vn"})
class NoticeMailTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP)
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    @Autowired
    Inbox inbox;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    TransactionTemplate tx;

    @Test
    void a_notice_is_mailed_after_commit_and_not_at_all_when_the_change_rolls_back() throws Exception {
        UserId sokhcn = Accounts.signIn(userDetails, "sokhcn").userId();
        tx.executeWithoutResult(status -> {
            inbox.post(Set.of(sokhcn), "notice.withdrawn", List.of("Sở Tư pháp", "15/QĐ-STP", "Lý do thử"), "cong-bo");
            status.setRollbackOnly();
        });
        tx.executeWithoutResult(status -> inbox.post(Set.of(sokhcn), "notice.announced",
                List.of("Sở Tư pháp", "15/QĐ-STP", "26/11/2026"), "cong-bo"));
        Accounts.signOut();

        assertThat(SMTP.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("sokhcn@hoaan.gov.vn");
        assertThat(received[0].getSubject()).isEqualTo(
                "[eISO] Sở Tư pháp đã công bố HTQLCL phù hợp TCVN ISO 9001:2015 (quyết định 15/QĐ-STP ngày 26/11/2026)");
        assertThat((String) received[0].getContent()).contains("https://eiso.hoaan.gov.vn/cong-bo");
    }
}
