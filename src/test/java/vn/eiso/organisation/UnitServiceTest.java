package vn.eiso.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import vn.eiso.audittrail.AuditFilter;
import vn.eiso.audittrail.AuditTrail;
import vn.eiso.base.ConcurrentEditException;
import vn.eiso.base.DomainException;
import vn.eiso.base.Role;
import vn.eiso.support.Accounts;

@SpringBootTest
class UnitServiceTest {

    @Autowired
    UnitService units;
    @Autowired
    UserService users;
    @Autowired
    AuditTrail trail;
    @Autowired
    UserDetailsService userDetails;

    @AfterEach
    void signOut() {
        Accounts.signOut();
    }

    private static String code() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private Unit province() {
        return units.all().stream().filter(u -> u.code().equals("HOAAN")).findFirst().orElseThrow();
    }

    @Test
    void administrator_creates_a_unit_and_the_audit_trail_records_it() {
        Accounts.signIn(userDetails, "admin");
        String code = code();
        Unit unit = units.create(new UnitData(code, "  Ủy ban nhân dân   xã Tân Lập ", UnitType.COMMUNE,
                province().id()));

        assertThat(unit.code()).isEqualTo(code);
        assertThat(unit.name()).isEqualTo("Ủy ban nhân dân xã Tân Lập");
        assertThat(unit.parentId()).isEqualTo(province().id());
        assertThat(trail.find(new AuditFilter("admin", "UNIT_CREATED", null, null), 0, 50))
                .anyMatch(e -> e.details().startsWith(code));
    }

    @Test
    void a_duplicate_code_is_refused_whatever_its_case_and_nothing_is_added() {
        Accounts.signIn(userDetails, "admin");
        int before = units.all().size();

        assertThatThrownBy(() -> units.create(new UnitData("hoaan", "Trùng mã", UnitType.COMMUNE, null)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("error.unit.codeTaken"));
        assertThat(units.all()).hasSize(before);
    }

    @Test
    void empty_and_overlong_names_and_bad_codes_are_refused() {
        Accounts.signIn(userDetails, "admin");
        assertThatThrownBy(() -> units.create(new UnitData(code(), "   ", UnitType.COMMUNE, null)))
                .hasMessageContaining("error.nameRequired");
        assertThatThrownBy(() -> units.create(new UnitData(code(), "x".repeat(256), UnitType.COMMUNE, null)))
                .hasMessageContaining("error.nameTooLong");
        assertThatThrownBy(() -> units.create(new UnitData("A B", "Tên", UnitType.COMMUNE, null)))
                .hasMessageContaining("error.unit.codeInvalid");
        assertThatThrownBy(() -> units.create(new UnitData("X".repeat(33), "Tên", UnitType.COMMUNE, null)))
                .hasMessageContaining("error.unit.codeTooLong");
        assertThatThrownBy(() -> units.create(new UnitData(code(), "Tên", null, null)))
                .hasMessageContaining("error.unit.typeRequired");
    }

    @Test
    void a_unit_cannot_become_its_own_ancestor() {
        Accounts.signIn(userDetails, "admin");
        Unit parent = units.create(new UnitData(code(), "Cha", UnitType.PROVINCIAL_AGENCY, province().id()));
        Unit child = units.create(new UnitData(code(), "Con", UnitType.PUBLIC_SERVICE_UNIT, parent.id()));
        Unit grandchild = units.create(new UnitData(code(), "Cháu", UnitType.PUBLIC_SERVICE_UNIT, child.id()));

        assertThatThrownBy(() -> units.update(parent.id(), parent.version(),
                new UnitData(parent.code(), parent.name(), parent.type(), grandchild.id())))
                .hasMessageContaining("error.unit.cycle");
        assertThatThrownBy(() -> units.update(parent.id(), parent.version(),
                new UnitData(parent.code(), parent.name(), parent.type(), parent.id())))
                .hasMessageContaining("error.unit.cycle");
        assertThat(units.get(parent.id()).parentId()).isEqualTo(province().id());
    }

    @Test
    void a_stale_edit_is_refused_instead_of_overwriting() {
        Accounts.signIn(userDetails, "admin");
        Unit unit = units.create(new UnitData(code(), "Bản đầu", UnitType.COMMUNE, province().id()));
        units.update(unit.id(), unit.version(), new UnitData(unit.code(), "Người thứ nhất sửa", unit.type(),
                unit.parentId()));

        assertThatThrownBy(() -> units.update(unit.id(), unit.version(),
                new UnitData(unit.code(), "Người thứ hai sửa", unit.type(), unit.parentId())))
                .isInstanceOf(ConcurrentEditException.class);
        assertThat(units.get(unit.id()).name()).isEqualTo("Người thứ nhất sửa");
    }

    @Test
    void a_unit_with_members_is_archived_not_deleted_and_stays_readable() {
        Accounts.signIn(userDetails, "admin");
        Unit unit = units.create(new UnitData(code(), "Có thành viên", UnitType.COMMUNE, province().id()));
        UserAccount member = users.create(new NewUser("u" + unit.code().toLowerCase(), "Thành viên", null,
                Accounts.DEMO_PASSWORD));
        users.grant(member.id(), unit.id(), Role.STAFF);

        assertThatThrownBy(() -> units.delete(unit.id(), unit.version())).hasMessageContaining("error.unit.hasMembers");
        Unit archived = units.archive(unit.id(), unit.version());

        assertThat(archived.status()).isEqualTo(UnitStatus.ARCHIVED);
        assertThat(units.get(unit.id()).name()).isEqualTo("Có thành viên");
        assertThatThrownBy(() -> users.grant(member.id(), unit.id(), Role.QUALITY_OFFICER))
                .hasMessageContaining("error.membership.unitArchived");
    }

    @Test
    void a_parent_with_active_sub_units_cannot_be_archived() {
        Accounts.signIn(userDetails, "admin");
        Unit parent = units.create(new UnitData(code(), "Cha", UnitType.PROVINCIAL_AGENCY, province().id()));
        units.create(new UnitData(code(), "Con", UnitType.PUBLIC_SERVICE_UNIT, parent.id()));

        assertThatThrownBy(() -> units.archive(parent.id(), parent.version()))
                .hasMessageContaining("error.unit.hasActiveChildren");
        assertThat(units.get(parent.id()).isActive()).isTrue();
    }

    @Test
    void an_empty_unit_entered_by_mistake_can_be_deleted() {
        Accounts.signIn(userDetails, "admin");
        Unit unit = units.create(new UnitData(code(), "Nhập nhầm", UnitType.COMMUNE, province().id()));
        units.delete(unit.id(), unit.version());
        assertThat(units.all()).noneMatch(u -> u.id().equals(unit.id()));
    }

    @Test
    void only_administrators_change_units_and_only_province_wide_roles_list_them() {
        Accounts.signIn(userDetails, "thuky.stp");
        assertThatThrownBy(() -> units.create(new UnitData(code(), "Không được", UnitType.COMMUNE, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> units.all()).isInstanceOf(AccessDeniedException.class);

        Accounts.signIn(userDetails, "sokhcn");
        assertThat(units.all()).hasSizeGreaterThanOrEqualTo(56);
        assertThatThrownBy(() -> units.archive(province().id(), 0)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_member_reads_their_own_unit_but_not_another_one() {
        Accounts.signIn(userDetails, "admin");
        Unit stp = units.all().stream().filter(u -> u.code().equals("STP")).findFirst().orElseThrow();
        Unit snv = units.all().stream().filter(u -> u.code().equals("SNV")).findFirst().orElseThrow();

        Accounts.signIn(userDetails, "congchuc.stp");
        assertThat(units.get(stp.id()).name()).isEqualTo("Sở Tư pháp");
        assertThatThrownBy(() -> units.get(snv.id())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void nobody_signed_in_is_refused() {
        assertThatThrownBy(() -> units.all()).isInstanceOf(AccessDeniedException.class);
    }
}
