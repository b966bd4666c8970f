package vn.eiso.support;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.notification.Notification;
import java.util.List;
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

    /** The texts of every notification shown so far, newest last. */
    protected List<String> notifications() {
        return find(Notification.class).all().stream().map(n -> test(n).getText()).toList();
    }
}
