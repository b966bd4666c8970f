package vn.eiso.demo;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import vn.eiso.base.UnitId;
import vn.eiso.inspection.Inspections;

/** The science department's next inspection: the commune of Tân Phú, in three weeks. */
@Component
class DemoInspections {

    private final Inspections inspections;
    private final DemoPeople people;
    private final Clock clock;

    DemoInspections(Inspections inspections, DemoPeople people, Clock clock) {
        this.inspections = inspections;
        this.people = people;
        this.clock = clock;
    }

    void load(UnitId commune) {
        people.acting(() -> {
            people.signIn("sokhcn");
            inspections.plan(commune, LocalDate.now(clock).plusWeeks(3),
                    "Kiểm tra việc xây dựng và áp dụng HTQLCL theo TCVN ISO 9001:2015",
                    "Nguyễn Thị Thu Hà, Bùi Thị Ngọc Ánh");
        });
    }
}
