package vn.eiso.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import vn.eiso.base.MailFailures;
import vn.eiso.base.Texts;

/**
 * Notices by e-mail too, behind configuration ({@code eiso.mail.enabled=true} and {@code spring.mail.host}):
 * each recipient with an address gets the notice in their own language, once the change it announces has
 * committed. A message that cannot be sent is logged; the notice in the app is there either way.
 */
@Component
@ConditionalOnProperty(name = "eiso.mail.enabled", havingValue = "true")
class NoticeMailer {

    private static final Logger LOG = LoggerFactory.getLogger(NoticeMailer.class);

    private final JooqInboxRepository notices;
    private final JavaMailSender mail;
    private final String from;
    private final String appUrl;
    private final Counter failures;

    NoticeMailer(JooqInboxRepository notices, JavaMailSender mail, MeterRegistry metrics,
            @Value("${eiso.mail.from:eiso@localhost}") String from,
            @Value("${eiso.mail.app-url:http://localhost:8080}") String appUrl) {
        this.notices = notices;
        this.failures = MailFailures.counter(metrics, "notice");
        this.mail = mail;
        this.from = from;
        this.appUrl = appUrl;
    }

    @TransactionalEventListener
    void send(NoticesPosted posted) {
        for (JooqInboxRepository.Address address : notices.addresses(posted.recipients())) {
            String text = render(posted.messageKey(), address.locale(), posted.params());
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(address.email());
            message.setSubject("[eISO] " + text);
            message.setText(text + "\n\n" + appUrl + "/" + (posted.link() == null ? "" : posted.link()) + "\n");
            try {
                mail.send(message);
            } catch (MailException e) {
                // The address is personal data: the log says that a notice failed and why, not to whom.
                failures.increment();
                LOG.warn("notice not sent: {}", e.getMessage());
            }
        }
    }

    /**
     * The notice in the recipient's language from the same bundles as the screens; read directly, because this
     * runs after the request, outside any UI.
     */
    static String render(String key, String language, List<String> params) {
        return Texts.of(language).get(key, params.toArray());
    }
}
