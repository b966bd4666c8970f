package vn.eiso.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import vn.eiso.base.security.SystemAuthentication;
import vn.eiso.support.TestClock;

/**
 * The reminders go out by e-mail to a real (local, in-test) SMTP server when mail is switched on. A second
 * application context with other properties: its own JVM, like every test that starts one (see ADR 3).
 */
@Tag("own-jvm")
@SpringBootTest(properties = {"eiso.mail.enabled=true", "spring.mail.host=127.0.0.1", "spring.mail.port=3025",
    "eiso.mail.from=eiso@hoaan.gov.vn"})
class MailRemindersTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP)
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    @Autowired
    TestClock clock;
    @Autowired
    MailReminders reminders;
    @Autowired
    DSLContext dsl;

    @Test
    void staff_with_revisions_to_read_get_one_message_listing_them() throws Exception {
        int sent = SystemAuthentication.runAsSystem(reminders::sendNow);

        assertThat(sent).isPositive();
        MimeMessage toStaff = Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> hasRecipient(m, "congchuc.stp@hoaan.gov.vn")).findFirst().orElseThrow();
        assertThat(toStaff.getSubject()).isEqualTo("[eISO] Tài liệu cần đọc");
        assertThat((String) toStaff.getContent()).contains("QT-01 · Quy trình kiểm soát tài liệu", "/document/");
    }

    @Test
    void each_reminder_goes_out_in_its_recipients_language() throws Exception {
        dsl.execute("update app_user set locale = 'en' where username = 'congchuc.stp'");
        // A year and a month on, the officer's procedures are due for review as well: she reads Vietnamese.
        try (var later = clock.moveBy(Duration.ofDays(400))) {
            SystemAuthentication.runAsSystem(reminders::sendNow);
        } finally {
            dsl.execute("update app_user set locale = 'vi' where username = 'congchuc.stp'");
        }

        MimeMessage toEnglish = Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> hasRecipient(m, "congchuc.stp@hoaan.gov.vn")).findFirst().orElseThrow();
        assertThat(toEnglish.getSubject()).isEqualTo("[eISO] Documents to read");
        assertThat((String) toEnglish.getContent())
                .startsWith("You are asked to read and confirm the following documents:")
                .contains("QT-01 · Quy trình kiểm soát tài liệu");
        List<MimeMessage> toVietnamese = Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> !hasRecipient(m, "congchuc.stp@hoaan.gov.vn")).toList();
        assertThat(toVietnamese).isNotEmpty().allSatisfy(m -> assertThat(m.getSubject())
                .isIn("[eISO] Tài liệu cần đọc", "[eISO] Tài liệu đến hạn rà soát"));
        assertThat(toVietnamese).allSatisfy(m -> assertThat((String) m.getContent()).containsIgnoringCase("anh/chị")
                .doesNotContain("You are", "Documents"));
    }

    private static boolean hasRecipient(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equals(address));
        } catch (Exception e) {
            return false;
        }
    }
}
