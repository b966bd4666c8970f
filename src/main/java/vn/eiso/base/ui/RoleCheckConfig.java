package vn.eiso.base.ui;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AccessCheckDecisionResolver;
import com.vaadin.flow.server.auth.NavigationAccessChecker;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import com.vaadin.flow.spring.security.NavigationAccessControlConfigurer;
import com.vaadin.flow.spring.security.SpringNavigationAccessControl;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Vaadin's navigation access control (the {@code @RolesAllowed} of views and of the menu's entries), built as
 * Vaadin's configurer builds it, but asking the request for the user's roles ({@link RolesOfRequest}).
 */
@Configuration
class RoleCheckConfig {

    @Bean
    @Primary
    NavigationAccessControl rolesOfRequestAccessControl(List<NavigationAccessChecker> checkers,
            NavigationAccessControlConfigurer configurer) {
        return configurer.build(RolesOfRequest::new, checkers);
    }

    /**
     * Vaadin's Spring access control looks up its role-prefix holder on every navigation and once per menu entry.
     * The lookup finds the holder bean but then still scans the class path for a service, under the class loader's
     * locks: it remembers only Vaadin's own default services, and the context refuses a second lookup. With no
     * prefix set (SecurityConfig) the answer is always the request's own role check, so the request is asked
     * directly. The scan was 3 % of a node's request time under load and made request threads wait for each other
     * (ADR 0028).
     */
    static final class RolesOfRequest extends SpringNavigationAccessControl {

        RolesOfRequest(Collection<NavigationAccessChecker> checkers, AccessCheckDecisionResolver resolver) {
            super(checkers, resolver);
        }

        @Override
        protected Predicate<String> getRolesChecker(VaadinRequest request) {
            return request == null ? super.getRolesChecker(null) : request::isUserInRole;
        }
    }
}
