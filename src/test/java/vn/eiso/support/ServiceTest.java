package vn.eiso.support;

import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.userdetails.UserDetailsService;
import vn.eiso.base.UnitId;
import vn.eiso.base.security.EisoPrincipal;
import vn.eiso.base.security.SystemAuthentication;
import vn.eiso.organisation.UnitService;

/** Service tests on the demo province: sign a demo account in, find a unit by its code, "today" in the province. */
@SpringBootTest
public abstract class ServiceTest {

    @Autowired
    protected UnitService units;
    @Autowired
    protected UserDetailsService userDetails;
    /** The run's clock: "today" as the services see it, movable forward by a test. */
    @Autowired
    protected TestClock clock;

    /** Sở Tư pháp, the demo unit with documents, audits, reviews, objectives and risks. */
    protected UnitId stp;
    protected LocalDate today;

    @BeforeEach
    void findTheDemoUnit() {
        stp = unit("STP");
        today = today();
    }

    @AfterEach
    void signOutAfterTest() {
        Accounts.signOut();
    }

    protected EisoPrincipal as(String username) {
        return Accounts.signIn(userDetails, username);
    }

    protected UnitId unit(String code) {
        return SystemAuthentication.runAsSystem(() -> units.byCode(code).id());
    }

    /** Today in the agencies' time zone, as the services see it. */
    protected LocalDate today() {
        return LocalDate.now(clock);
    }
}
