package vn.eiso.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import vn.eiso.base.DomainException;
import vn.eiso.base.security.EisoPrincipal;

/**
 * Every UI starts in the user's chosen language (Vietnamese before login), and an error that escapes a view
 * becomes a readable message instead of a stack trace.
 */
@Component
class UiSetup implements VaadinServiceInitListener {

    private static final Logger LOG = LoggerFactory.getLogger(UiSetup.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(e -> e.getSession().setErrorHandler(error -> {
            Throwable cause = error.getThrowable();
            while (cause.getCause() != null && !(cause instanceof DomainException)
                    && !(cause instanceof AccessDeniedException)) {
                cause = cause.getCause();
            }
            if (UI.getCurrent() == null) {
                LOG.error("error outside a UI", error.getThrowable());
            } else if (cause instanceof DomainException domain) {
                Notifications.error(domain);
            } else if (cause instanceof AccessDeniedException) {
                Notifications.error(UI.getCurrent().getTranslation("error.accessDenied"));
            } else {
                LOG.error("unexpected error", error.getThrowable());
                Notifications.error(UI.getCurrent().getTranslation("error.unexpected"));
            }
        }));
        event.getSource().addUIInitListener(e -> e.getUI().setLocale(sessionLocale(e.getUI().getSession())));
    }

    private static Locale sessionLocale(VaadinSession session) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        Locale chosen = (Locale) session.getAttribute(LanguageSwitch.SESSION_KEY);
        if (chosen != null) {
            return chosen;
        }
        if (auth != null && auth.getPrincipal() instanceof EisoPrincipal principal) {
            return Messages.forTag(principal.locale());
        }
        return Messages.VIETNAMESE;
    }
}
