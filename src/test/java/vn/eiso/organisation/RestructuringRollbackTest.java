package vn.eiso.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.context.PayloadApplicationEvent;
import vn.eiso.base.UnitId;
import vn.eiso.document.Document;
import vn.eiso.document.DocumentData;
import vn.eiso.document.DocumentRegister;
import vn.eiso.document.DocumentType;
import vn.eiso.support.ServiceTest;

/**
 * A merge that fails half-way (after the first unit moved, before the second) leaves everything where it was:
 * it commits for real here, without a test transaction around it.
 */
class RestructuringRollbackTest extends ServiceTest {

    @Autowired
    Restructuring restructuring;
    @Autowired
    DocumentRegister register;
    @Autowired
    ApplicationEventMulticaster multicaster;

    @Test
    void a_merge_interrupted_half_way_changes_nothing() {
        as("admin");
        UnitId first = units.create(new UnitData("RB-A", "Phường Thử A", UnitType.COMMUNE, unit("HOAAN"))).id();
        UnitId second = units.create(new UnitData("RB-B", "Phường Thử B", UnitType.COMMUNE, unit("HOAAN"))).id();
        UnitId successor = units.create(new UnitData("RB-AB", "Phường Thử AB", UnitType.COMMUNE, unit("HOAAN"))).id();
        Document a = register.create(first, DocumentData.of("QT-01", "Quy trình của A", DocumentType.PROCEDURE, null));
        Document b = register.create(second, DocumentData.of("QT-01", "Quy trình của B", DocumentType.PROCEDURE, null));

        ApplicationListener<PayloadApplicationEvent<UnitRestructured>> crash = event -> {
            throw new IllegalStateException("power cut after " + event.getPayload().predecessorName());
        };
        multicaster.addApplicationListener(crash);
        try {
            assertThatThrownBy(() -> restructuring.merge(List.of(first, second), successor))
                    .hasMessageContaining("power cut");
        } finally {
            multicaster.removeApplicationListener(crash);
        }

        assertThat(units.get(first).isActive()).isTrue();
        assertThat(units.get(second).isActive()).isTrue();
        assertThat(register.get(a.id()).unitId()).isEqualTo(first);
        assertThat(register.get(a.id()).code()).isEqualTo("QT-01");
        assertThat(register.get(b.id()).unitId()).isEqualTo(second);
        assertThat(restructuring.lineageOf(first)).isEmpty();
        assertThat(restructuring.counts(successor).values()).allMatch(n -> n == 0);

        restructuring.merge(List.of(first, second), successor);
        assertThat(register.get(a.id()).unitId()).isEqualTo(successor);
        assertThat(register.get(b.id()).code()).isEqualTo("QT-01-RB-B");
    }
}
