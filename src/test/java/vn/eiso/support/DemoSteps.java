package vn.eiso.support;

import java.util.Set;
import org.jooq.DSLContext;
import java.util.function.Consumer;
import vn.eiso.base.UnitId;
import vn.eiso.document.DocumentFilter;
import vn.eiso.document.DocumentRegister;
import vn.eiso.document.DocumentSort;
import vn.eiso.document.Revision;
import vn.eiso.document.RevisionStatus;
import vn.eiso.document.RevisionWorkflow;

/** Steps on the demo province that several tests take the way its people would. */
public final class DemoSteps {

    private DemoSteps() {
    }

    /**
     * Other tests of the same JVM leave audit findings graded "major" open in the demo unit (committed, as they
     * must be). Called inside a test's rolled-back transaction, this grades them minor again, so that the test
     * starts from the demo as loaded: its own major nonconformities are then the only ones.
     */
    public static void forgetOtherTestsMajorNonconformities(DSLContext dsl, UnitId unit) {
        dsl.execute("update nonconformity set severity = 'MINOR' where severity = 'MAJOR' and unit_id = ?",
                unit.value());
    }

    /**
     * The justice department's quality officer submits the draft risk procedure QT-05 and the head reviews and
     * approves it: the one condition the demo unit lacks before it may announce.
     */
    public static void approveRiskProcedure(DocumentRegister register, RevisionWorkflow workflow, UnitId stp,
            Consumer<String> signIn) {
        signIn.accept("thuky.stp");
        var procedure = register.list(DocumentFilter.of(stp), DocumentSort.CODE, true, 0, 200).stream()
                .filter(d -> d.code().equals("QT-05")).findFirst().orElseThrow();
        Revision draft = workflow.history(procedure.id()).stream().filter(r -> r.status() == RevisionStatus.DRAFT)
                .findFirst().orElseThrow();
        draft = workflow.submit(draft.id(), draft.version());
        signIn.accept("lanhdao.stp");
        workflow.review(draft.id(), Accounts.DEMO_PASSWORD, "Phù hợp mục 6.1.");
        workflow.approve(draft.id(), workflow.get(draft.id()).version(), Accounts.DEMO_PASSWORD, null, Set.of());
    }
}
