package vn.eiso.document;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.base.MailFailures;
import vn.eiso.base.Texts;
import vn.eiso.base.security.SystemAuthentication;

/**
 * E-mail reminders, behind configuration ({@code eiso.mail.enabled=true} and {@code spring.mail.host}): each
 * working morning, everyone with revisions to read gets one message listing them, and each document owner one
 * listing the owned documents due for periodic review. The in-app dashboard shows the same lists without it.
 */
@Component
@ConditionalOnProperty(name = "eiso.mail.enabled", havingValue = "true")
class MailReminders {

    private static final Logger LOG = LoggerFactory.getLogger(MailReminders.class);

    private final JooqRevisionRepository revisions;
    private final JavaMailSender mail;
    private final String from;
    private final String appUrl;
    private final Clock clock;
    private final Counter failures;

    MailReminders(JooqRevisionRepository revisions, JavaMailSender mail, Clock clock, MeterRegistry metrics,
            @Value("${eiso.mail.from:eiso@localhost}") String from,
            @Value("${eiso.mail.app-url:http://localhost:8080}") String appUrl) {
        this.revisions = revisions;
        this.failures = MailFailures.counter(metrics, "reminder");
        this.mail = mail;
        this.from = from;
        this.appUrl = appUrl;
        this.clock = clock;
    }

    @Scheduled(cron = "${eiso.mail.cron:0 0 7 * * MON-FRI}", zone = "${eiso.time-zone:Asia/Ho_Chi_Minh}")
    @SchedulerLock(name = "mail-reminders", lockAtLeastFor = "PT5M")
    void daily() {
        SystemAuthentication.runAsSystem(this::sendNow);
    }

    /**
     * Sends today's reminders, each in its recipient's language; returns how many messages went out. A failed
     * message does not stop the rest.
     */
    @Transactional(readOnly = true)
    public int sendNow() {
        int sent = 0;
        for (Reminder reminder : group(revisions.pendingReadingsWithEmail())) {
            sent += send(reminder, "mail.readings.subject", "mail.readings.intro");
        }
        for (Reminder reminder : group(revisions.reviewsDueWithOwnerEmail(LocalDate.now(clock)))) {
            sent += send(reminder, "mail.reviews.subject", "mail.reviews.intro");
        }
        return sent;
    }

    private int send(Reminder reminder, String subjectKey, String introKey) {
        Texts texts = Texts.of(reminder.language());
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(reminder.email());
        message.setSubject("[eISO] " + texts.get(subjectKey));
        message.setText(texts.get(introKey) + "\n\n" + String.join("\n", reminder.lines()) + "\n\n" + appUrl + "\n");
        try {
            mail.send(message);
            return 1;
        } catch (MailException e) {
            // The address is personal data: the log says that a reminder failed and why, not to whom.
            failures.increment();
            LOG.warn("reminder not sent: {}", e.getMessage());
            return 0;
        }
    }

    /** One message's worth: an address, the language of the account behind it, and the documents to list. */
    private record Reminder(String email, String language, List<String> lines) {
    }

    private List<Reminder> group(List<JooqRevisionRepository.MailLine> lines) {
        Map<String, Reminder> byAddress = new LinkedHashMap<>();
        lines.forEach(l -> byAddress.computeIfAbsent(l.email(), k -> new Reminder(l.email(), l.language(),
                new ArrayList<>())).lines()
                .add("- " + l.code() + " · " + l.title() + " — " + appUrl + "/document/" + l.documentId()));
        return List.copyOf(byAddress.values());
    }
}
