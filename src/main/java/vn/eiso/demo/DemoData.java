package vn.eiso.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.eiso.base.Role;
import vn.eiso.base.UnitId;
import vn.eiso.base.security.SystemAuthentication;
import vn.eiso.organisation.NewUser;
import vn.eiso.organisation.Unit;
import vn.eiso.organisation.UnitImport;
import vn.eiso.organisation.UnitService;
import vn.eiso.organisation.UserAccount;
import vn.eiso.organisation.UserService;

/**
 * The demo province "Hòa An" after the 2025 reform (province and commune level only), with one account per role.
 * Loaded through the same services and CSV import a real administrator uses, into an empty database only.
 */
@Component
@Order(5)
@ConditionalOnProperty(name = "eiso.demo-data", havingValue = "true")
class DemoData implements ApplicationRunner {

    /** Every demo account has this password; the README lists the accounts. */
    static final String PASSWORD = "dung-thu-demo";

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    private record Account(String username, String fullName, List<String> unitCodes, Role role) {
    }

    private static final List<Account> ACCOUNTS = List.of(
            new Account("admin", "Quản trị hệ thống", List.of("HOAAN"), Role.ADMINISTRATOR),
            new Account("sokhcn", "Nguyễn Thị Thu Hà", List.of("SKHCN"), Role.OVERSIGHT),
            new Account("lanhdao.stp", "Trần Văn Hùng", List.of("STP"), Role.UNIT_HEAD),
            new Account("thuky.stp", "Lê Thị Mai", List.of("STP"), Role.QUALITY_OFFICER),
            new Account("congchuc.stp", "Hoàng Minh Tuấn", List.of("STP"), Role.STAFF),
            new Account("danhgia", "Phạm Quốc Bảo", List.of("SNV"), Role.INTERNAL_AUDITOR),
            new Account("chuyengia.skhcn", "Bùi Thị Ngọc Ánh", List.of("SKHCN"), Role.INTERNAL_AUDITOR),
            new Account("lanhdao.xa", "Đặng Văn Sơn", List.of("X-TANPHU"), Role.UNIT_HEAD),
            new Account("thuky.xa", "Võ Thị Lan", List.of("X-TANPHU", "X-PHUHOA"), Role.QUALITY_OFFICER));

    private final UnitImport unitImport;
    private final UnitService units;
    private final UserService users;
    private final TransactionTemplate tx;
    private final DemoDocuments documents;
    private final DemoAudits audits;
    private final DemoNonconformities nonconformities;
    private final DemoAnnouncements announcements;
    private final DemoInspections inspections;
    private final DemoReports reports;
    private final DemoModels models;
    private final DemoNotices notices;
    private final DemoSignatures signatures;
    private final DemoCatalogue catalogue;
    private final DemoOneStop oneStop;

    DemoData(UnitImport unitImport, UnitService units, UserService users, TransactionTemplate tx,
            DemoDocuments documents, DemoAudits audits, DemoNonconformities nonconformities,
            DemoAnnouncements announcements, DemoInspections inspections, DemoReports reports, DemoModels models,
            DemoNotices notices, DemoSignatures signatures, DemoCatalogue catalogue, DemoOneStop oneStop) {
        this.notices = notices;
        this.oneStop = oneStop;
        this.catalogue = catalogue;
        this.signatures = signatures;
        this.announcements = announcements;
        this.inspections = inspections;
        this.reports = reports;
        this.models = models;
        this.unitImport = unitImport;
        this.units = units;
        this.users = users;
        this.tx = tx;
        this.documents = documents;
        this.audits = audits;
        this.nonconformities = nonconformities;
    }

    @Override
    public void run(ApplicationArguments args) {
        SystemAuthentication.runAsSystem(() -> {
            if (!units.all().isEmpty()) {
                return;
            }
            tx.executeWithoutResult(status -> load());
            UnitId justice = units.all().stream().filter(u -> u.code().equals("STP")).findFirst().orElseThrow().id();
            tx.executeWithoutResult(status -> documents.load(justice));
            UnitId commune = units.all().stream().filter(u -> u.code().equals("X-TANPHU")).findFirst().orElseThrow()
                    .id();
            tx.executeWithoutResult(status -> documents.loadCommune(commune));
            tx.executeWithoutResult(status -> catalogue.load());
            tx.executeWithoutResult(status -> oneStop.load(justice, commune));
            tx.executeWithoutResult(status -> audits.load(justice));
            tx.executeWithoutResult(status -> nonconformities.load(justice));
            tx.executeWithoutResult(status -> announcements.load(justice));
            tx.executeWithoutResult(status -> signatures.load(justice));
            tx.executeWithoutResult(status -> inspections.load(commune));
            tx.executeWithoutResult(status -> reports.load(justice, commune, units.all()));
            tx.executeWithoutResult(status -> models.load(commune));
            tx.executeWithoutResult(status -> notices.settle(ACCOUNTS.stream().map(Account::username).toList()));
            // No password in the log, not even the demo one: the README lists the demo accounts.
            LOG.info("Demo province loaded: {} units, {} accounts (see the README)", units.all().size(),
                    ACCOUNTS.size());
        });
    }

    private void load() {
        UnitImport.Report report = unitImport.importUnits(read("/demo/units.csv"), false);
        if (report.invalidCount() > 0) {
            throw new IllegalStateException("demo/units.csv has invalid lines: " + report.lines());
        }
        List<Unit> all = units.all();
        for (Account account : ACCOUNTS) {
            UserAccount user = users.create(new NewUser(account.username(), account.fullName(),
                    account.username() + "@hoaan.gov.vn", PASSWORD));
            for (String code : account.unitCodes()) {
                Unit unit = all.stream().filter(u -> u.code().equals(code)).findFirst().orElseThrow();
                users.grant(user.id(), unit.id(), account.role());
            }
        }
    }

    private static byte[] read(String resource) {
        try (InputStream in = DemoData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
