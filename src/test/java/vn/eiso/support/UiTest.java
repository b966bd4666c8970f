package vn.eiso.support;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.notification.Notification;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import vn.eiso.base.UnitId;
import vn.eiso.base.security.SystemAuthentication;
import vn.eiso.organisation.UnitService;
import java.util.Set;
import org.springframework.boot.test.context.SpringBootTest;

/** Browserless UI tests run the real views and services on the demo province, in Vietnamese. */
@SpringBootTest
public abstract class UiTest extends SpringBrowserlessTest {

    /** All routes and the layout, whatever package the test lives in. */
    @Override
    protected Set<String> scanPackages() {
        return Set.of("vn.eiso");
    }

    @Autowired
    protected UnitService units;
    @Autowired
    protected UserDetailsService userDetails;
    /** The run's clock: "today" as the views see it, movable forward by a test. */
    @Autowired
    protected TestClock clock;

    protected UnitId unit(String code) {
        return SystemAuthentication.runAsSystem(() -> units.byCode(code).id());
    }

    /** Does some work as another user (preparing what the screen will show), then restores the test user. */
    protected <T> T as(String username, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        try {
            Accounts.signIn(userDetails, username);
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** The texts of every notification shown so far, newest last. */
    protected List<String> notifications() {
        return find(Notification.class).all().stream().map(n -> test(n).getText()).toList();
    }
}
