package vn.eiso.document;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import vn.eiso.base.UnitId;

/**
 * A bulk import as it stands: where it came from, how far it got, and whether the unit head has confirmed the
 * revisions it brought that were in force on paper.
 */
public record ImportJob(ImportJobId id, UnitId unitId, String unitCode, String archiveName, Channel channel,
        State state, int total, int done, int imported, int skipped, int refused, int awaiting, String errorKey,
        List<Object> errorArgs, String startedByName, OffsetDateTime createdAt, OffsetDateTime startedAt,
        OffsetDateTime finishedAt, String confirmedByName, OffsetDateTime confirmedAt) {

    public enum State {
        QUEUED,
        RUNNING,
        DONE,
        FAILED;

        public boolean isFinished() {
            return this == DONE || this == FAILED;
        }
    }

    /** Where the archive came from; each gets the same verdicts. */
    public enum Channel {
        SCREEN,
        API,
        CLI
    }

    /** Finished with revisions that wait for the unit head before they count as in force. */
    public boolean awaitsConfirmation() {
        return state == State.DONE && awaiting > 0 && confirmedAt == null;
    }

    /** A whole percentage of the entries given a verdict. */
    public int percent() {
        return total == 0 ? (state.isFinished() ? 100 : 0) : (int) (100L * done / total);
    }

    /** What is left at the pace so far, or null before there is a pace to go by. */
    public Duration timeLeft(OffsetDateTime now) {
        if (state != State.RUNNING || startedAt == null || done == 0 || total <= done) {
            return null;
        }
        Duration spent = Duration.between(startedAt, now);
        return spent.multipliedBy(total - done).dividedBy(done);
    }
}
