package vn.eiso.document;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.eiso.base.security.SystemAuthentication;

/**
 * Puts approved revisions into force when their day comes: at start-up (catching up after downtime) and then
 * every few minutes, so a revision approved for tomorrow takes effect just after midnight.
 */
@Component
class EffectiveDateScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(EffectiveDateScheduler.class);

    private final RevisionWorkflow workflow;

    EffectiveDateScheduler(RevisionWorkflow workflow) {
        this.workflow = workflow;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(fixedDelayString = "${eiso.documents.activation-interval:PT5M}", initialDelayString = "PT5M")
    @SchedulerLock(name = "effective-date-activation", lockAtLeastFor = "${eiso.documents.activation-interval:PT5M}",
            lockAtMostFor = "PT30M")
    void activate() {
        int activated = SystemAuthentication.runAsSystem(workflow::activateDue);
        if (activated > 0) {
            LOG.info("{} approved revisions took effect", activated);
        }
    }
}
