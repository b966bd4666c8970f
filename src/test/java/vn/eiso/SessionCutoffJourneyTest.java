package vn.eiso;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import vn.eiso.base.Role;
import vn.eiso.base.security.SignedIn;
import vn.eiso.base.security.SystemAuthentication;
import vn.eiso.organisation.NewUser;
import vn.eiso.organisation.UnitService;
import vn.eiso.organisation.UserAccount;
import vn.eiso.organisation.UserService;
import vn.eiso.support.Accounts;
import vn.eiso.support.BrowserTest;

/**
 * In a real Chromium: a user works in an open screen while an administrator disables the account; the user's next
 * click, a round trip of Vaadin's client rather than a page load, lands on the login page, which says why
 * (ADR 0020).
 */
class SessionCutoffJourneyTest extends BrowserTest {

    @Autowired
    UserService users;
    @Autowired
    UnitService units;
    @Autowired
    UserDetailsService userDetails;

    @Test
    void the_next_click_after_the_account_is_disabled_lands_on_the_login_page_with_the_reason() throws Exception {
        String name = "tab" + UUID.randomUUID().toString().substring(0, 8);
        UserAccount user = SystemAuthentication.runAsSystem(() -> {
            UserAccount created = users.create(new NewUser(name, "Đang làm " + name, null, Accounts.DEMO_PASSWORD));
            users.grant(created.id(), units.byCode("STP").id(), Role.STAFF);
            return created;
        });
        login(name, Accounts.DEMO_PASSWORD);
        waitForText("Xin chào");

        SignedIn.as(userDetails.loadUserByUsername("admin"));
        try {
            UserAccount account = users.get(user.id());
            users.update(account.id(), account.version(), account.fullName(), account.email(), false);
        } finally {
            Accounts.signOut();
        }

        // A click in the menu: Vaadin's client asks the server to navigate, in its own request.
        ((JavascriptExecutor) driver).executeScript("""
                const item = document.querySelector('vaadin-side-nav-item[path$="documents"]');
                (item.shadowRoot.querySelector('a') || item).click();""");

        waitForText("Phiên làm việc của bạn đã kết thúc vì quyền truy cập của bạn đã thay đổi");
        assertThat(driver.getCurrentUrl()).contains("/login");
        screenshot("session-ended-login");
    }
}
