package vn.eiso.demo;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import vn.eiso.announcement.ScopeItem;
import vn.eiso.announcement.Scopes;
import vn.eiso.base.UnitId;

/**
 * The justice department's road to its announcement: applied for eight months, its scope taken from the register
 * and one more TTHC added by hand. One condition stays open (the risk procedure QT-05 is still a draft), so the
 * demo shows what readiness asks for; approving QT-05 makes the unit ready.
 */
@Component
class DemoAnnouncements {

    private final Scopes scopes;
    private final DemoPeople people;
    private final Clock clock;

    DemoAnnouncements(Scopes scopes, DemoPeople people, Clock clock) {
        this.scopes = scopes;
        this.people = people;
        this.clock = clock;
    }

    void load(UnitId unit) {
        people.acting(() -> {
            people.signIn("thuky.stp");
            scopes.setAppliedSince(unit, 0, LocalDate.now(clock).minusMonths(8));
            scopes.importFromProcedures(unit);
            var procedure = scopes.procedures(unit).stream().filter(p -> p.code().equals("QT-06")).findFirst()
                    .orElseThrow();
            scopes.addItem(unit, ScopeItem.Kind.TTHC, "2.001417",
                    "Cấp Phiếu lý lịch tư pháp cho cơ quan tiến hành tố tụng", procedure.id());
        });
    }
}
