package vn.eiso.organisation.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import vn.eiso.base.security.EisoPrincipal;
import vn.eiso.base.ui.LoginView;
import vn.eiso.organisation.UserService;

/**
 * After an administrator's reset, every screen leads to the password change until it is done: the administrator
 * knows the reset password, so it must not open the user's work (or sign in the user's name).
 */
@Component
class PasswordChangeGuard implements VaadinServiceInitListener {

    private final UserService users;

    PasswordChangeGuard(UserService users) {
        this.users = users;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(e -> e.getUI().addBeforeEnterListener(this::beforeEnter));
    }

    void beforeEnter(BeforeEnterEvent event) {
        Class<?> target = event.getNavigationTarget();
        if (target == ChangePasswordView.class || target == LoginView.class) {
            return;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        // The session's principal says so cheaply; the database has the last word (changed in another tab).
        if (auth != null && auth.getPrincipal() instanceof EisoPrincipal principal && principal.mustChangePassword()
                && users.mustChangeOwnPassword()) {
            event.rerouteTo(ChangePasswordView.class);
        }
    }
}
