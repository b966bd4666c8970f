package vn.eiso.signature;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Checks the signatures of queued PDFs (new files, and those stored before signatures were checked) and takes the
 * verdicts again after the trust store changed; on one node of a cluster at a time.
 */
@Component
class SignatureChecks {

    private static final Logger LOG = LoggerFactory.getLogger(SignatureChecks.class);

    private final Signatures signatures;
    private final StoredPdfs files;
    private final int batch;

    SignatureChecks(Signatures signatures, StoredPdfs files, @Value("${eiso.signatures.check-batch:200}") int batch) {
        this.signatures = signatures;
        this.files = files;
        this.batch = batch;
    }

    @Scheduled(fixedDelayString = "${eiso.signatures.check-interval:PT1M}", initialDelayString = "PT1M")
    @SchedulerLock(name = "signature-checks", lockAtLeastFor = "${eiso.signatures.check-interval:PT1M}",
            lockAtMostFor = "PT30M")
    void check() {
        int checked;
        do {
            checked = signatures.checkStale(files, batch);
            if (checked > 0) {
                LOG.info("signatures of {} stored PDFs checked", checked);
            }
        } while (checked == batch);
    }
}
